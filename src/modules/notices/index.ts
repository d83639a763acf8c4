// Public door of the notices module: written notices (letters) rendered from a template registry to HTML and
// PDF, sent through the Secure Message Center with the PDF attached, listed on the case (issue 4, item 6).
import './templates/index.ts';

export { noticesRoutes } from './notices.routes.ts';
export { issueNotice, type IssueNoticeInput } from './issue-notice.ts';
export { registerNoticeTemplate, noticeTemplate, noticeKinds, composeNotice, callUs, type NoticeTemplate, type NoticeContext, type NoticeContent } from './notice-templates.ts';
export type { NoticeDocument, NoticeBlock, Fact, Letterhead } from './notice-document.ts';
export { renderNoticeHtml } from './render-notice-html.ts';
export { renderNoticePdf } from './render-notice-pdf.ts';
export { longDate } from './notice-text.ts';
export { listSubjectNotices } from './notices.repo.ts';
export { noticeView, type NoticeViewT } from './notices.view.ts';
