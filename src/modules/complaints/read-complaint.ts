import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { customerScope, isAuditedRead } from '../../platform/policy.ts';
import { caseTimeline } from '../cases/index.ts';
import { receiptDate } from './complaint-clocks.ts';
import type { ComplaintDeps, RequestMeta } from './complaint-deps.ts';
import { complaintView } from './complaint.view.ts';
import { complaintCaseIds, findComplaint } from './complaints.repo.ts';

/**
 * One complaint with its whole timeline: every linked case's entries merged in time order, each naming its
 * case. The cardholder sees their own complaint and only what the timeline shows them; staff reads are audited.
 */
export async function readComplaint(d: ComplaintDeps, actor: Actor, id: string, meta: RequestMeta) {
  const row = await findComplaint(d.cases.db, id, customerScope(actor));
  if (!row) throw notFound('Complaint');
  const cardholderView = actor.kind === 'cardholder';
  const caseIds = await complaintCaseIds(d.cases.db, id);
  const timelines = (await Promise.all(caseIds.map((caseId) => caseTimeline(d.cases.db, caseId, cardholderView)))).filter((t) => t !== null);
  const now = d.cases.clock.now();
  if (isAuditedRead(actor)) {
    await recordAudit(d.cases.db, { action: 'complaint.read', actorId: actor.userId, actorRole: actor.role, targetType: 'complaint', targetId: id, requestId: meta.requestId, ip: meta.ip, at: now });
  }
  const timeline = timelines
    .flatMap((t) => t.timeline.map((e) => ({ ...e, caseId: t.caseId })))
    .sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  return {
    ...complaintView(row, receiptDate(now, d.timeZone)),
    cases: timelines.map(({ timeline: _t, queue: _q, ...c }) => c),
    timeline,
  };
}
