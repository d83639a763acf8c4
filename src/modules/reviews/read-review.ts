/**
 * `GET /api/v1/accounts/:id/review` → `{ status, reason, documents, estimate, … }`: the cardholder's own
 * account (another's is a 404) or staff (an audited read). Declines while on hold are explained with the
 * cards module's words for `account_on_hold` (one source of plain language).
 */
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { explainDecline } from '../cards/index.ts';
import type { CaseDeps, RequestMeta } from '../cases/index.ts';
import { estimateReviewTime } from './estimate-review-time.ts';
import { reviewPolicyFor } from './review-policy.ts';
import { type DocumentRow, latestReviewOf, listDocuments, pastReviews, type ReviewRow } from './reviews.repo.ts';
import type { ReviewView } from './reviews.schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function documentView(d: DocumentRow, now: Date) {
  return {
    id: d.id,
    kind: d.kind,
    label: d.label,
    note: d.note,
    status: d.status,
    requestedAt: d.requested_at.toISOString(),
    dueAt: d.due_at.toISOString(),
    overdue: d.status === 'requested' && d.due_at.getTime() <= now.getTime(),
    remindedAt: iso(d.reminded_at),
    receivedAt: iso(d.received_at),
    satisfiedAt: iso(d.satisfied_at),
    uploads: d.uploads,
    canUpload: d.status === 'requested' || d.status === 'received',
  };
}

export async function reviewView(deps: CaseDeps, accountId: string, review: ReviewRow | null): Promise<ReviewView> {
  const now = deps.clock.now();
  if (!review) return { accountId, status: 'none', reviewId: null, reason: null, caseId: null, caseNumber: null, placedAt: null, extendedUntil: null, decision: null, decidedAt: null, documents: [], estimate: null, declines: null, nextStep: 'This account is not under review.' };
  const documents = (await listDocuments(deps.db, review.id)).map((d) => documentView(d, now));
  const open = review.status === 'open';
  const policy = reviewPolicyFor(deps.profile);
  let estimate: ReviewView['estimate'] = null;
  if (open) {
    const e = estimateReviewTime(await pastReviews(deps.db, review.reason_code), { reasonCode: review.reason_code, productLine: review.product_line }, { minSimilar: policy.estimateMinSimilar, defaultHours: policy.defaultEstimateHours });
    const waiting = documents.some((d) => d.status === 'requested');
    const from = !waiting && review.last_document_at ? review.last_document_at : null;
    const at = (hours: number) => (from ? new Date(from.getTime() + hours * 3_600_000).toISOString() : null);
    estimate = { ...e, expectedBy: at(e.medianHours), latestBy: at(e.p90Hours) };
  }
  const outstanding = documents.filter((d) => d.status === 'requested').length;
  const nextStep = !open
    ? review.status === 'released'
      ? 'The review is finished and the hold is lifted.'
      : 'The review is finished and the account is closed; the notice is in your secure messages.'
    : outstanding > 0
      ? `Send the ${outstanding} document${outstanding === 1 ? '' : 's'} still needed; the review continues as soon as we have everything.`
      : 'We have everything we asked for; a reviewer is deciding.';
  const decline = explainDecline('account_on_hold');
  return {
    accountId,
    status: review.status,
    reviewId: review.id,
    reason: review.reason,
    caseId: review.case_id,
    caseNumber: review.case_number,
    placedAt: review.placed_at.toISOString(),
    extendedUntil: iso(review.extended_until),
    decision: review.decision,
    decidedAt: iso(review.decided_at),
    documents,
    estimate,
    declines: open ? { title: decline.title, explanation: decline.explanation, whatToDo: decline.whatToDo } : null,
    nextStep,
  };
}

export async function readAccountReview(deps: CaseDeps, actor: Actor, accountId: string, meta: RequestMeta): Promise<ReviewView> {
  const account = await deps.banking.findAccount(accountId, { customerId: actor.kind === 'cardholder' ? actor.customerId : null });
  if (!account) throw notFound('Account');
  if (actor.kind === 'staff') {
    await recordAudit(deps.db, { action: 'review.read', actorId: actor.userId, actorRole: actor.role, targetType: 'account', targetId: account.id, requestId: meta.requestId, ip: meta.ip, at: deps.clock.now(), detail: {} });
  }
  return reviewView(deps, account.id, await latestReviewOf(deps.db, account.id));
}
