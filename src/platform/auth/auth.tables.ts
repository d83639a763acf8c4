import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type UsersTable = {
  id: string;
  email: string;
  password_hash: string;
  role: 'cardholder' | 'agent' | 'supervisor' | 'compliance' | 'admin';
  customer_id: string | null;
  display_name: string;
  agent_code: string | null;
  totp_secret: string | null;
  skills: ColumnType<string[], string[] | undefined, string[]>;
  failed_signins: Generated<number>;
  locked_until: Timestamp | null;
  disabled_at: Timestamp | null;
  created_at: Timestamp;
  available: Generated<boolean>;
  max_open_cases: Generated<number>;
  last_assigned_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
};

export type SessionsTable = {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  ip: string | null;
  user_agent: string | null;
};

export type SigninThrottleTable = {
  key: string;
  window_start: Timestamp;
  failures: number;
};

declare module '../db.ts' {
  interface Tables {
    users: UsersTable;
    sessions: SessionsTable;
    signin_throttle: SigninThrottleTable;
  }
}
