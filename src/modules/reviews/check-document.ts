/**
 * The reviewer's checklist: a document request is checked off (satisfied), or sent back with the reason (it
 * is requested again with a fresh due time, reminder and escalation). A written message tells the cardholder
 * when something is sent back.
 */
import { recordAudit } from '../../platform/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { appendCaseEvents, type CaseDeps, type RequestMeta } from '../cases/index.ts';
import { writeReviewerNotice } from './review-notice.ts';
import { formatWhen, HOUR_MS, reviewPolicyFor } from './review-policy.ts';
import { findDocument, findReview, updateDocument } from './reviews.repo.ts';

export async function checkDocument(deps: CaseDeps, unit: Unit, actor: StaffActor, reviewId: string, documentId: string, input: { satisfied: boolean; note?: string | undefined }, meta: RequestMeta): Promise<void> {
  const { tx } = unit;
  const review = await findReview(tx, reviewId, null, true);
  const doc = review ? await findDocument(tx, review.id, documentId, true) : null;
  if (!review || !doc) throw notFound('Document request');
  if (review.status !== 'open' || doc.status === 'closed') throw new AppError('invalid_state_transition', 'This review is finished; its checklist is closed');
  const now = deps.clock.now();
  const who = { actor_id: actor.userId, actor_role: actor.role, actor_name: actor.displayName };
  if (input.satisfied) {
    if (doc.status === 'satisfied') return; // checked off already
    await updateDocument(tx, doc.id, { status: 'satisfied', satisfied_at: now, satisfied_by: actor.userId, updated_at: now });
  } else {
    const note = input.note?.trim();
    if (!note) throw new AppError('validation_failed', 'Say why the document is sent back', { errors: [{ field: 'note', message: 'is required when a document is sent back' }] });
    const due = new Date(now.getTime() + reviewPolicyFor(deps.profile).documentDueHours * HOUR_MS);
    await updateDocument(tx, doc.id, { status: 'requested', satisfied_at: null, satisfied_by: null, received_at: null, requested_at: now, due_at: due, reminded_at: null, escalated_at: null, updated_at: now });
    await writeReviewerNotice(deps, unit, actor, review.case_id, `We could not use what we received for "${doc.label}": ${note}\nPlease send it again by ${formatWhen(due, deps.profile.issuer.timeZone)}.`, meta);
  }
  await appendCaseEvents(tx, [
    { case_id: review.case_id, at: now, kind: input.satisfied ? 'review_document_satisfied' : 'review_document_sent_back', ...who, visible_to_cardholder: true, data: { reviewId: review.id, documentId: doc.id, label: doc.label } },
  ]);
  await recordAudit(tx, { action: 'review.document_check', actorId: actor.userId, actorRole: actor.role, targetType: 'account_review', targetId: review.id, requestId: meta.requestId, ip: meta.ip, at: now, detail: { documentId: doc.id, satisfied: input.satisfied } });
}
