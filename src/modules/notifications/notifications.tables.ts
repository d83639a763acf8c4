import type { ColumnType, Generated } from 'kysely';

// Kysely row type for the outbox (migrations/0003_message_center.sql, dead_at from 0004). The
// notifications module owns this table: other modules write to it only through `enqueueNotification`.
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type OutboxTable = {
  id: Generated<number>;
  topic: string;
  payload: ColumnType<unknown, string, string>;
  created_at: Timestamp;
  available_at: Timestamp;
  attempts: Generated<number>;
  delivered_at: Timestamp | null;
  last_error: string | null;
  dead_at: Timestamp | null;
};

declare module '../../platform/db.ts' {
  interface Tables {
    outbox: OutboxTable;
  }
}
