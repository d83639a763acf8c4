import { recordAudit } from '../../platform/audit.ts';
import type { StaffActor, StaffRole } from '../../platform/auth/actor.ts';
import { aadFor } from '../../platform/crypto/index.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { localDate } from '../calendars/index.ts';
import { appendCaseEvents, type CaseDeps, findCaseForLink, prepareReply, type RequestMeta, writeReply } from '../cases/index.ts';
import { redactInbound } from '../safety/index.ts';
import { letterheadFor } from './letterhead.ts';
import { composeNotice, noticeTemplate } from './notice-templates.ts';
import { insertNotice } from './notices.repo.ts';
import { noticeView, type NoticeViewT } from './notices.view.ts';
import { renderNoticeHtml } from './render-notice-html.ts';
import { renderNoticePdf } from './render-notice-pdf.ts';
import './templates/index.ts';

export type IssueNoticeInput = {
  caseId: string;
  /** A registered template kind, e.g. 'complaint_acknowledgment'. */
  kind: string;
  /** The template's data (checked against its schema). Free text in it is redacted like any message. */
  data: Record<string, unknown>;
  /** The representative who signs the letter and the message it is attached to. */
  actor: StaffActor;
  /** "Dear …": read it before the transaction (the ledger is another module); null writes "Dear cardholder". */
  recipientName?: string | null;
  /** What the letter is about, for listing by subject (a complaint, a dispute …). */
  subject?: { type: string; id: string };
  /** The request that caused it (audit); a background job leaves it out and gets a fresh request id. */
  meta?: RequestMeta;
};

const ROLE_TITLES: Record<StaffRole, string> = { agent: 'Customer Care Representative', supervisor: 'Customer Care Supervisor', compliance: 'Complaints and Compliance Officer', admin: 'Customer Care' };

/** PCI DSS 3.3.1 and 3.4.1: no card number, CVV or PIN reaches a letter, whatever a caller put in the data. */
function redactData(value: unknown): unknown {
  if (typeof value === 'string') return redactInbound(value).text;
  if (Array.isArray(value)) return value.map(redactData);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactData(v)]));
  return value;
}

/**
 * Issue a written notice inside the caller's unit of work: the letter is rendered to HTML and PDF from its
 * template, sent as a Secure Message Center message signed by the representative with the PDF attached
 * (sealed in the blob store through the message attachment path), the HTML kept sealed, a timeline entry
 * and an audit row written. If the caller's transaction rolls back, nothing of it remains (the blob too).
 */
export async function issueNotice(deps: CaseDeps, unit: Unit, input: IssueNoticeInput): Promise<NoticeViewT & { attachmentId: string }> {
  const template = noticeTemplate(input.kind);
  const meta = input.meta ?? { requestId: newId('req'), ip: null };
  const row = await findCaseForLink(unit.tx, input.caseId, null, true);
  if (!row) throw notFound('Case');
  const now = deps.clock.now();
  const issuedOn = localDate(now, deps.profile.issuer.timeZone);
  const ctx = {
    caseNumber: row.number,
    issuedOn,
    recipientName: input.recipientName ?? null,
    representative: { name: input.actor.displayName, agentCode: input.actor.agentCode, role: ROLE_TITLES[input.actor.role] },
    letterhead: letterheadFor(deps.profile, row.product_line),
    regulator: deps.profile.regulator,
  };
  const { document, message } = composeNotice(template, ctx, redactData(input.data));
  const html = renderNoticeHtml(document);
  const pdf = await renderNoticePdf(document, now, `Case ${row.number}`);
  const body = message.length <= deps.policy.messageLimits.bodyMaxChars ? message : `${template.title}: our letter is attached as a PDF (case ${row.number}).`;
  const fileName = `${template.fileName}-${row.number}.pdf`;
  const prepared = await prepareReply(deps, input.actor, { body, files: [{ bytes: pdf, fileName, declaredType: 'application/pdf' }] });
  await writeReply(deps, unit, input.actor, row.id, prepared, meta);
  const attachmentId = prepared.message.files[0]!.id;
  const id = newId('ntc');
  const stored = {
    id,
    case_id: row.id,
    customer_id: row.customer_id,
    kind: template.kind,
    template_version: template.version,
    title: template.title,
    subject_type: input.subject?.type ?? null,
    subject_id: input.subject?.id ?? null,
    message_id: prepared.message.id,
    attachment_id: attachmentId,
    issued_by: input.actor.userId,
    issued_by_name: input.actor.displayName,
    issued_on: issuedOn,
    issued_at: now,
  };
  await insertNotice(unit.tx, { ...stored, html: await deps.cipher.seal(unit.tx, html, aadFor('notices', id, 'html')) });
  await appendCaseEvents(unit.tx, [
    { case_id: row.id, at: now, kind: 'notice_issued', actor_id: input.actor.userId, actor_role: input.actor.role, actor_name: input.actor.displayName, visible_to_cardholder: true, data: { noticeId: id, kind: template.kind, title: template.title, messageId: prepared.message.id } },
  ]);
  await recordAudit(unit.tx, { action: 'notice.issue', actorId: input.actor.userId, actorRole: input.actor.role, targetType: 'notice', targetId: id, requestId: meta.requestId, ip: meta.ip, at: now, detail: { caseId: row.id, kind: template.kind, version: template.version, messageId: prepared.message.id } });
  return { ...noticeView(stored), attachmentId };
}
