import type { ColumnType } from 'kysely';

// Kysely row types for migrations/0010_fees_reviews.sql (account reviews).
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export const DOCUMENT_KINDS = ['income', 'identity', 'bank_statements', 'custom'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type ReviewStatus = 'open' | 'released' | 'closed';
export type DocumentStatus = 'requested' | 'received' | 'satisfied' | 'closed';

export type AccountReviewsTable = {
  id: string;
  customer_id: string;
  account_id: string;
  case_id: string;
  status: ReviewStatus;
  reason: string;
  reason_code: string;
  product_line: string;
  source: 'staff' | 'rule';
  rule: string | null;
  placed_by: string | null;
  placed_at: Timestamp;
  extended_until: NullableTimestamp;
  last_document_at: NullableTimestamp;
  decision: 'release' | 'close' | null;
  decision_note: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  notice_message_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ReviewDocumentsTable = {
  id: string;
  review_id: string;
  kind: DocumentKind;
  label: string;
  note: string | null;
  status: DocumentStatus;
  requested_by: string | null;
  requested_at: Timestamp;
  due_at: Timestamp;
  reminded_at: NullableTimestamp;
  escalated_at: NullableTimestamp;
  received_at: NullableTimestamp;
  satisfied_at: NullableTimestamp;
  satisfied_by: string | null;
  closed_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ReviewUploadsTable = { document_id: string; message_id: string; files: number; uploaded_at: Timestamp };

declare module '../../platform/db.ts' {
  interface Tables {
    account_reviews: AccountReviewsTable;
    review_documents: ReviewDocumentsTable;
    review_uploads: ReviewUploadsTable;
  }
}
