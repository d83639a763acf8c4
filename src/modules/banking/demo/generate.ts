import type { Executor } from '../../../platform/db.ts';
import type { IssuerProfile } from '../../directory/index.ts';
import { cardActivity } from './activity.ts';
import { dayOf } from './calendar.ts';
import { castDemoCardholders } from './cast.ts';
import { cycleClosings, runCycles } from './cycles.ts';
import { type DemoLedger, insertDemoLedger } from './demo.repo.ts';
import { enforceFunds, merchantActivity, prepaidFunding, savingsActivity } from './funds.ts';
import { makePerson } from './people.ts';
import { customerRow, EXTRA_PRODUCT_WEIGHT, planAccount, segmentOf } from './plan.ts';
import { createRng, type Rng } from './prng.ts';
import { type AccountPlan, type DemoWindow, idSource, type IdSource, type TxnRow } from './rows.ts';
import { plantScenarios } from './scenarios.ts';

export type BankingDemoSummary = { customers: number; accounts: number; transactions: number; primaryCustomerId: string; secondaryCustomerId: string };

export const DEMO_CUSTOMERS = 264; // the two demo cardholders plus 262 others

/**
 * Everyone else: the first product goes round-robin over the profile's card products, so every product
 * line has customers; some customers hold a second or third product.
 */
function planOthers(rng: Rng, ids: IdSource, window: DemoWindow, profile: IssuerProfile, count: number): AccountPlan[] {
  const plans: AccountPlan[] = [];
  const products = profile.cardProducts;
  const weighted = products.map((p) => [p, EXTRA_PRODUCT_WEIGHT[segmentOf(p)]] as const);
  for (let i = 0; i < count; i++) {
    const index = i + 2;
    const person = makePerson(rng, index);
    const first = products[i % products.length];
    if (!first) throw new Error('the issuer profile has no card products');
    const owned = [first];
    for (const chance of [0.45, 0.12]) {
      if (!rng.chance(chance)) break;
      const extra = rng.weighted(weighted);
      if (!owned.includes(extra)) owned.push(extra);
    }
    const opened = owned.map((p) => (segmentOf(p) === 'gift' ? window.asOfDay - 400 - rng.int(5, 90) : window.asOfDay - 400 - rng.int(30, 3_200)));
    const customer = customerRow(ids, person, Math.min(...opened) - rng.int(0, 30));
    owned.forEach((product, j) => {
      plans.push(planAccount(rng, ids, window, customer, person, { product, openedDay: opened[j] ?? window.asOfDay - 400, cycleDay: rng.int(1, 28) }));
    });
  }
  return plans;
}

/** The account's own activity from the start of its first cycle to asOf, before billing. */
function activityOf(rng: Rng, ids: IdSource, window: DemoWindow, plan: AccountPlan): TxnRow[] {
  const startDay = (cycleClosings(plan, window)[0] ?? window.asOfDay - 400) + 1;
  const cards = plan.product.hasCard ? cardActivity(rng, ids, window, plan, startDay) : [];
  switch (plan.segment) {
    case 'prepaid':
      return enforceFunds(plan, [...cards, ...prepaidFunding(rng, ids, window, plan, startDay)], { putAwayWhenShort: false });
    case 'gift':
      return enforceFunds(plan, cards, { putAwayWhenShort: true });
    case 'savings':
      return savingsActivity(rng, ids, window, plan, startDay);
    case 'merchant':
      return merchantActivity(rng, ids, window, plan, startDay);
    default:
      return cards;
  }
}

const byTime = (a: TxnRow, b: TxnRow) => a.authorized_at.getTime() - b.authorized_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The whole demo ledger in memory: a pure function of (asOf, seed, profile). */
export function buildBankingDemo(options: { asOf: Date; seed: number; profile: IssuerProfile }): DemoLedger & { primaryCustomerId: string; secondaryCustomerId: string } {
  const window: DemoWindow = { asOf: options.asOf, asOfDay: dayOf(options.asOf) };
  const root = createRng(options.seed);
  const ids = idSource(root.fork('ids'));
  const cast = castDemoCardholders(root.fork('cast'), ids, window, options.profile);
  const others = planOthers(root.fork('people'), ids, window, options.profile, DEMO_CUSTOMERS - 2);
  const castPlans = [cast.primary.gold, cast.primary.rewards, cast.primary.everyday, cast.primary.savings, cast.secondary.prepaid, cast.secondary.held].filter(
    (p): p is AccountPlan => p !== null,
  );
  const plans = [...castPlans, ...others];
  const planted = plantScenarios({ rng: root.fork('scenarios'), ids, window }, cast);

  const ledger: DemoLedger = { customers: [], accounts: [], cards: [], statements: [], transactions: [], scenarios: [] };
  const seen = new Set<string>();
  for (const plan of plans) {
    if (!seen.has(plan.account.customer_id)) {
      seen.add(plan.account.customer_id);
      ledger.customers.push(plan.customer);
    }
    const rng = root.fork(`activity:${plan.account.id}`);
    let activity = activityOf(rng, ids, window, plan);
    for (const p of planted) if (p.accountId === plan.account.id) activity = p.edit(activity);
    const { rows, statements } = runCycles(rng, ids, window, plan, activity);
    ledger.accounts.push(plan.account);
    // A replaced card points at its successor, so successors go in first.
    ledger.cards.push(...plan.cards.filter((c) => c.replaced_by === null), ...plan.cards.filter((c) => c.replaced_by !== null));
    ledger.statements.push(...statements);
    ledger.transactions.push(...rows);
  }
  ledger.transactions.sort(byTime); // a refund always follows its charge
  for (const p of planted) {
    const rows = ledger.transactions.filter((t) => t.account_id === p.accountId);
    ledger.scenarios.push(p.record(rows, ledger.statements.filter((s) => s.account_id === p.accountId)));
  }
  return { ...ledger, primaryCustomerId: cast.primary.customer.id, secondaryCustomerId: cast.secondary.customer.id };
}

/** Fills the built-in ledger with the demo issuer's customers, as of a date, identical for the same seed. */
export async function seedBankingDemo(tx: Executor, options: { asOf: Date; seed: number; profile: IssuerProfile }): Promise<BankingDemoSummary> {
  const demo = buildBankingDemo(options);
  await insertDemoLedger(tx, demo);
  return {
    customers: demo.customers.length,
    accounts: demo.accounts.length,
    transactions: demo.transactions.length,
    primaryCustomerId: demo.primaryCustomerId,
    secondaryCustomerId: demo.secondaryCustomerId,
  };
}
