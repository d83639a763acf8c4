import type { ColumnType } from 'kysely';
import type { ComplaintState } from './complaint.machine.ts';

// Kysely row types for migrations/0008_complaints.sql.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type ComplaintSource = 'cardholder' | 'staff' | 'regulator';
export type ComplaintChannel = 'secure_message' | 'phone' | 'mail' | 'regulator';

export type ComplaintsTable = {
  id: string;
  customer_id: string;
  case_id: string;
  source: ComplaintSource;
  channel: ComplaintChannel;
  category: string;
  product_line: string;
  desired_outcome: string | null;
  status: ComplaintState;
  received_at: Timestamp;
  received_on: string;
  ack_due_on: string | null;
  response_due_on: string;
  final_due_on: string;
  acknowledged_at: NullableTimestamp;
  acknowledged_on: string | null;
  responded_at: NullableTimestamp;
  responded_on: string | null;
  response_message_id: string | null;
  closed_at: NullableTimestamp;
  closed_on: string | null;
  root_cause: string | null;
  portal_complaint_id: string | null;
  regulator_product: string | null;
  regulator_response: string | null;
  recorded_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ComplaintCasesTable = { complaint_id: string; case_id: string };

declare module '../../platform/db.ts' {
  interface Tables {
    complaints: ComplaintsTable;
    complaint_cases: ComplaintCasesTable;
  }
}
