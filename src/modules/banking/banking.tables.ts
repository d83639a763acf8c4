import type { ColumnType } from 'kysely';

// Kysely row types for the built-in ledger (migrations/0001_foundation.sql). bigint columns arrive as JS
// numbers (see platform/db.ts); `date` columns are read as text (see DateColumn) so a day never shifts zone.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DateColumn = ColumnType<string, string, string>;
type Json = ColumnType<Record<string, unknown>, string, string>;

export type AccountKind = 'credit' | 'charge' | 'debit' | 'prepaid' | 'deposit' | 'merchant';
export type AccountStatus = 'active' | 'on_hold' | 'closed';
export type CardStatus = 'active' | 'locked' | 'blocked' | 'replaced';
export type TransactionKind =
  | 'purchase'
  | 'refund'
  | 'payment'
  | 'fee'
  | 'interest'
  | 'credit'
  | 'adjustment'
  | 'cash_advance'
  | 'deposit'
  | 'withdrawal';
export type Direction = 'debit' | 'credit';
export type TransactionStatus = 'authorized' | 'posted' | 'declined' | 'reversed';

export type CustomersTable = {
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
  created_at: Timestamp;
};

export type AccountsTable = {
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
  hold_placed_at: Timestamp | null;
  opened_on: DateColumn;
  closed_on: DateColumn | null;
  created_at: Timestamp;
};

export type CardsTable = {
  id: string;
  account_id: string;
  last4: string;
  network: string;
  cardholder_name: string;
  expires: string;
  status: CardStatus;
  status_changed_at: Timestamp | null;
  replaced_by: string | null;
  issued_at: Timestamp;
};

export type StatementsTable = {
  id: string;
  account_id: string;
  period_start: DateColumn;
  closing_date: DateColumn;
  due_date: DateColumn;
  opening_balance_cents: number;
  debits_cents: number;
  credits_cents: number;
  closing_balance_cents: number;
  minimum_due_cents: number;
  created_at: Timestamp;
};

export type TransactionsTable = {
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
  authorized_at: Timestamp;
  posted_at: Timestamp | null;
  refund_of: string | null;
  related_to: string | null;
  statement_id: string | null;
  decline_reason: string | null;
  reference: string | null;
  created_at: Timestamp;
};

export type DemoScenariosTable = {
  key: string;
  customer_id: string;
  account_id: string | null;
  transaction_id: string | null;
  description: string;
  detail: Json;
};

declare module '../../platform/db.ts' {
  interface Tables {
    customers: CustomersTable;
    accounts: AccountsTable;
    cards: CardsTable;
    statements: StatementsTable;
    transactions: TransactionsTable;
    demo_scenarios: DemoScenariosTable;
  }
}
