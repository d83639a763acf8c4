import type { ColumnType } from 'kysely';
import type { Deadline, Regulation } from './regulation/index.ts';
import type { DisputeAnswers, DisputeReason } from './dispute-reasons.ts';
import type { NetworkState, RegulatoryState } from './network.machine.ts';
import type { NoticeWindow } from './regulation/index.ts';
import type { TransferFacts } from './regulatory-track.ts';

// Kysely row types for migrations/0006_disputes.sql.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateColumn = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export type DisputeStatus = 'open' | 'resolved';
export type DisputeOutcome = 'cardholder_favor' | 'merchant_favor';
export type MoneyStepKind = 'provisional_credit' | 'provisional_credit_reversal' | 'final_credit';

export type DisputesTable = {
  id: string;
  case_id: string;
  customer_id: string;
  account_id: string;
  transaction_id: string;
  reason: DisputeReason;
  reason_code: string | null;
  network: string;
  amount_cents: number;
  currency: string;
  answers: Json<DisputeAnswers>;
  regulation: Regulation;
  handling: 'regulatory' | 'courtesy';
  notice_received_on: DateColumn;
  notice_window: Json<NoticeWindow | null>;
  transfer_facts: Json<TransferFacts>;
  clocks: Json<Deadline[]>;
  status: DisputeStatus;
  outcome: DisputeOutcome | null;
  network_status: NetworkState;
  regulatory_status: RegulatoryState;
  filed_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  resolved_at: NullableTimestamp;
};

export type DisputeMoneyStepsTable = {
  id: string;
  dispute_id: string;
  kind: MoneyStepKind;
  amount_cents: number;
  ledger_transaction_id: string;
  state: 'posted' | 'reversed';
  notice_message_id: string | null;
  actor_id: string | null;
  created_at: Timestamp;
  reversed_at: NullableTimestamp;
};

declare module '../../platform/db.ts' {
  interface Tables {
    disputes: DisputesTable;
    dispute_money_steps: DisputeMoneyStepsTable;
  }
}
