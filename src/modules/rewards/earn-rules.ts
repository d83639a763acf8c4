import type { RewardRules } from '../directory/index.ts';

/**
 * The arithmetic of earning, kept in integers. Rates are points per whole dollar with up to two decimals, so a
 * rate is held as hundredths (`weight`) and cents × weight is a number of 1/10,000 points, exact.
 *
 * Rounding rule (docs/rewards.md): a transaction's points are computed exactly across all of its parts (the
 * bonus part and the base part of a split transaction) and rounded down once, per transaction, to a whole
 * point. A promotion's extra points are rounded down on their own, per transaction.
 */
export type { RewardRules };
export type BonusCategory = RewardRules['bonusCategories'][number];
export type Promotion = RewardRules['promotions'][number];
export type CapPeriod = 'quarter' | 'year';

export const DEFAULT_APPROVAL_ABOVE_POINTS = 10_000;
const UNITS_PER_POINT = 10_000; // cents (1/100 dollar) × weight (1/100 point per dollar)

export const weightOf = (rate: number): number => Math.round(rate * 100);

/** Whole points for a split: `bonusCents` at the bonus rate and `baseCents` at the base rate, floored once. */
export function splitPoints(bonusCents: number, bonusRate: number, baseCents: number, baseRate: number): number {
  return Math.floor((bonusCents * weightOf(bonusRate) + baseCents * weightOf(baseRate)) / UNITS_PER_POINT);
}

/** Whole points for an amount at one rate, floored. */
export const pointsAt = (cents: number, rate: number): number => Math.floor((cents * weightOf(rate)) / UNITS_PER_POINT);

/** The calendar period a day belongs to: `2026-Q2` or `2026`. Days are `YYYY-MM-DD` in the issuer's zone. */
export function periodOf(day: string, period: CapPeriod): { label: string; start: string; end: string } {
  const year = Number(day.slice(0, 4));
  if (period === 'year') return { label: String(year), start: `${year}-01-01`, end: `${year}-12-31` };
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const lastDay = new Date(Date.UTC(year, q * 3 + 3, 0)).getUTCDate();
  return { label: `${year}-Q${q + 1}`, start: `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`, end: `${year}-${String(q * 3 + 3).padStart(2, '0')}-${lastDay}` };
}

export type MerchantFacts = { mcc: string | null; merchantCountry: string | null };

export function bonusCategoryFor(rules: RewardRules, m: MerchantFacts): BonusCategory | null {
  if (!m.mcc) return null;
  const mcc = m.mcc;
  return rules.bonusCategories.find((c) => c.mccs.includes(mcc) && (!c.merchantCountries || (m.merchantCountry !== null && c.merchantCountries.includes(m.merchantCountry)))) ?? null;
}

/** A category with the same codes but another country (a supermarket abroad): named when explaining. */
export function categoryByCodeOnly(rules: RewardRules, mcc: string | null): BonusCategory | null {
  return mcc ? (rules.bonusCategories.find((c) => c.mccs.includes(mcc)) ?? null) : null;
}

export const isExcluded = (rules: RewardRules, mcc: string | null): boolean => mcc !== null && rules.excludedMccs.includes(mcc);

/** Promotions whose merchant codes and dates cover a purchase made on `day` (enrollment is checked by the engine). */
export function promotionsFor(rules: RewardRules, mcc: string | null, day: string): Promotion[] {
  if (!mcc) return [];
  return rules.promotions.filter((p) => p.mccs.includes(mcc) && p.startsOn <= day && day <= p.endsOn);
}

export const approvalThreshold = (rules: RewardRules): number => rules.adjustmentApprovalAbovePoints ?? DEFAULT_APPROVAL_ABOVE_POINTS;
