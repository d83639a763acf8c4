/**
 * The reviewer's decision: release the hold, extend the review (more time, the due times move with it), or
 * close the account with an adverse-action notice. Every decision is a written message on the case signed by
 * the reviewer, a timeline entry and an audit row, in one unit of work with the ledger change.
 */
import { recordAudit } from '../../platform/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { localDate } from '../calendars/index.ts';
import { appendCaseEvents, type CaseDeps, type RequestMeta } from '../cases/index.ts';
import { issueAdverseActionLetter } from './adverse-action-letter.ts';
import { writeReviewerNotice } from './review-notice.ts';
import { formatWhen, HOUR_MS } from './review-policy.ts';
import { closeOpenDocuments, findReview, listDocuments, updateDocument, updateReview } from './reviews.repo.ts';

export type ReviewDecision = 'release' | 'extend' | 'close';
export type DecisionInput = { decision: ReviewDecision; note: string; extendHours?: number | undefined };

export async function decideReview(deps: CaseDeps, unit: Unit, actor: StaffActor, reviewId: string, input: DecisionInput, meta: RequestMeta): Promise<void> {
  const { tx } = unit;
  const review = await findReview(tx, reviewId, null, true);
  if (!review) throw notFound('Review');
  if (review.status !== 'open') throw new AppError('invalid_state_transition', `This review was already decided (${review.decision})`);
  const note = input.note.trim();
  if (!note) throw new AppError('validation_failed', 'A decision needs a written reason', { errors: [{ field: 'note', message: 'must not be empty' }] });
  const now = deps.clock.now();
  const tz = deps.profile.issuer.timeZone;
  const banking = deps.banking.withTransaction(tx);
  let body: string | null = null;
  let closedOnDay: string | null = null;
  let data: Record<string, unknown> = { reviewId: review.id, decision: input.decision };
  if (input.decision === 'extend') {
    if (!input.extendHours) throw new AppError('validation_failed', 'Say how many hours the review is extended by', { errors: [{ field: 'extendHours', message: 'is required to extend' }] });
    const until = new Date(now.getTime() + input.extendHours * HOUR_MS);
    for (const d of await listDocuments(tx, review.id)) {
      // Outstanding requests move with the review; their reminder and escalation start over.
      if (d.status === 'requested' && d.due_at < until) await updateDocument(tx, d.id, { due_at: until, reminded_at: null, escalated_at: null, updated_at: now });
    }
    await updateReview(tx, review.id, { extended_until: until, updated_at: now });
    body = `We need more time to finish reviewing your account. We now expect to decide by ${formatWhen(until, tz)}.\n${note}`;
    data = { ...data, extendedUntil: until.toISOString() };
  } else {
    const closedOn = localDate(now, tz);
    if (input.decision === 'release') {
      await banking.releaseHold(review.account_id, now);
      body = `Your account review is finished and the hold is lifted: you can use your card again.\n${note}`;
    } else {
      await banking.closeAccount(review.account_id, closedOn, now);
      closedOnDay = closedOn; // the adverse-action notice goes out as a letter below
    }
    await closeOpenDocuments(tx, review.id, now);
    await updateReview(tx, review.id, { status: input.decision === 'release' ? 'released' : 'closed', decision: input.decision, decision_note: note, decided_by: actor.userId, decided_at: now, updated_at: now });
  }
  const messageId =
    body !== null
      ? await writeReviewerNotice(deps, unit, actor, review.case_id, body, meta)
      : await issueAdverseActionLetter(deps, unit, { actor, caseId: review.case_id, reviewId: review.id, closedOn: closedOnDay ?? localDate(now, tz), reason: note, meta });
  if (input.decision === 'close') await updateReview(tx, review.id, { notice_message_id: messageId });
  await appendCaseEvents(tx, [{ case_id: review.case_id, at: now, kind: `review_${input.decision === 'extend' ? 'extended' : input.decision === 'release' ? 'released' : 'closed'}`, actor_id: actor.userId, actor_role: actor.role, actor_name: actor.displayName, visible_to_cardholder: true, data }]);
  await recordAudit(tx, { action: 'review.decide', actorId: actor.userId, actorRole: actor.role, targetType: 'account_review', targetId: review.id, requestId: meta.requestId, ip: meta.ip, at: now, detail: { ...data, messageId } });
}
