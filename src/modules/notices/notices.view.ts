import type { NoticeListRow } from './notices.repo.ts';

export function noticeView(row: NoticeListRow) {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    templateVersion: row.template_version,
    title: row.title,
    subject: row.subject_type && row.subject_id ? { type: row.subject_type, id: row.subject_id } : null,
    messageId: row.message_id,
    issuedBy: row.issued_by_name,
    issuedOn: row.issued_on,
    issuedAt: row.issued_at.toISOString(),
    htmlUrl: `/api/v1/notices/${row.id}/html`,
    pdfUrl: `/api/v1/attachments/${row.attachment_id}`,
  };
}
export type NoticeViewT = ReturnType<typeof noticeView>;
