import type { ColumnType } from 'kysely';

// Kysely row types for migrations/0010_fees_reviews.sql (fee refunds).
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;

export type FeeRefundStatus = 'credited' | 'pending_approval' | 'rejected' | 'nothing_due';
export type StoredQuoteLine = { kind: string; label: string; amountCents: number };

export type FeeRefundsTable = {
  id: string;
  customer_id: string;
  account_id: string;
  fee_transaction_id: string;
  case_id: string;
  close_on: ColumnType<string, string, string>;
  status: FeeRefundStatus;
  fee_cents: number;
  refund_cents: number;
  quote: Json<StoredQuoteLine[]>;
  ledger_transaction_id: string | null;
  requested_by: string | null;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  decision_note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

declare module '../../platform/db.ts' {
  interface Tables {
    fee_refunds: FeeRefundsTable;
  }
}
