import type { ColumnType } from 'kysely';

// Kysely row types for migrations/0007_fraud.sql.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

export type FraudAlertStatus = 'pending' | 'confirmed' | 'denied' | 'expired';

export type FraudAlertsTable = {
  id: string;
  customer_id: string;
  account_id: string;
  card_id: string;
  transaction_id: string;
  merchant_key: string;
  score: number;
  reasons: Json<Array<{ rule: string; score: number; reason: string }>>;
  status: FraudAlertStatus;
  token_hash: string;
  token_expires_at: Timestamp;
  token_used_at: NullableTimestamp;
  decided_via: 'portal' | 'link' | null;
  outcome: NullableJson<Record<string, unknown>>;
  created_at: Timestamp;
  decided_at: NullableTimestamp;
};

export type FraudMerchantSuppressionsTable = {
  account_id: string;
  merchant_key: string;
  until: Timestamp;
  alert_id: string;
  created_at: Timestamp;
};

declare module '../../platform/db.ts' {
  interface Tables {
    fraud_alerts: FraudAlertsTable;
    fraud_merchant_suppressions: FraudMerchantSuppressionsTable;
  }
}
