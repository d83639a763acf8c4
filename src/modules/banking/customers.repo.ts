import { sql } from 'kysely';
import type { Executor } from '../../platform/db.ts';
import type { Customer, CustomerMatch } from './core-banking.port.ts';
import './banking.tables.ts';

const CUSTOMER_COLUMNS = [
  'c.id',
  'c.first_name',
  'c.last_name',
  'c.email',
  'c.phone',
  'c.address_line1',
  'c.address_line2',
  'c.city',
  'c.region',
  'c.postal_code',
  'c.country',
  'c.created_at',
] as const;

type CustomerRow = {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  address_line1: string;
  address_line2: string | null;
  city: string;
  region: string;
  postal_code: string;
  country: string;
  created_at: Date;
};

function toCustomer(r: CustomerRow): Customer {
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    phone: r.phone,
    address: { line1: r.address_line1, line2: r.address_line2, city: r.city, region: r.region, postalCode: r.postal_code, country: r.country },
    createdAt: r.created_at,
  };
}

export async function findCustomer(db: Executor, customerId: string): Promise<Customer | null> {
  const row = await db.selectFrom('customers as c').select(CUSTOMER_COLUMNS).where('c.id', '=', customerId).executeTakeFirst();
  return row ? toCustomer(row) : null;
}

export async function findCustomers(db: Executor, customerIds: readonly string[]): Promise<Map<string, Customer>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db.selectFrom('customers as c').select(CUSTOMER_COLUMNS).where('c.id', 'in', [...new Set(customerIds)]).execute();
  return new Map(rows.map((r) => [r.id, toCustomer(r)]));
}

/** What a staff search box can mean; the caller decides (see search-customers.ts). */
export type CustomerSearch = { text: string | null; phoneDigits: string | null; last4: string | null; limit: number };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Substring match on the full name (either order) and the e-mail, digits inside the phone number, or an exact
 * card last 4. LIMITATION: a sequential scan over customers; past ~100k customers add pg_trgm GIN indexes.
 */
export async function searchCustomers(db: Executor, search: CustomerSearch): Promise<CustomerMatch[]> {
  const { text, phoneDigits, last4 } = search;
  const pattern = text ? `%${escapeLike(text.toLowerCase())}%` : null;
  const phonePattern = phoneDigits ? `%${phoneDigits}%` : null;
  const rows = await db
    .selectFrom('customers as c')
    .select(CUSTOMER_COLUMNS)
    .select((eb) => [
      eb.selectFrom('accounts as a').whereRef('a.customer_id', '=', 'c.id').select(eb.fn.countAll<number>().as('n')).as('account_count'),
      (last4
        ? sql<string | null>`CASE WHEN EXISTS (SELECT 1 FROM cards k JOIN accounts a ON a.id = k.account_id
                                 WHERE a.customer_id = c.id AND k.last4 = ${last4}) THEN ${last4}::text END`
        : sql<string | null>`NULL::text`
      ).as('matched_last4'),
    ])
    .where((eb) => {
      const ors = [];
      if (pattern) {
        ors.push(sql<boolean>`lower(c.first_name || ' ' || c.last_name) LIKE ${pattern}`);
        ors.push(sql<boolean>`lower(c.last_name || ' ' || c.first_name) LIKE ${pattern}`);
        ors.push(sql<boolean>`lower(c.email) LIKE ${pattern}`);
      }
      if (phonePattern) ors.push(sql<boolean>`c.phone LIKE ${phonePattern}`);
      if (last4) {
        ors.push(sql<boolean>`EXISTS (SELECT 1 FROM cards k JOIN accounts a ON a.id = k.account_id WHERE a.customer_id = c.id AND k.last4 = ${last4})`);
      }
      return ors.length > 0 ? eb.or(ors) : sql<boolean>`false`;
    })
    .orderBy('c.last_name')
    .orderBy('c.first_name')
    .orderBy('c.id')
    .limit(search.limit)
    .execute();
  return rows.map((r) => ({ ...toCustomer(r), accountCount: Number(r.account_count ?? 0), matchedCardLast4: r.matched_last4 }));
}
