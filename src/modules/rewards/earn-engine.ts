import type { Direction, TransactionKind, TransactionStatus } from '../banking/index.ts';
import { bonusCategoryFor, isExcluded, periodOf, pointsAt, promotionsFor, type RewardRules, splitPoints } from './earn-rules.ts';

/**
 * The earn engine: a pure function of (rules, the account's transactions, its promotion enrollments) that says
 * what every transaction earns. It walks the transactions in the order they were made and keeps, per bonus
 * category and calendar period (the period of the day the purchase was made, in the issuer's time zone), how
 * much spend has earned the bonus rate so far.
 *
 * - Cap: spend up to the cap earns the category rate; the purchase that crosses it is split (the part up to the
 *   cap at the category rate, the rest at the base rate); later purchases in the period earn the base rate.
 * - Refund (docs/rewards.md): a refund takes the purchase back from its last cent: refunded cents come off the
 *   purchase's base-rate part first, then its bonus part — exactly the points the purchase would have earned
 *   had it been smaller. Bonus-rate cents given back return their room to the cap of the purchase's period, for
 *   purchases made after the refund; purchases made in between are not re-rated.
 * - Promotions add their extra rate on top, only for purchases made on or after enrollment when they need one.
 * Pending transactions are computed like posted ones (what they will earn); declined and reversed ones earn
 * nothing and use no cap room.
 */
export type EarnTransaction = {
  id: string;
  kind: TransactionKind;
  direction: Direction;
  status: TransactionStatus;
  amountCents: number;
  mcc: string | null;
  merchantCountry: string | null;
  /** When it was made (authorization time): the order of earning and the enrollment test. */
  at: Date;
  /** The day it was made, `YYYY-MM-DD` in the issuer's time zone: chooses the cap period and promotion dates. */
  day: string;
  refundOf: string | null;
};

export type CapHit = {
  categoryId: string;
  categoryLabel: string;
  period: string;
  capCents: number;
  /** The day the cap was reached, the purchase that reached it and the period's bonus spend before and after it. */
  reachedOn: string;
  reachedByTransactionId: string;
  spendBeforeCents: number;
  spendAfterCents: number;
};

export type PromotionOutcome = { id: string; name: string; enrolled: boolean; extraPoints: number };

export type Earning = {
  transactionId: string;
  /** The day it was made (issuer's zone). */
  day: string;
  outcome: 'earns' | 'void' | 'not_a_purchase' | 'excluded' | 'refund';
  isPending: boolean;
  /** Purchases: points at the base and category rates. Refunds: minus the points they take back. */
  points: number;
  category: { id: string; label: string; rate: number } | null;
  bonusCents: number;
  baseCents: number;
  /** Set when part or all of this purchase was beyond its category's cap. */
  cap: CapHit | null;
  /** Set on the purchase that brought its category's spend up to the cap (exactly at it, or across it). */
  reachedCap: CapHit | null;
  /** Purchases: promotions that covered it. Refunds: the promotion points taken back (extraPoints ≤ 0). */
  promotions: PromotionOutcome[];
  refund: { ofTransactionId: string; found: boolean; refundedCents: number; bonusRoomRestoredCents: number } | null;
  refundedBy: Array<{ transactionId: string; day: string; cents: number; points: number; isPending: boolean }>;
};

type CapState = { spent: number; reached: CapHit | null };
type PurchaseState = { earning: Earning; rate: number; capKey: string | null; refundedCents: number; promos: Array<{ id: string; name: string; extraRate: number }> };

const blank = (t: EarnTransaction, outcome: Earning['outcome']): Earning => ({
  transactionId: t.id,
  day: t.day,
  outcome,
  isPending: t.status === 'authorized',
  points: 0,
  category: null,
  bonusCents: 0,
  baseCents: 0,
  cap: null,
  reachedCap: null,
  promotions: [],
  refund: null,
  refundedBy: [],
});

/** Points a purchase keeps when only its first `cents` remain (its base part goes first). */
const keptPoints = (s: PurchaseState, base: number, cents: number) => splitPoints(Math.min(cents, s.earning.bonusCents), s.rate, Math.max(0, cents - s.earning.bonusCents), base);

export function computeEarnings(rules: RewardRules, transactions: readonly EarnTransaction[], enrollments: ReadonlyMap<string, Date>): Map<string, Earning> {
  const ordered = [...transactions].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const caps = new Map<string, CapState>();
  const purchases = new Map<string, PurchaseState>();
  const out = new Map<string, Earning>();

  const earnPurchase = (t: EarnTransaction): Earning => {
    if (isExcluded(rules, t.mcc)) return blank(t, 'excluded');
    const e = blank(t, 'earns');
    const category = bonusCategoryFor(rules, t);
    let capKey: string | null = null;
    if (category) {
      e.category = { id: category.id, label: category.label, rate: category.rate };
      let room = t.amountCents;
      if (category.cap) {
        const period = periodOf(t.day, category.cap.period);
        capKey = `${category.id}:${period.label}`;
        const state = caps.get(capKey) ?? { spent: 0, reached: null };
        caps.set(capKey, state);
        room = Math.max(0, category.cap.amountCents - state.spent);
        const before = state.spent;
        state.spent += Math.min(room, t.amountCents);
        if (!state.reached && state.spent >= category.cap.amountCents) {
          state.reached = { categoryId: category.id, categoryLabel: category.label, period: period.label, capCents: category.cap.amountCents, reachedOn: t.day, reachedByTransactionId: t.id, spendBeforeCents: before, spendAfterCents: before + t.amountCents };
          e.reachedCap = state.reached;
        }
        if (room < t.amountCents) e.cap = state.reached;
      }
      e.bonusCents = Math.min(room, t.amountCents);
    }
    e.baseCents = t.amountCents - e.bonusCents;
    e.points = splitPoints(e.bonusCents, category?.rate ?? rules.baseRate, e.baseCents, rules.baseRate);
    const promos = promotionsFor(rules, t.mcc, t.day);
    for (const p of promos) {
      const enrolledAt = enrollments.get(p.id);
      const enrolled = !p.requiresEnrollment || (enrolledAt !== undefined && enrolledAt.getTime() <= t.at.getTime());
      e.promotions.push({ id: p.id, name: p.name, enrolled, extraPoints: pointsAt(t.amountCents, p.extraRate) });
    }
    purchases.set(t.id, { earning: e, rate: category?.rate ?? rules.baseRate, capKey, refundedCents: 0, promos: promos.map((p) => ({ id: p.id, name: p.name, extraRate: p.extraRate })) });
    return e;
  };

  const reverse = (t: EarnTransaction): Earning => {
    const e = blank(t, 'refund');
    const original = t.refundOf ? purchases.get(t.refundOf) : undefined;
    e.refund = { ofTransactionId: t.refundOf ?? '', found: original !== undefined, refundedCents: 0, bonusRoomRestoredCents: 0 };
    if (!original) return e;
    const amount = original.earning.bonusCents + original.earning.baseCents;
    const before = amount - original.refundedCents;
    const after = Math.max(0, before - t.amountCents);
    original.refundedCents = amount - after;
    e.refund.refundedCents = before - after;
    e.points = -(keptPoints(original, rules.baseRate, before) - keptPoints(original, rules.baseRate, after));
    const restored = Math.min(before, original.earning.bonusCents) - Math.min(after, original.earning.bonusCents);
    e.refund.bonusRoomRestoredCents = restored;
    const cap = original.capKey ? caps.get(original.capKey) : undefined;
    if (cap && restored > 0) {
      cap.spent -= restored;
      cap.reached = null; // room is open again: the next purchase that fills it reaches the cap anew
    }
    for (const p of original.earning.promotions) {
      if (!p.enrolled) continue;
      const rate = original.promos.find((x) => x.id === p.id)?.extraRate ?? 0;
      e.promotions.push({ id: p.id, name: p.name, enrolled: true, extraPoints: -(pointsAt(before, rate) - pointsAt(after, rate)) });
    }
    original.earning.refundedBy.push({ transactionId: t.id, day: t.day, cents: e.refund.refundedCents, points: -e.points, isPending: e.isPending });
    return e;
  };

  for (const t of ordered) {
    let e: Earning;
    if (t.status === 'declined' || t.status === 'reversed') e = blank(t, 'void');
    else if (t.kind === 'purchase' && t.direction === 'debit') e = earnPurchase(t);
    else if (t.kind === 'refund' && t.direction === 'credit') e = reverse(t);
    else e = blank(t, 'not_a_purchase');
    out.set(t.id, e);
  }
  return out;
}

/** Points a purchase's promotions add (enrolled ones only), or a refund's promotion reversal (negative). */
export const promotionPoints = (e: Earning): number => e.promotions.reduce((sum, p) => sum + (p.enrolled ? p.extraPoints : 0), 0);
