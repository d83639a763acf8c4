/**
 * The document sweep, run on a timer (pg-boss, one process per period) and called directly by tests with a
 * moved clock. A pure-ish function of `deps.clock.now()`: every reminder and every overdue escalation is
 * claimed by a conditional UPDATE (`… WHERE reminded_at IS NULL`), so it happens once however many processes
 * sweep. A reminder is a written message on the case (and a "you have a secure message" notification); an
 * overdue request escalates the case to a supervisor and is marked on the timeline.
 */
import { recordAudit } from '../../platform/audit.ts';
import { inUnit } from '../../platform/unit-of-work.ts';
import { appendCaseEvents, type CaseDeps, escalateRow, findCaseForLink } from '../cases/index.ts';
import { writeSystemNotice } from './review-notice.ts';
import { formatWhen, HOUR_MS, reviewPolicyFor } from './review-policy.ts';
import { claimDocument, documentsOverdue, documentsToRemind, documentWithReview } from './reviews.repo.ts';

export type ReviewSweepReport = { reminded: number; escalated: number };
const SYSTEM = { id: null, role: 'system', name: 'Account review sweep' };

export async function sweepReviews(deps: CaseDeps, limit = 200): Promise<ReviewSweepReport> {
  const now = deps.clock.now();
  const policy = reviewPolicyFor(deps.profile);
  let escalated = 0;
  for (const { id } of await documentsOverdue(deps.db, now, limit)) if (await escalateOverdue(deps, id)) escalated++;
  let reminded = 0;
  const remindBefore = new Date(now.getTime() - policy.reminderAfterHours * HOUR_MS);
  for (const { id } of await documentsToRemind(deps.db, now, remindBefore, limit)) if (await remindOnce(deps, id)) reminded++;
  return { reminded, escalated };
}

async function remindOnce(deps: CaseDeps, documentId: string): Promise<boolean> {
  return inUnit(deps.db, async (unit) => {
    const now = deps.clock.now();
    if (!(await claimDocument(unit.tx, documentId, 'reminded_at', now))) return false;
    const d = await documentWithReview(unit.tx, documentId);
    if (!d) return false;
    const body = `A reminder: we still need "${d.label}" to finish reviewing your account. Please send it by ${formatWhen(d.due_at, deps.profile.issuer.timeZone)} on the account review page, or reply here with the file attached.`;
    await writeSystemNotice(deps, unit, { caseId: d.case_id, customerId: d.customer_id, caseNumber: d.case_number, body, at: now, kind: 'document_reminder' });
    await recordAudit(unit.tx, { action: 'review.document_reminder', actorId: null, actorRole: 'system', targetType: 'account_review', targetId: d.review_id, requestId: `review-sweep:${documentId}:reminder`, at: now, detail: { documentId } });
    return true;
  });
}

async function escalateOverdue(deps: CaseDeps, documentId: string): Promise<boolean> {
  return inUnit(deps.db, async (unit) => {
    const now = deps.clock.now();
    if (!(await claimDocument(unit.tx, documentId, 'escalated_at', now))) return false;
    const d = await documentWithReview(unit.tx, documentId);
    if (!d) return false;
    const row = await findCaseForLink(unit.tx, d.case_id, null, true);
    if (row && row.status !== 'closed' && !row.merged_into) {
      await escalateRow(deps, unit.tx, row, SYSTEM, `Requested document overdue: ${d.label}`, 'request', now);
    }
    await appendCaseEvents(unit.tx, [
      { case_id: d.case_id, at: now, kind: 'review_document_overdue', actor_id: null, actor_role: 'system', actor_name: SYSTEM.name, visible_to_cardholder: false, data: { reviewId: d.review_id, documentId, label: d.label, dueAt: d.due_at.toISOString() } },
    ]);
    await recordAudit(unit.tx, { action: 'review.document_overdue', actorId: null, actorRole: 'system', targetType: 'account_review', targetId: d.review_id, requestId: `review-sweep:${documentId}:overdue`, at: now, detail: { documentId } });
    unit.afterCommit(() => deps.publish({ type: 'case.updated', caseId: d.case_id, customerId: d.customer_id }));
    return true;
  });
}
