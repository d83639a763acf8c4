import type { ColumnType, Generated } from 'kysely';
import type { CaseState } from './case.machine.ts';
import type { CaseType, Channel, Priority } from './service-policy.ts';

// Kysely row types for migrations/0003_message_center.sql.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;

export type CasesTable = {
  id: string;
  number: string;
  customer_id: string;
  account_id: string | null;
  transaction_id: string | null;
  subject: string;
  type: CaseType;
  status: CaseState;
  priority: Priority;
  product_line: string;
  queue: string;
  channel: Channel;
  assignee_id: string | null;
  escalation: 'supervisor' | null;
  merged_into: string | null;
  links: Json<Record<string, string>>;
  sla_policy: string;
  first_response_due_at: NullableTimestamp;
  next_response_due_at: NullableTimestamp;
  resolution_due_at: NullableTimestamp;
  sla_warned_at: NullableTimestamp;
  sla_breached_at: NullableTimestamp;
  resolution_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  resolved_at: NullableTimestamp;
  closed_at: NullableTimestamp;
};

export type CaseEventsTable = {
  id: Generated<number>;
  case_id: string;
  at: Timestamp;
  kind: string;
  actor_id: string | null;
  actor_role: string | null;
  actor_name: string | null;
  visible_to_cardholder: boolean;
  message_id: string | null;
  data: Json<Record<string, unknown>>;
};

export type MessagesTable = {
  id: string;
  seq: Generated<number>;
  case_id: string;
  author_id: string | null;
  author_role: string;
  author_name: string;
  author_agent_code: string | null;
  internal: boolean;
  body: Buffer;
  redactions: Json<Array<{ kind: string; count: number }>>;
  created_at: Timestamp;
  read_at: NullableTimestamp;
};

export type AttachmentsTable = {
  id: string;
  message_id: string;
  case_id: string;
  file_name: string;
  mime: string;
  size_bytes: number;
  blob_key: string;
  created_at: Timestamp;
};

export type MacrosTable = { id: string; title: string; body: string; created_by: string | null; created_at: Timestamp; updated_at: Timestamp };

export type CsatResponsesTable = { case_id: string; resolution_count: number; rating: number; comment: string | null; created_at: Timestamp };

declare module '../../platform/db.ts' {
  interface Tables {
    cases: CasesTable;
    case_events: CaseEventsTable;
    messages: MessagesTable;
    attachments: AttachmentsTable;
    macros: MacrosTable;
    csat_responses: CsatResponsesTable;
  }
}
