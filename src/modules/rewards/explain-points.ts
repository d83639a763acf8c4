import type { TransactionKind, TransactionStatus } from '../banking/index.ts';
import { type Earning, promotionPoints } from './earn-engine.ts';
import type { RewardRules } from './earn-rules.ts';
import type { PostingDue } from './posting-schedule.ts';

/**
 * "Why didn't my points post?" — one reason per transaction, with its numbers, from the engine's result, the
 * posting schedule and what the ledger holds. The first reason that applies wins, in this order: the ledger
 * disagrees with the rules; still pending; posts at statement close; refunded; not a purchase; category
 * excluded; cap reached; promotion not enrolled; earned.
 */
export const REASONS = [
  'earned',
  'pending',
  'declined',
  'not_a_purchase',
  'category_not_eligible',
  'cap_reached',
  'refunded',
  'promotion_not_enrolled',
  'posts_at_statement_close',
  'ledger_mismatch',
  'no_rewards_program',
] as const;
export type Reason = (typeof REASONS)[number];

export type ExplainDetail = {
  message: string;
  postsOn?: string;
  category?: string;
  bonusRate?: number;
  baseRate?: number;
  bonusCents?: number;
  baseCents?: number;
  capCents?: number;
  capPeriod?: string;
  capReachedOn?: string;
  capReachedByTransactionId?: string;
  spendBeforeCents?: number;
  spendAtCapCents?: number;
  refundTransactionId?: string;
  purchaseTransactionId?: string;
  refundedOn?: string;
  refundedCents?: number;
  pointsReversed?: number;
  promotionId?: string;
  promotionName?: string;
  missedPoints?: number;
  caseNumber?: string;
  mcc?: string;
};

export type Explanation = { transactionId: string; expectedPoints: number; postedPoints: number; reason: Reason; detail: ExplainDetail };

export type ExplainInput = {
  rules: RewardRules;
  txn: { id: string; status: TransactionStatus; kind: TransactionKind; amountCents: number; mcc: string | null; currency: string };
  earning: Earning;
  /** Null while the transaction has not posted. */
  posting: PostingDue | null;
  postedPoints: number;
  discrepancy: { caseNumber: string | null } | null;
};

export const money = (cents: number, currency = 'USD') => new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
export const longDate = (day: string) => new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
/** '2026-Q2' → 'Q2 2026' (April–June); '2026' stays. */
const periodText = (label: string) => (/^\d{4}-Q[1-4]$/.test(label) ? `${label.slice(5)} ${label.slice(0, 4)}` : label);
const pts = (n: number) => `${n.toLocaleString('en-US')} point${Math.abs(n) === 1 ? '' : 's'}`;

export const expectedPointsOf = (e: Earning): number => e.points + promotionPoints(e);

export function explainPoints(input: ExplainInput): Explanation {
  const { earning: e, txn, rules } = input;
  const expectedPoints = expectedPointsOf(e);
  const base = { transactionId: txn.id, expectedPoints, postedPoints: input.postedPoints };
  const say = (reason: Reason, detail: ExplainDetail): Explanation => ({ ...base, reason, detail });
  const m = (cents: number) => money(cents, txn.currency);

  if (e.outcome === 'void') return say('declined', { message: 'This transaction was declined or cancelled, so it earns no points.' });
  if (input.discrepancy && input.postedPoints !== expectedPoints) {
    const caseText = input.discrepancy.caseNumber ? ` We opened case ${input.discrepancy.caseNumber} to correct it; you do not need to do anything.` : '';
    return say('ledger_mismatch', { message: `Our rules give ${pts(expectedPoints)} for this transaction but ${pts(input.postedPoints)} posted.${caseText}`, ...(input.discrepancy.caseNumber ? { caseNumber: input.discrepancy.caseNumber } : {}) });
  }
  if (e.isPending) {
    const what = e.outcome === 'refund' ? `it will take back ${pts(-expectedPoints)}` : `it should earn ${pts(expectedPoints)}`;
    return say('pending', { message: `This transaction is still pending. Points post once it posts; ${what}.` });
  }
  if (input.posting && !input.posting.isDue && expectedPoints !== 0) {
    return say('posts_at_statement_close', { postsOn: input.posting.on, message: `Points for this card post when the statement closes. These ${pts(expectedPoints)} will post on ${longDate(input.posting.on)}.` });
  }
  if (e.outcome === 'refund' && e.refund) {
    if (!e.refund.found) return say('refunded', { refundTransactionId: txn.id, message: 'This refund is not linked to a purchase we can see, so no points were taken back.' });
    return say('refunded', {
      refundTransactionId: txn.id,
      purchaseTransactionId: e.refund.ofTransactionId,
      refundedCents: e.refund.refundedCents,
      pointsReversed: -expectedPoints,
      message: `This refund of ${m(e.refund.refundedCents)} took back ${pts(-expectedPoints)} that the purchase had earned.`,
    });
  }
  const refunds = e.refundedBy.filter((r) => !r.isPending);
  if (refunds.length > 0) {
    const last = refunds[refunds.length - 1];
    const cents = refunds.reduce((s, r) => s + r.cents, 0);
    const back = refunds.reduce((s, r) => s + r.points, 0);
    return say('refunded', {
      refundTransactionId: last?.transactionId ?? '',
      refundedOn: last?.day ?? '',
      refundedCents: cents,
      pointsReversed: back,
      message: `This purchase earned ${pts(expectedPoints)}; it was refunded (${m(cents)}) on ${longDate(last?.day ?? '')}, which took back ${pts(back)}.`,
    });
  }
  if (e.outcome === 'not_a_purchase') return say('not_a_purchase', { message: 'Only purchases earn points; payments, fees, interest and credits do not.' });
  if (e.outcome === 'excluded') {
    return say('category_not_eligible', { ...(txn.mcc ? { mcc: txn.mcc } : {}), message: `Purchases of this kind (merchant category ${txn.mcc}) do not earn points, as with cash advances and money transfers.` });
  }
  if (e.cap && e.category) {
    const c = e.cap;
    return say('cap_reached', {
      category: c.categoryLabel,
      bonusRate: e.category.rate,
      baseRate: rules.baseRate,
      bonusCents: e.bonusCents,
      baseCents: e.baseCents,
      capCents: c.capCents,
      capPeriod: c.period,
      capReachedOn: c.reachedOn,
      capReachedByTransactionId: c.reachedByTransactionId,
      spendBeforeCents: c.spendBeforeCents,
      spendAtCapCents: c.spendAfterCents,
      message:
        `${c.categoryLabel} earn ${e.category.rate} points per dollar on up to ${m(c.capCents)} of spend in ${periodText(c.period)}. ` +
        `You reached that on ${longDate(c.reachedOn)} (spend went from ${m(c.spendBeforeCents)} to ${m(c.spendAfterCents)}), ` +
        (e.bonusCents > 0 ? `so ${m(e.bonusCents)} of this purchase earned ${e.category.rate} points per dollar and ${m(e.baseCents)} earned ${rules.baseRate}: ${pts(expectedPoints)}.` : `so this purchase earned the base rate of ${rules.baseRate} point per dollar: ${pts(expectedPoints)}.`),
    });
  }
  const missed = e.promotions.find((p) => !p.enrolled);
  if (missed) {
    return say('promotion_not_enrolled', {
      promotionId: missed.id,
      promotionName: missed.name,
      missedPoints: missed.extraPoints,
      message: `This purchase earned ${pts(expectedPoints)}. The ${missed.name} promotion would have added ${pts(missed.extraPoints)}, but it needs enrollment before the purchase and this account was not enrolled.`,
    });
  }
  const rate = e.category ? `${e.category.rate} points per dollar (${e.category.label})` : `the base rate of ${rules.baseRate} point per dollar`;
  return say('earned', { ...(input.posting ? { postsOn: input.posting.on } : {}), ...(e.category ? { category: e.category.label } : {}), message: `This purchase earned ${pts(expectedPoints)} at ${rate}.` });
}
