/**
 * An account review opens when staff place a hold with a reason, or when a rule does (a fraud or risk rule,
 * or a hold placed in the core system that has no review yet). In one unit of work: the hold on the ledger,
 * a case of type account_review, the review row, the document requests with their written message, and the
 * audit row. One open review per account (a 409 otherwise; the unique index is the backstop).
 */
import { recordAudit } from '../../platform/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import type { Account } from '../banking/index.ts';
import { type CaseDeps, openSystemCase, type RequestMeta } from '../cases/index.ts';
import { addDocuments, checkDocuments, type DocumentInput } from './request-documents.ts';
import { findReview, insertReview, latestReviewOf, type ReviewRow } from './reviews.repo.ts';

/** Account reviews are `rev_…` (the platform's id list has no prefix for them yet; same alphabet and length). */
export const newReviewId = () => `rev_${newId('evt').slice(4)}`;

export type OpenReviewInput = {
  account: Account;
  reason: string;
  reasonCode: string;
  documents: DocumentInput[];
} & ({ source: 'staff'; actor: StaffActor } | { source: 'rule'; rule: string });

export const isOneOpenViolation = (e: unknown) => (e as { code?: string }).code === '23505' && /account_reviews_one_open/.test(String((e as { constraint?: string; message?: string }).constraint ?? (e as Error).message));

export async function openReview(deps: CaseDeps, unit: Unit, input: OpenReviewInput, meta: RequestMeta): Promise<ReviewRow> {
  const { tx } = unit;
  const { account } = input;
  const documents = checkDocuments(input.documents);
  if (account.status === 'closed') throw new AppError('conflict', 'This account is closed; a closed account cannot be put under review');
  const current = await latestReviewOf(tx, account.id);
  if (current?.status === 'open') throw new AppError('conflict', `This account is already under review (case ${current.case_number})`, { extra: { reviewId: current.id } });
  const now = deps.clock.now();
  const id = newReviewId();
  const actor = input.source === 'staff' ? input.actor : null;
  const who = actor ? { id: actor.userId, role: actor.role, name: actor.displayName } : { id: null, role: 'system', name: `${deps.profile.issuer.name} Account Reviews` };
  const banking = deps.banking.withTransaction(tx);
  // A hold already placed in the core system (by its own rule) is adopted as it is: its time stays the start.
  const placedAt = account.status === 'on_hold' && account.holdPlacedAt ? account.holdPlacedAt : now;
  if (account.status !== 'on_hold') await banking.placeHold(account.id, input.reason, now);
  const opened = await openSystemCase(
    deps,
    unit,
    {
      customerId: account.customerId,
      accountId: account.id,
      transactionId: null,
      subject: 'Account review',
      type: 'account_review',
      priority: 'high', // "account hold" is one of the words that raise priority (DESIGN, triage)
      links: { reviewId: id },
      actor: who,
      events: [{ kind: 'review_opened', visibleToCardholder: true, data: { reviewId: id, reason: input.reason, source: input.source } }],
    },
    meta,
  );
  await insertReview(tx, {
    id,
    customer_id: account.customerId,
    account_id: account.id,
    case_id: opened.id,
    status: 'open',
    reason: input.reason,
    reason_code: input.reasonCode,
    product_line: account.productLine,
    source: input.source,
    rule: input.source === 'rule' ? input.rule : null,
    placed_by: actor?.userId ?? null,
    placed_at: placedAt,
    created_at: now,
    updated_at: now,
  });
  const review = (await findReview(tx, id, null))!;
  const intro = `Your account is on hold while we review it. The reason: ${input.reason}. While it is on hold, new purchases are declined; payments and refunds still reach the account.`;
  await addDocuments(deps, unit, review, documents, actor, meta, intro);
  await recordAudit(tx, { action: 'review.open', actorId: actor?.userId ?? null, actorRole: who.role, targetType: 'account', targetId: account.id, requestId: meta.requestId, ip: meta.ip, at: now, detail: { reviewId: id, reasonCode: input.reasonCode, source: input.source } });
  return review;
}
