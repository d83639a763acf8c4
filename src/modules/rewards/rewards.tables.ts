import type { ColumnType } from 'kysely';

// Kysely row types for migrations/0009_rewards.sql.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateColumn = ColumnType<string, string, string>;

export type LedgerKind = 'earned' | 'reversed' | 'bonus' | 'adjustment' | 'redemption';
export type LedgerSource = 'posting' | 'processor' | 'staff';
export type AdjustmentStatus = 'pending_approval' | 'applied' | 'rejected';

export type RewardLedgerEntriesTable = {
  id: string;
  account_id: string;
  customer_id: string;
  kind: LedgerKind;
  points: number;
  transaction_id: string | null;
  promotion_id: string | null;
  adjustment_id: string | null;
  source: LedgerSource;
  description: string;
  effective_on: DateColumn;
  created_at: Timestamp;
};

export type RewardEnrollmentsTable = {
  account_id: string;
  promotion_id: string;
  enrolled_by: string;
  enrolled_at: Timestamp;
};

export type RewardAdjustmentsTable = {
  id: string;
  account_id: string;
  customer_id: string;
  points: number;
  reason: string;
  transaction_id: string | null;
  status: AdjustmentStatus;
  requested_by: string;
  decided_by: string | null;
  decision_note: string | null;
  ledger_entry_id: string | null;
  created_at: Timestamp;
  decided_at: NullableTimestamp;
};

export type RewardDiscrepanciesTable = {
  transaction_id: string;
  account_id: string;
  expected_points: number;
  posted_points: number;
  case_id: string | null;
  case_number: string | null;
  detected_at: Timestamp;
};

declare module '../../platform/db.ts' {
  interface Tables {
    reward_ledger_entries: RewardLedgerEntriesTable;
    reward_enrollments: RewardEnrollmentsTable;
    reward_adjustments: RewardAdjustmentsTable;
    reward_discrepancies: RewardDiscrepanciesTable;
  }
}
