import type { CardProduct, IssuerProfile } from '../../directory/index.ts';
import { addMonths, at, dayOf, ymd } from './calendar.ts';
import { makePerson, type Person } from './people.ts';
import { customerRow, planAccount } from './plan.ts';
import type { Rng } from './prng.ts';
import type { AccountPlan, CustomerRow, DemoWindow, IdSource } from './rows.ts';

// The two demo cardholders who sign in as cardholder@example.com and cardholder2@example.com, with the
// accounts the planted scenarios need. Products are looked up by id, falling back to one of the same kind,
// so a custom issuer profile still gets its scenarios.

export const HOLD_REASON = 'Unusual activity: income verification requested';

export type Cast = {
  primary: { customer: CustomerRow; person: Person; gold: AccountPlan; rewards: AccountPlan; everyday: AccountPlan; savings: AccountPlan | null };
  secondary: { customer: CustomerRow; person: Person; prepaid: AccountPlan; held: AccountPlan };
  feeAt: Date;
  holdAt: Date;
};

function product(profile: IssuerProfile, id: string, fallback: (p: CardProduct) => boolean): CardProduct {
  const found = profile.cardProducts.find((p) => p.id === id && p.hasCard) ?? profile.cardProducts.find((p) => p.hasCard && fallback(p));
  if (!found) throw new Error(`The issuer profile has no card product like ${id}; the demo scenarios need one`);
  return found;
}

const isCard = (p: CardProduct) => p.accountKind === 'credit' || p.accountKind === 'charge';

/** A closing day 3–6 days before asOf (cycle days stop at 28), so a recent fee is on a closed statement. */
function recentCycleDay(asOfDay: number): number {
  for (let back = 3; ; back++) {
    const { d } = ymd(asOfDay - back);
    if (d <= 28) return d;
  }
}

export function castDemoCardholders(rng: Rng, ids: IdSource, window: DemoWindow, profile: IssuerProfile): Cast {
  const asOfDay = window.asOfDay;
  const longAgo = (years: number) => addMonths(asOfDay, -12 * years) - rng.int(0, 200);
  // The annual fee posts exactly 20 days before asOf, on the card's anniversary.
  const feeAt = new Date(window.asOf.getTime() - 20 * 86_400_000);
  const holdAt = at(asOfDay - 3, 15 * 60 + 30);

  const maya = makePerson(rng, 0, { firstName: 'Maya', lastName: 'Thompson', city: 'Austin' });
  const goldOpened = addMonths(dayOf(feeAt), -12 * 4);
  const primaryCustomer = customerRow(ids, maya, goldOpened - 30);
  const plan = (person: Person, customer: CustomerRow, p: CardProduct, openedDay: number, cycleDay: number) => {
    const planned = planAccount(rng, ids, window, customer, person, { product: p, openedDay, cycleDay, simpleCards: true });
    planned.habits.allowForeign = false; // their habits are all domestic, which makes the planted foreign charge stand out
    return planned;
  };
  const gold = plan(maya, primaryCustomer, product(profile, 'gold_card', (p) => isCard(p) && p.annualFeeCents > 0), goldOpened, recentCycleDay(asOfDay));
  gold.feeAt = feeAt;
  const rewards = plan(maya, primaryCustomer, product(profile, 'cash_rewards', (p) => p.productLine === 'rewards' && isCard(p)), longAgo(3), rng.int(1, 28));
  const everyday = plan(maya, primaryCustomer, product(profile, 'everyday_credit', (p) => p.accountKind === 'credit'), longAgo(6), rng.int(1, 28));
  everyday.habits.payment = 'full';
  const savingsProduct = profile.cardProducts.find((p) => p.id === 'high_yield_savings') ?? profile.cardProducts.find((p) => p.accountKind === 'deposit');
  const savings = savingsProduct ? planAccount(rng, ids, window, primaryCustomer, maya, { product: savingsProduct, openedDay: longAgo(5), cycleDay: 28 }) : null;

  const daniel = makePerson(rng, 1, { firstName: 'Daniel', lastName: 'Okafor', city: 'Atlanta' });
  const secondaryCustomer = customerRow(ids, daniel, longAgo(4) - 30);
  const prepaid = plan(daniel, secondaryCustomer, product(profile, 'serve_prepaid', (p) => p.accountKind === 'prepaid' && !/gift/.test(p.id)), longAgo(2), rng.int(1, 28));
  const held = plan(daniel, secondaryCustomer, product(profile, 'everyday_credit', (p) => p.accountKind === 'credit'), longAgo(3), rng.int(1, 28));
  held.account.status = 'on_hold';
  held.account.hold_reason = HOLD_REASON;
  held.account.hold_placed_at = holdAt;

  for (const [customer, plans] of [
    [primaryCustomer, [gold, rewards, everyday, savings]],
    [secondaryCustomer, [prepaid, held]],
  ] as const) {
    const first = Math.min(...plans.flatMap((p) => (p ? [dayOf(p.account.created_at)] : [])));
    customer.created_at = at(first, 14 * 60);
  }
  return {
    primary: { customer: primaryCustomer, person: maya, gold, rewards, everyday, savings },
    secondary: { customer: secondaryCustomer, person: daniel, prepaid, held },
    feeAt,
    holdAt,
  };
}
