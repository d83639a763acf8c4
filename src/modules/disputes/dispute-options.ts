/**
 * What the dispute wizard needs before the cardholder types anything: the charge, whether it can be disputed
 * (and why not, in plain words), an open dispute already on it, the reasons with their questions, the refund
 * check ("the merchant says it refunded me" is answered from the ledger first) and, for "charged twice", the
 * other charges from the same merchant to pick from. Read-only: nothing is written or audited beyond the
 * banking port's own reads.
 */
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Transaction } from '../banking/index.ts';
import { localDate } from '../calendars/index.ts';
import type { DisputeDeps } from './dispute-deps.ts';
import { DISPUTE_REASONS, isFraudReason, REASON_LABELS, REASON_QUESTIONS } from './dispute-reasons.ts';
import { findOpenDisputeFor } from './disputes.repo.ts';
import { disputableCharge, findMatchingRefunds, type RefundCheck } from './refund-check.ts';

const DAY_MS = 86_400_000;
/** How far either side of the charge we look for the other charge of a duplicate (issuer policy). */
export const DUPLICATE_SEARCH_DAYS = 30;
const SAME_MERCHANT_LIMIT = 200;

export type DisputeReasonOption = {
  reason: string;
  label: string;
  isFraud: boolean;
  /** Non-fraud reasons ask what the cardholder tried with the merchant (recorded, never required: 12 CFR 1005.11). */
  asksMerchantContact: boolean;
  questions: Array<{ key: string; kind: string; required: boolean; label: string }>;
};

export const REASON_OPTIONS: readonly DisputeReasonOption[] = DISPUTE_REASONS.map((reason) => ({
  reason,
  label: REASON_LABELS[reason],
  isFraud: isFraudReason(reason),
  asksMerchantContact: !isFraudReason(reason),
  questions: REASON_QUESTIONS[reason].map((q) => ({ key: q.key, kind: q.kind, required: q.required, label: q.label })),
}));

type ChargeSummary = { id: string; merchantName: string | null; description: string; amountCents: number; currency: string; status: string; date: string; cardLast4: string | null };

const summary = (t: Transaction, timeZone: string): ChargeSummary => ({
  id: t.id,
  merchantName: t.merchantName,
  description: t.description,
  amountCents: t.amountCents,
  currency: t.currency,
  status: t.status,
  date: localDate(t.postedAt ?? t.authorizedAt, timeZone),
  cardLast4: t.cardLast4,
});

const sameMerchant = (a: Transaction, b: Transaction) => (a.merchantId ?? a.merchantName ?? '').toLowerCase() === (b.merchantId ?? b.merchantName ?? '').toLowerCase();

async function otherChargesFromMerchant(deps: DisputeDeps, charge: Transaction): Promise<Transaction[]> {
  const from = new Date(charge.authorizedAt.getTime() - DUPLICATE_SEARCH_DAYS * DAY_MS);
  const before = new Date(charge.authorizedAt.getTime() + DUPLICATE_SEARCH_DAYS * DAY_MS);
  const page = await deps.banking.listTransactions(charge.accountId, { limit: SAME_MERCHANT_LIMIT, from, before });
  return page.items.filter((t) => t.id !== charge.id && t.direction === 'debit' && t.status === 'posted' && sameMerchant(t, charge));
}

export type DisputeOptions = {
  transaction: ChargeSummary & { accountId: string };
  disputable: boolean;
  notDisputableReason: string | null;
  openDispute: { id: string; caseId: string; caseNumber: string } | null;
  reasons: DisputeReasonOption[];
  refundCheck: RefundCheck | null;
  sameMerchantCharges: ChargeSummary[];
};

/** The cardholder's own charge only (another customer's: 404); staff work from the case, not this wizard. */
export async function disputeOptions(deps: DisputeDeps, actor: Actor, transactionId: string): Promise<DisputeOptions> {
  if (actor.kind !== 'cardholder') throw new AppError('forbidden', 'Dispute options are for the cardholder filing the dispute');
  const scope = actor.customerId;
  const txn = await deps.banking.findTransaction(transactionId, { customerId: scope });
  if (!txn) throw notFound('Transaction');
  const tz = deps.calendar.timeZone;
  const base = { transaction: { ...summary(txn, tz), accountId: txn.accountId }, reasons: [...REASON_OPTIONS] };
  try {
    await disputableCharge(deps.banking, txn.id, scope);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_disputable') {
      return { ...base, disputable: false, notDisputableReason: error.message, openDispute: null, refundCheck: null, sameMerchantCharges: [] };
    }
    throw error;
  }
  const open = await findOpenDisputeFor(deps.db, txn.id);
  const refundCheck = await findMatchingRefunds(deps.banking, txn, { timeZone: tz });
  const others = await otherChargesFromMerchant(deps, txn);
  return {
    ...base,
    disputable: true,
    notDisputableReason: null,
    openDispute: open ? { id: open.id, caseId: open.case_id, caseNumber: open.case_number } : null,
    refundCheck,
    sameMerchantCharges: others.map((t) => summary(t, tz)),
  };
}
