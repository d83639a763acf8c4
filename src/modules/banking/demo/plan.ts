import type { CardProduct } from '../../directory/index.ts';
import { at, DAY_MS, isoDay, ymd } from './calendar.ts';
import { CATEGORIES, type CategoryKey, MERCHANTS_BY_CATEGORY, BUSINESS_SUBSCRIPTIONS, PERSONAL_SUBSCRIPTIONS, type Merchant } from './merchants.ts';
import { pickFirstName, type Person } from './people.ts';
import type { Rng } from './prng.ts';
import type { AccountPlan, CardRow, CardSpan, CustomerRow, DemoWindow, Habits, IdSource, Segment } from './rows.ts';

/** How a product is used: picks spending patterns from what the profile says about it. */
export function segmentOf(p: CardProduct): Segment {
  if (p.accountKind === 'deposit') return 'savings';
  if (p.accountKind === 'merchant') return 'merchant';
  if (p.accountKind === 'prepaid' || p.accountKind === 'debit') return /gift/.test(`${p.id} ${p.productLine}`) ? 'gift' : 'prepaid';
  if (p.productLine === 'corporate') return 'corporate';
  if (/business/.test(p.productLine)) return 'business';
  if (p.annualFeeCents >= 25_000) return 'premium';
  return 'everyday';
}

/** How often a customer holds a second or third product of each kind. */
export const EXTRA_PRODUCT_WEIGHT: Record<Segment, number> = {
  everyday: 4,
  premium: 2,
  savings: 3.5,
  prepaid: 1.2,
  gift: 1,
  business: 1,
  corporate: 0.5,
  merchant: 0.5,
};

const SPENDING: Record<Segment, { perMonth: [number, number]; scale: number; trips: [number, number] }> = {
  everyday: { perMonth: [6, 14], scale: 1, trips: [0, 1] },
  premium: { perMonth: [9, 19], scale: 1.35, trips: [1, 3] },
  business: { perMonth: [9, 19], scale: 1.5, trips: [0, 2] },
  corporate: { perMonth: [5, 11], scale: 1.2, trips: [1, 2] },
  prepaid: { perMonth: [5, 10], scale: 0.7, trips: [0, 0] },
  gift: { perMonth: [1, 3], scale: 0.8, trips: [0, 0] },
  savings: { perMonth: [0, 0], scale: 1, trips: [0, 0] },
  merchant: { perMonth: [0, 0], scale: 1, trips: [0, 0] },
};

/** Category weights per segment: what a typical account of that kind is used for. */
export const CATEGORY_WEIGHTS: Record<Segment, ReadonlyArray<readonly [CategoryKey, number]>> = {
  everyday: [['grocery', 22], ['restaurant', 10], ['fast_food', 8], ['coffee', 7], ['gas', 11], ['online_retail', 11], ['bookstore', 2], ['department_store', 3], ['clothing', 3], ['pharmacy', 5], ['home_improvement', 3], ['rideshare', 3], ['electronics', 1], ['movies', 2], ['pet_supplies', 2], ['wholesale_club', 2], ['parking', 1]],
  premium: [['restaurant', 20], ['grocery', 14], ['airline', 5], ['hotel', 4], ['car_rental', 2], ['rideshare', 6], ['online_retail', 10], ['clothing', 5], ['department_store', 4], ['coffee', 6], ['gas', 5], ['travel_agency', 1], ['electronics', 2], ['bookstore', 2], ['movies', 2], ['parking', 2]],
  business: [['office_supplies', 10], ['software', 6], ['advertising', 4], ['courier', 8], ['airline', 5], ['hotel', 5], ['restaurant', 14], ['gas', 9], ['online_retail', 10], ['home_improvement', 6], ['electronics', 4], ['wholesale_club', 5], ['coffee', 5], ['parking', 4]],
  corporate: [['airline', 16], ['hotel', 16], ['restaurant', 22], ['rideshare', 12], ['car_rental', 6], ['coffee', 8], ['parking', 6], ['fast_food', 6], ['travel_agency', 3]],
  prepaid: [['grocery', 25], ['fast_food', 15], ['gas', 12], ['pharmacy', 8], ['online_retail', 10], ['department_store', 6], ['clothing', 5], ['rideshare', 4], ['coffee', 5]],
  gift: [['online_retail', 30], ['department_store', 20], ['clothing', 20], ['restaurant', 15], ['electronics', 5], ['coffee', 10], ['bookstore', 5]],
  savings: [],
  merchant: [],
};

function habitsFor(rng: Rng, segment: Segment, product: CardProduct, creditLimit: number | null): Habits {
  const spending = SPENDING[segment];
  const regulars = new Map<CategoryKey, Merchant[]>();
  for (const key of Object.keys(CATEGORIES) as CategoryKey[]) {
    const all = MERCHANTS_BY_CATEGORY.get(key) ?? [];
    if (all.length === 0) continue;
    const first = rng.pick(all);
    const second = rng.pick(all);
    regulars.set(key, first === second ? [first] : [first, second]);
  }
  const pool = segment === 'business' ? BUSINESS_SUBSCRIPTIONS : segment === 'everyday' || segment === 'premium' ? PERSONAL_SUBSCRIPTIONS : segment === 'prepaid' ? PERSONAL_SUBSCRIPTIONS.slice(0, 2) : [];
  const subscriptions = pool.filter(() => rng.chance(segment === 'prepaid' ? 0.3 : 0.4)).map((s) => ({ ...s, dayOfMonth: rng.int(1, 28) }));
  const startBalance =
    segment === 'savings' ? rng.int(1_000, 60_000) * 100
    : segment === 'gift' ? rng.pick([2_500, 5_000, 10_000, 20_000, 50_000]) - rng.int(0, 2_000)
    : segment === 'prepaid' ? rng.int(50, 400) * 100
    : segment === 'merchant' ? rng.int(0, 5_000) * 100
    : product.accountKind === 'credit' && creditLimit ? Math.round(creditLimit * rng.next() * 0.25)
    : rng.int(200, 2_500) * 100;
  return {
    purchasesPerMonth: rng.int(spending.perMonth[0], spending.perMonth[1]),
    amountScale: spending.scale,
    regulars,
    subscriptions,
    tripsPerYear: rng.int(spending.trips[0], spending.trips[1]),
    allowForeign: true,
    payment: product.accountKind === 'charge' ? 'full' : rng.weighted([['full', 55], ['partial', 35], ['minimum', 10]] as const),
    startBalanceCents: startBalance,
  };
}

function expires(rng: Rng, asOfDay: number): string {
  const { y } = ymd(asOfDay);
  return `${y + rng.int(1, 4)}-${String(rng.int(1, 12)).padStart(2, '0')}`;
}

const randomLast4 = (rng: Rng) => String(rng.int(0, 9999)).padStart(4, '0');

export type PlanOptions = {
  product: CardProduct;
  openedDay: number;
  cycleDay: number;
  /** Replacement and employee cards are left out of planted scenarios, which need one card. */
  simpleCards?: boolean;
};

/** One account of a customer, with its cards and spending habits. */
export function planAccount(rng: Rng, ids: IdSource, window: DemoWindow, customer: CustomerRow, person: Person, options: PlanOptions): AccountPlan {
  const { product } = options;
  const segment = segmentOf(product);
  const limitBase = product.creditLimitCents ?? 800_000;
  const creditLimit = product.accountKind === 'credit' ? Math.round((limitBase * rng.pick([0.5, 0.75, 1, 1, 1.25, 1.5, 2])) / 50_000) * 50_000 : null;
  const nickname =
    segment === 'merchant' ? `${person.businessName} (${product.name})`
    : segment === 'business' || segment === 'corporate' ? `${product.name} – ${person.businessName}`
    : product.name;
  const account = {
    id: ids.acc(),
    customer_id: customer.id,
    product_line: product.productLine,
    card_product: product.id,
    account_kind: product.accountKind,
    nickname,
    currency: 'USD',
    annual_fee_cents: product.annualFeeCents,
    credit_limit_cents: creditLimit,
    billing_cycle_day: options.cycleDay,
    status: 'active' as const,
    hold_reason: null,
    hold_placed_at: null,
    opened_on: isoDay(options.openedDay),
    closed_on: null,
    created_at: at(options.openedDay, 15 * 60),
  };
  const cards: CardRow[] = [];
  const spans: CardSpan[] = [];
  if (product.hasCard) {
    const holder = `${person.firstName} ${person.lastName}`.toUpperCase();
    const issuedDay = Math.max(options.openedDay, window.asOfDay - rng.int(200, 1_000)); // reissued on expiry
    const current: CardRow = {
      id: ids.crd(),
      account_id: account.id,
      last4: randomLast4(rng),
      network: product.network,
      cardholder_name: holder,
      expires: expires(rng, window.asOfDay),
      status: 'active',
      status_changed_at: null,
      replaced_by: null,
      issued_at: at(issuedDay, 16 * 60),
    };
    cards.push(current);
    const replaced = !options.simpleCards && rng.chance(0.06);
    if (replaced) {
      // Lost or compromised mid-window: the old card carried purchases until the replacement day.
      const day = window.asOfDay - rng.int(20, 300);
      current.issued_at = at(day, 16 * 60);
      const old: CardRow = { ...current, id: ids.crd(), last4: randomLast4(rng), status: 'replaced', status_changed_at: at(day, 16 * 60), replaced_by: current.id, issued_at: at(Math.max(options.openedDay, day - 700), 16 * 60) };
      cards.push(old);
      spans.push({ cardId: old.id, fromDay: 0, toDay: day - 1, lockedAt: null }, { cardId: current.id, fromDay: day, toDay: null, lockedAt: null });
    } else {
      const locked = !options.simpleCards && rng.chance(0.015);
      if (locked) {
        // The cardholder locked the card a few hours ago (misplaced it): later attempts are declined.
        current.status = 'locked';
        current.status_changed_at = new Date(window.asOf.getTime() - rng.int(2, 40) * 3_600_000);
      }
      spans.push({ cardId: current.id, fromDay: 0, toDay: null, lockedAt: locked ? current.status_changed_at : null });
    }
    const employees = !options.simpleCards && (segment === 'business' || segment === 'corporate') ? rng.weighted([[0, 50], [1, 35], [2, 15]] as const) : 0;
    for (let i = 0; i < employees; i++) {
      const employee: CardRow = { ...current, id: ids.crd(), last4: randomLast4(rng), cardholder_name: `${pickFirstName(rng)} ${person.lastName}`.toUpperCase(), status: 'active', status_changed_at: null, replaced_by: null };
      cards.push(employee);
      spans.push({ cardId: employee.id, fromDay: 0, toDay: null, lockedAt: null });
    }
  }
  return { customer, account, product, segment, person, cards, spans, habits: habitsFor(rng, segment, product, creditLimit), feeAt: null };
}

/** The customer row for a person; `sinceDay` is when they became a customer. */
export function customerRow(ids: IdSource, person: Person, sinceDay: number): CustomerRow {
  return {
    id: ids.cus(),
    first_name: person.firstName,
    last_name: person.lastName,
    email: person.email,
    phone: person.phone,
    address_line1: person.addressLine1,
    address_line2: person.addressLine2,
    city: person.city.name,
    region: person.city.region,
    postal_code: person.postalCode,
    country: 'US',
    created_at: new Date(sinceDay * DAY_MS + 14 * 3_600_000),
  };
}
