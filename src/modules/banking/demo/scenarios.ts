import { at, dayOf, isoDay, quarterOf } from './calendar.ts';
import { declined, purchaseRow } from './activity.ts';
import type { Cast } from './cast.ts';
import { HOLD_REASON } from './cast.ts';
import type { Rng } from './prng.ts';
import type { AccountPlan, DemoWindow, IdSource, ScenarioRow, StatementRow, TxnRow } from './rows.ts';

// Planted scenarios: situations the seed's cardholders struggle with, placed in the demo ledger where the
// workflows (disputes, fraud, rewards, fees, reviews) and the demo guide can find them through demo_scenarios.

export const BONUS_CAP_CENTS = 600_000; // $6,000 of US supermarket spend per quarter earns the bonus rate
export const BONUS_MCC = '5411';

/** A planted scenario: how it changes an account's own activity, and the row that records it afterwards. */
export type Planted = {
  accountId: string;
  edit(rows: TxnRow[]): TxnRow[];
  record(rows: TxnRow[], statements: StatementRow[]): ScenarioRow;
};

type Ctx = { rng: Rng; ids: IdSource; window: DemoWindow };

const mustFind = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`planted scenario lost its ${what}`);
  return value;
};

function purchase(ctx: Ctx, plan: AccountPlan, p: { authAt: Date; merchantName: string; city: string; region: string; country?: string; mcc: string; cents: number; cardPresent: boolean }, lagDays = 1): TxnRow {
  const cardId = mustFind(plan.spans[0]?.cardId, 'card');
  return purchaseRow(ctx.rng, ctx.ids, ctx.window, plan, { country: 'US', cardId, ...p }, lagDays);
}

function refundNotPosted(ctx: Ctx, cast: Cast): Planted {
  const plan = cast.primary.everyday;
  const { asOfDay } = ctx.window;
  const charge = purchase(ctx, plan, { authAt: at(asOfDay - 38, 20 * 60 + 12), merchantName: 'Northwind Home Online', city: 'Portland', region: 'OR', mcc: '5999', cents: 24_999, cardPresent: false });
  const confirmation = `NWH-RF-${ctx.rng.int(100_000, 999_999)}`;
  return {
    accountId: plan.account.id,
    edit: (rows) => [...rows, charge],
    record: () => ({
      key: 'refund_not_posted',
      customer_id: plan.account.customer_id,
      account_id: plan.account.id,
      transaction_id: charge.id,
      description: 'An online order was returned; the merchant confirmed a refund, but no refund has reached the account.',
      detail: {
        merchantName: 'Northwind Home Online',
        purchaseTransactionId: charge.id,
        purchasedOn: isoDay(dayOf(charge.authorized_at)),
        amountCents: charge.amount_cents,
        merchantConfirmation: confirmation,
        refundConfirmedOn: isoDay(asOfDay - 10),
      },
    }),
  };
}

function duplicateCharge(ctx: Ctx, cast: Cast): Planted {
  const plan = cast.primary.everyday;
  const day = ctx.window.asOfDay - 12;
  const base = { merchantName: 'Harbor & Vine Bistro', city: cast.primary.person.city.name, region: cast.primary.person.city.region, mcc: '5812', cents: 8_640, cardPresent: true };
  const original = purchase(ctx, plan, { ...base, authAt: at(day, 23 * 60 + 2) });
  const duplicate = purchase(ctx, plan, { ...base, authAt: at(day, 23 * 60 + 6) });
  return {
    accountId: plan.account.id,
    edit: (rows) => [...rows, original, duplicate],
    record: () => ({
      key: 'duplicate_charge',
      customer_id: plan.account.customer_id,
      account_id: plan.account.id,
      transaction_id: duplicate.id,
      description: 'A restaurant bill was charged twice, four minutes apart; both charges posted.',
      detail: { originalTransactionId: original.id, duplicateTransactionId: duplicate.id, merchantName: base.merchantName, amountCents: base.cents, chargedOn: isoDay(day), minutesApart: 4 },
    }),
  };
}

function foreignCardNotPresent(ctx: Ctx, cast: Cast): Planted {
  const plan = cast.primary.gold;
  const auth = purchase(ctx, plan, {
    authAt: new Date(ctx.window.asOf.getTime() - (2 * 60 + 17) * 60_000),
    merchantName: 'ElectroMax Online SRL',
    city: 'Bucharest',
    region: '',
    country: 'RO',
    mcc: '5732',
    cents: 124_999,
    cardPresent: false,
  });
  return {
    accountId: plan.account.id,
    edit: (rows) => [...rows, auth],
    record: () => ({
      key: 'foreign_cnp_unusual',
      customer_id: plan.account.customer_id,
      account_id: plan.account.id,
      transaction_id: auth.id,
      description: 'A card-not-present electronics purchase in Romania, pending, unlike anything the cardholder does (all domestic).',
      detail: { merchantName: 'ElectroMax Online SRL', merchantCountry: 'RO', usualCountry: 'US', mcc: '5732', amountCents: auth.amount_cents, cardPresent: false, authorizedAt: auth.authorized_at.toISOString(), status: auth.status },
    }),
  };
}

/** The quarter whose bonus cap is crossed mid-quarter: this one if it is far enough along, else the last one. */
function capQuarter(asOfDay: number): { start: number; end: number; label: string; crossingDay: number } {
  const current = quarterOf(asOfDay);
  if (asOfDay - current.start >= 40) return { ...current, crossingDay: Math.min(current.start + 45, asOfDay - 7) };
  const previous = quarterOf(current.start - 1);
  return { ...previous, crossingDay: previous.start + 45 };
}

function bonusCapReached(ctx: Ctx, cast: Cast): Planted {
  const plan = cast.primary.rewards;
  const { rng, window } = ctx;
  const quarter = capQuarter(window.asOfDay);
  const city = cast.primary.person.city;
  const grocery = (day: number, cents: number) =>
    purchase(ctx, plan, { authAt: at(day, 17 * 60 + rng.int(0, 300)), merchantName: rng.chance(0.7) ? 'Harvest Basket Market' : 'FreshWay Supermarket', city: city.name, region: city.region, mcc: BONUS_MCC, cents, cardPresent: true });
  // Big weekly shops (a family of six stocking up) add up to just under the cap before the crossing day.
  const days: number[] = [];
  for (let day = quarter.start + rng.int(0, 1); day < quarter.crossingDay; day += rng.int(2, 3)) days.push(day);
  const before = BONUS_CAP_CENTS - rng.int(5_000, 35_000);
  const weights = days.map(() => 0.7 + 0.6 * rng.next());
  const total = weights.reduce((a, b) => a + b, 0);
  const amounts = weights.map((w) => Math.round((before * w) / total));
  amounts[amounts.length - 1] = before - amounts.slice(0, -1).reduce((a, b) => a + b, 0);
  const shops = days.map((day, i) => grocery(day, amounts[i] ?? 0));
  const crossing = grocery(quarter.crossingDay, BONUS_CAP_CENTS - before + rng.int(2_000, 20_000));
  const later: TxnRow[] = [];
  for (let day = quarter.crossingDay + 4; day <= Math.min(quarter.end, window.asOfDay); day += 7) {
    const row = grocery(day, rng.logNormal(14_000, 0.4, 4_000, 40_000));
    if (row.authorized_at.getTime() <= window.asOf.getTime()) later.push(row);
  }
  const inQuarter = (r: TxnRow) => r.mcc === BONUS_MCC && dayOf(r.authorized_at) >= quarter.start && dayOf(r.authorized_at) <= quarter.end;
  return {
    accountId: plan.account.id,
    edit: (rows) => [...rows.filter((r) => !inQuarter(r) && !(r.refund_of && rows.some((o) => o.id === r.refund_of && inQuarter(o)))), ...shops, crossing, ...later],
    record: () => ({
      key: 'bonus_cap_reached',
      customer_id: plan.account.customer_id,
      account_id: plan.account.id,
      transaction_id: crossing.id,
      description: 'US supermarket spend crossed the $6,000 quarterly bonus cap mid-quarter; later grocery purchases earn the base rate.',
      detail: {
        category: 'us_supermarkets',
        mcc: BONUS_MCC,
        capCents: BONUS_CAP_CENTS,
        quarter: quarter.label,
        quarterStart: isoDay(quarter.start),
        quarterEnd: isoDay(quarter.end),
        crossedOn: isoDay(quarter.crossingDay),
        crossingTransactionId: crossing.id,
        spendBeforeCents: before,
        spendAfterCents: before + crossing.amount_cents,
      },
    }),
  };
}

function annualFeeRecent(_ctx: Ctx, cast: Cast): Planted {
  const plan = cast.primary.gold;
  const isFee = (r: TxnRow) => r.kind === 'fee' && r.posted_at?.getTime() === cast.feeAt.getTime();
  return {
    accountId: plan.account.id,
    edit: (rows) => rows, // runCycles posts the fee on the anniversary at plan.feeAt
    record: (rows, statements) => {
      const fee = mustFind(rows.find(isFee), 'annual fee');
      const statement = mustFind(statements.find((s) => s.id === fee.statement_id), 'fee statement');
      return {
        key: 'annual_fee_recent',
        customer_id: plan.account.customer_id,
        account_id: plan.account.id,
        transaction_id: fee.id,
        description: `The ${plan.product.name} annual fee posted 20 days ago on the card anniversary and is on the latest statement.`,
        detail: {
          cardProduct: plan.product.id,
          amountCents: fee.amount_cents,
          postedAt: cast.feeAt.toISOString(),
          postedOn: isoDay(dayOf(cast.feeAt)),
          daysBeforeAsOf: 20,
          openedOn: plan.account.opened_on,
          statementId: statement.id,
          statementClosingDate: statement.closing_date,
        },
      };
    },
  };
}

function accountOnHold(ctx: Ctx, cast: Cast): Planted {
  const plan = cast.secondary.held;
  const holdMs = cast.holdAt.getTime();
  const city = cast.secondary.person.city;
  const attemptAt = new Date(holdMs + 26 * 3_600_000 + 35 * 60_000);
  const attempt = purchase(ctx, plan, { authAt: attemptAt, merchantName: 'Harvest Basket Market', city: city.name, region: city.region, mcc: '5411', cents: 5_420, cardPresent: true });
  return {
    accountId: plan.account.id,
    edit: (rows) => {
      // Nothing authorizes while the account is under review; refunds of blocked purchases never happen.
      const blocked = new Set(rows.filter((r) => r.kind === 'purchase' && r.authorized_at.getTime() >= holdMs).map((r) => r.id));
      const kept = rows.filter((r) => !(r.refund_of && blocked.has(r.refund_of))).map((r) => (blocked.has(r.id) ? declined(r, 'account_on_hold') : r));
      return attemptAt.getTime() <= ctx.window.asOf.getTime() ? [...kept, declined(attempt, 'account_on_hold')] : kept;
    },
    record: () => ({
      key: 'account_on_hold',
      customer_id: plan.account.customer_id,
      account_id: plan.account.id,
      transaction_id: null,
      description: 'The account is on hold for a financial review; the cardholder must send proof of income.',
      detail: {
        holdReason: HOLD_REASON,
        holdPlacedAt: cast.holdAt.toISOString(),
        documentsRequested: ['Most recent federal tax return (IRS Form 1040)', 'Two most recent pay stubs'],
        documentsDueHours: 48,
      },
    }),
  };
}

export function plantScenarios(ctx: Ctx, cast: Cast): Planted[] {
  return [refundNotPosted, duplicateCharge, foreignCardNotPresent, bonusCapReached, annualFeeRecent, accountOnHold].map((plant) => plant(ctx, cast));
}
