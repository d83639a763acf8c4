import type { ColumnType } from 'kysely';

// Kysely row types for migrations/0011_notices.sql.
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type NoticesTable = {
  id: string;
  case_id: string;
  customer_id: string;
  kind: string;
  template_version: number;
  title: string;
  subject_type: string | null;
  subject_id: string | null;
  message_id: string;
  attachment_id: string;
  html: Buffer;
  issued_by: string | null;
  issued_by_name: string;
  issued_on: string;
  issued_at: Timestamp;
};

declare module '../../platform/db.ts' {
  interface Tables {
    notices: NoticesTable;
  }
}
