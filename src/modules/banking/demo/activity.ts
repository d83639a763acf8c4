import { at, DAY_MS, dayOf, ymd } from './calendar.ts';
import { CATEGORIES, type CategoryKey, type Merchant, MERCHANTS_BY_CATEGORY, TRAVEL_DESTINATIONS } from './merchants.ts';
import { hash32, type Rng } from './prng.ts';
import { CATEGORY_WEIGHTS } from './plan.ts';
import type { AccountPlan, DemoWindow, IdSource, TxnRow } from './rows.ts';

// Card activity: everyday purchases, monthly subscriptions, trips abroad, merchant refunds and declines.

const DECLINE_REASONS = [
  ['incorrect_security_code', 4],
  ['suspected_fraud', 2],
  ['expired_card_entered', 2],
  ['do_not_honor', 1],
] as const;

export type Purchase = {
  authAt: Date;
  cardId: string;
  merchantName: string;
  city: string;
  region: string;
  country: string;
  mcc: string;
  cents: number;
  cardPresent: boolean;
};

/** A stable merchant number (like an acquirer's SE number) from the merchant's name and place. */
export const merchantNumber = (name: string, city: string) => `SE${String(hash32(7, `${name}|${city}`) % 10_000_000_000).padStart(10, '0')}`;

/**
 * A purchase row. It posts one or two days after the authorization (batch posting at 08:00–09:30 UTC); one that
 * would post after asOf is still an authorization.
 */
export function purchaseRow(rng: Rng, ids: IdSource, window: DemoWindow, plan: AccountPlan, p: Purchase, lagDays = rng.chance(0.7) ? 1 : 2): TxnRow {
  const postedAt = at(dayOf(p.authAt) + lagDays, 8 * 60 + rng.int(0, 90));
  const posted = postedAt.getTime() <= window.asOf.getTime();
  const place = p.country === 'US' ? `${p.city.toUpperCase()} ${p.region}` : `${p.city.toUpperCase()} ${p.country}`;
  return {
    id: ids.txn(),
    account_id: plan.account.id,
    card_id: p.cardId,
    kind: 'purchase',
    direction: 'debit',
    status: posted ? 'posted' : 'authorized',
    amount_cents: p.cents,
    currency: plan.account.currency,
    description: `${p.merchantName.toUpperCase()} ${place}`,
    merchant_name: p.merchantName,
    merchant_id: merchantNumber(p.merchantName, p.city),
    mcc: p.mcc,
    merchant_country: p.country,
    card_present: p.cardPresent,
    authorized_at: p.authAt,
    posted_at: posted ? postedAt : null,
    refund_of: null,
    related_to: null,
    statement_id: null,
    decline_reason: null,
    reference: null,
    created_at: p.authAt,
  };
}

export function declined(row: TxnRow, reason: string): TxnRow {
  return { ...row, status: 'declined', posted_at: null, decline_reason: reason };
}

/** The card that carried purchases on a day (a random one when employees hold cards too). */
export function cardOn(rng: Rng, plan: AccountPlan, day: number): string | null {
  const live = plan.spans.filter((s) => s.fromDay <= day && (s.toDay === null || day <= s.toDay));
  if (live.length === 0) return null;
  return (live.length === 1 ? live[0] : rng.pick(live))?.cardId ?? null;
}

/** Daytime in the US: 13:00–23:59 UTC is the same calendar day from Hawaii to Maine. */
const daytime = (rng: Rng, day: number) => at(day, 13 * 60 + rng.int(0, 10 * 60 + 59));

function localMerchant(rng: Rng, plan: AccountPlan, category: CategoryKey): Merchant {
  const regulars = plan.habits.regulars.get(category);
  if (regulars && rng.chance(0.8)) return rng.pick(regulars);
  return rng.pick(MERCHANTS_BY_CATEGORY.get(category) ?? []);
}

function everydayPurchase(rng: Rng, plan: AccountPlan, day: number, cardId: string): Purchase {
  const category = rng.weighted(CATEGORY_WEIGHTS[plan.segment]);
  const spec = CATEGORIES[category];
  const merchant = localMerchant(rng, plan, category);
  const cents = rng.logNormal(spec.median * plan.habits.amountScale, spec.spread, spec.min, spec.max * plan.habits.amountScale);
  return {
    authAt: daytime(rng, day),
    cardId,
    merchantName: merchant.name,
    city: merchant.city ?? plan.person.city.name,
    region: merchant.region ?? plan.person.city.region,
    country: 'US',
    mcc: spec.mcc,
    cents,
    cardPresent: !merchant.online && !rng.chance(spec.notPresent),
  };
}

function tripPurchases(rng: Rng, plan: AccountPlan, window: DemoWindow, startDay: number, cardId: (day: number) => string | null): Purchase[] {
  const out: Purchase[] = [];
  const length = rng.int(3, 7);
  const first = rng.int(startDay + 30, window.asOfDay - length - 3);
  if (first <= startDay + 30) return out;
  const dest = rng.pick(TRAVEL_DESTINATIONS);
  const airline = rng.pick(MERCHANTS_BY_CATEGORY.get('airline') ?? []);
  const bookingDay = first - rng.int(10, 30);
  const bookingCard = cardId(bookingDay);
  if (airline && bookingCard) {
    out.push({ authAt: daytime(rng, bookingDay), cardId: bookingCard, merchantName: airline.name, city: airline.city ?? '', region: airline.region ?? '', country: 'US', mcc: '4511', cents: rng.int(650, 1_900) * 100 + rng.int(0, 99), cardPresent: false });
  }
  for (let day = first; day < first + length; day++) {
    const card = cardId(day);
    if (!card) continue;
    const abroad = (merchantName: string, mcc: string, cents: number) =>
      out.push({ authAt: daytime(rng, day), cardId: card, merchantName, city: dest.city, region: '', country: dest.country, mcc, cents, cardPresent: true });
    for (let i = rng.int(1, 2); i > 0; i--) abroad(dest.restaurant, '5812', rng.logNormal(6_500, 0.5, 1_800, 30_000));
    if (rng.chance(0.5)) abroad(dest.shop, '5999', rng.logNormal(5_500, 0.7, 900, 40_000));
    if (day === first + length - 1) abroad(dest.hotel, '7011', (length - 1) * rng.int(160, 420) * 100 + rng.int(0, 99));
  }
  return out;
}

function subscriptionPurchases(rng: Rng, plan: AccountPlan, window: DemoWindow, startDay: number, cardId: (day: number) => string | null): Purchase[] {
  const out: Purchase[] = [];
  for (const sub of plan.habits.subscriptions) {
    const { y, m } = ymd(startDay);
    for (let month = 0; ; month++) {
      const day = Math.floor(Date.UTC(y, m + month, sub.dayOfMonth) / DAY_MS);
      if (day > window.asOfDay) break;
      const card = cardId(day);
      if (day < startDay || !card) continue;
      // Recurring charges run in the early morning batch (09:00–10:00 UTC).
      const authAt = at(day, 9 * 60 + rng.int(0, 59));
      if (authAt.getTime() > window.asOf.getTime()) break;
      out.push({ authAt, cardId: card, merchantName: sub.name, city: sub.city, region: sub.region, country: 'US', mcc: sub.mcc, cents: sub.cents, cardPresent: false });
    }
  }
  return out;
}

/** A merchant refund for some returnable purchases, 3–20 days after the charge posted. */
function maybeRefund(rng: Rng, ids: IdSource, window: DemoWindow, charge: TxnRow): TxnRow | null {
  const category = Object.values(CATEGORIES).find((c) => c.mcc === charge.mcc);
  if (!category?.refundable || charge.status !== 'posted' || !charge.posted_at || !rng.chance(0.03)) return null;
  const authAt = at(dayOf(charge.posted_at) + rng.int(3, 20), 15 * 60 + rng.int(0, 400));
  const postedAt = at(dayOf(authAt) + 1, 8 * 60 + rng.int(0, 90));
  if (postedAt.getTime() > window.asOf.getTime()) return null;
  const cents = rng.chance(0.7) ? charge.amount_cents : Math.max(100, Math.round(charge.amount_cents * (0.2 + 0.6 * rng.next())));
  return {
    ...charge,
    id: ids.txn(),
    kind: 'refund',
    direction: 'credit',
    amount_cents: cents,
    description: `REFUND ${charge.description}`,
    authorized_at: authAt,
    posted_at: postedAt,
    refund_of: charge.id,
    created_at: authAt,
  };
}

/** Everything a card account does on its own from `startDay` to asOf. */
export function cardActivity(rng: Rng, ids: IdSource, window: DemoWindow, plan: AccountPlan, startDay: number): TxnRow[] {
  const cardId = (day: number) => cardOn(rng, plan, day);
  const purchases: Purchase[] = [];
  const perDay = plan.habits.purchasesPerMonth / 30.4;
  for (let day = startDay; day <= window.asOfDay; day++) {
    // Four draws a day at a quarter of the rate each: a varied count without a Poisson sampler.
    for (let draw = 0; draw < 4; draw++) {
      if (!rng.chance(perDay / 4)) continue;
      const card = cardId(day);
      if (card) purchases.push(everydayPurchase(rng, plan, day, card));
    }
  }
  purchases.push(...subscriptionPurchases(rng, plan, window, startDay, cardId));
  if (plan.habits.allowForeign) {
    for (let trip = 0; trip < plan.habits.tripsPerYear; trip++) purchases.push(...tripPurchases(rng, plan, window, startDay, cardId));
  }
  const rows: TxnRow[] = [];
  for (const p of purchases) {
    if (p.authAt.getTime() > window.asOf.getTime()) continue;
    const row = purchaseRow(rng, ids, window, plan, p);
    const span = plan.spans.find((s) => s.cardId === p.cardId);
    if (span?.lockedAt && p.authAt.getTime() >= span.lockedAt.getTime()) {
      rows.push(declined(row, 'card_locked'));
    } else if (rng.chance(0.004)) {
      rows.push(declined(row, rng.weighted(DECLINE_REASONS)));
    } else {
      rows.push(row);
      const refund = maybeRefund(rng, ids, window, row);
      if (refund) rows.push(refund);
    }
  }
  return rows;
}
