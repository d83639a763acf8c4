import { newId } from '../../../platform/ids.ts';
import type { AccountKind, AccountStatus, CardStatus, Direction, TransactionKind, TransactionStatus } from '../banking.tables.ts';
import type { CardProduct } from '../../directory/index.ts';
import type { CategoryKey, Merchant, Subscription } from './merchants.ts';
import type { Person } from './people.ts';
import type { Rng } from './prng.ts';

// In-memory rows of the demo ledger, shaped like the tables so they insert as they are.

export type CustomerRow = {
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

export type AccountRow = {
  id: string;
  customer_id: string;
  product_line: string;
  card_product: string;
  account_kind: AccountKind;
  nickname: string;
  currency: string;
  annual_fee_cents: number;
  credit_limit_cents: number | null;
  billing_cycle_day: number;
  status: AccountStatus;
  hold_reason: string | null;
  hold_placed_at: Date | null;
  opened_on: string;
  closed_on: string | null;
  created_at: Date;
};

export type CardRow = {
  id: string;
  account_id: string;
  last4: string;
  network: string;
  cardholder_name: string;
  expires: string;
  status: CardStatus;
  status_changed_at: Date | null;
  replaced_by: string | null;
  issued_at: Date;
};

export type StatementRow = {
  id: string;
  account_id: string;
  period_start: string;
  closing_date: string;
  due_date: string;
  opening_balance_cents: number;
  debits_cents: number;
  credits_cents: number;
  closing_balance_cents: number;
  minimum_due_cents: number;
  created_at: Date;
};

export type TxnRow = {
  id: string;
  account_id: string;
  card_id: string | null;
  kind: TransactionKind;
  direction: Direction;
  status: TransactionStatus;
  amount_cents: number;
  currency: string;
  description: string;
  merchant_name: string | null;
  merchant_id: string | null;
  mcc: string | null;
  merchant_country: string | null;
  card_present: boolean | null;
  authorized_at: Date;
  posted_at: Date | null;
  refund_of: string | null;
  related_to: string | null;
  statement_id: string | null;
  decline_reason: string | null;
  reference: string | null;
  created_at: Date;
};

export type ScenarioRow = {
  key: string;
  customer_id: string;
  account_id: string | null;
  transaction_id: string | null;
  description: string;
  detail: Record<string, unknown>;
};

export type Segment = 'everyday' | 'premium' | 'business' | 'corporate' | 'prepaid' | 'gift' | 'savings' | 'merchant';

/** Which card carried purchases when: a replaced card hands over to its successor on a day. */
export type CardSpan = { cardId: string; fromDay: number; toDay: number | null; lockedAt: Date | null };

export type Habits = {
  purchasesPerMonth: number;
  amountScale: number;
  regulars: Map<CategoryKey, Merchant[]>;
  subscriptions: Array<Subscription & { dayOfMonth: number }>;
  tripsPerYear: number;
  allowForeign: boolean;
  payment: 'full' | 'partial' | 'minimum';
  startBalanceCents: number;
};

export type AccountPlan = {
  customer: CustomerRow;
  account: AccountRow;
  product: CardProduct;
  segment: Segment;
  person: Person;
  cards: CardRow[];
  spans: CardSpan[];
  habits: Habits;
  /** Planted scenarios may pin the annual fee's exact moment. */
  feeAt: Date | null;
};

/** The demo's window: 12 closed cycles before asOf, then the open one. */
export type DemoWindow = { asOf: Date; asOfDay: number };

/** Ids come from their own stream, so the same seed gives the same ids. */
export type IdSource = { txn(): string; stm(): string; crd(): string; acc(): string; cus(): string };

export function idSource(rng: Rng): IdSource {
  return {
    txn: () => newId('txn', rng.bytes(16)),
    stm: () => newId('stm', rng.bytes(16)),
    crd: () => newId('crd', rng.bytes(16)),
    acc: () => newId('acc', rng.bytes(16)),
    cus: () => newId('cus', rng.bytes(16)),
  };
}

/** A ledger entry the issuer posts itself (payment, fee, interest, transfer): no merchant, posted at once. */
export function ledgerEntry(
  ids: IdSource,
  account: AccountRow,
  entry: { kind: TransactionKind; direction: Direction; cents: number; description: string; at: Date; reference?: string },
): TxnRow {
  return {
    id: ids.txn(),
    account_id: account.id,
    card_id: null,
    kind: entry.kind,
    direction: entry.direction,
    status: 'posted',
    amount_cents: entry.cents,
    currency: account.currency,
    description: entry.description,
    merchant_name: null,
    merchant_id: null,
    mcc: null,
    merchant_country: null,
    card_present: null,
    authorized_at: entry.at,
    posted_at: entry.at,
    refund_of: null,
    related_to: null,
    statement_id: null,
    decline_reason: null,
    reference: entry.reference ?? null,
    created_at: entry.at,
  };
}
