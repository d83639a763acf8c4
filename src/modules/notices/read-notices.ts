import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { aadFor } from '../../platform/crypto/index.ts';
import { notFound } from '../../platform/errors.ts';
import { customerScope, isAuditedRead } from '../../platform/policy.ts';
import { type CaseDeps, findCaseForLink, type RequestMeta } from '../cases/index.ts';
import { findNotice, listCaseNotices } from './notices.repo.ts';
import { noticeView } from './notices.view.ts';

/** The notices on a case: the case's own cardholder (another customer's case is a 404) or staff. */
export async function listNotices(deps: CaseDeps, actor: Actor, caseId: string, meta: RequestMeta) {
  const row = await findCaseForLink(deps.db, caseId, customerScope(actor));
  if (!row) throw notFound('Case');
  const items = (await listCaseNotices(deps.db, caseId)).map(noticeView);
  if (isAuditedRead(actor)) {
    await recordAudit(deps.db, { action: 'notice.read', actorId: actor.userId, actorRole: actor.role, targetType: 'case', targetId: caseId, requestId: meta.requestId, ip: meta.ip, at: deps.clock.now(), detail: { list: true, count: items.length } });
  }
  return { caseId, caseNumber: row.number, items };
}

/** One notice with, when asked, its HTML letter exactly as issued (decrypted). */
export async function readNotice(deps: CaseDeps, actor: Actor, id: string, meta: RequestMeta, withHtml: boolean) {
  const row = await findNotice(deps.db, id, customerScope(actor));
  if (!row) throw notFound('Notice');
  const html = withHtml ? await deps.cipher.openText(deps.db, row.html, aadFor('notices', row.id, 'html')) : null;
  if (isAuditedRead(actor)) {
    await recordAudit(deps.db, { action: 'notice.read', actorId: actor.userId, actorRole: actor.role, targetType: 'notice', targetId: id, requestId: meta.requestId, ip: meta.ip, at: deps.clock.now(), detail: { caseId: row.case_id, html: withHtml } });
  }
  return { view: noticeView(row), html };
}
