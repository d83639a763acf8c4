import { sql } from 'kysely';
import type { Executor } from '../../platform/db.ts';
import '../../platform/auth/auth.tables.ts';

export type UserRow = {
  id: string;
  email: string;
  password_hash: string;
  role: 'cardholder' | 'agent' | 'supervisor' | 'compliance' | 'admin';
  customer_id: string | null;
  display_name: string;
  agent_code: string | null;
  totp_secret: string | null;
  failed_signins: number;
  locked_until: Date | null;
  disabled_at: Date | null;
};

const USER_COLUMNS = [
  'id',
  'email',
  'password_hash',
  'role',
  'customer_id',
  'display_name',
  'agent_code',
  'totp_secret',
  'failed_signins',
  'locked_until',
  'disabled_at',
] as const;

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** Atomic: concurrent failures cannot undercount. */
export async function recordFailedSignIn(db: Executor, userId: string, now: Date, lockAfter: number, lockMinutes: number): Promise<{ locked: boolean }> {
  const lockUntil = new Date(now.getTime() + lockMinutes * 60_000);
  const row = await sql<{ failed_signins: number }>`
    UPDATE users SET
      failed_signins = failed_signins + 1,
      locked_until = CASE WHEN failed_signins + 1 >= ${lockAfter} THEN ${lockUntil}::timestamptz ELSE locked_until END
    WHERE id = ${userId}
    RETURNING failed_signins`.execute(db);
  const failures = row.rows[0]?.failed_signins ?? 0;
  if (failures >= lockAfter) {
    await db.updateTable('users').set({ failed_signins: 0 }).where('id', '=', userId).execute();
    return { locked: true };
  }
  return { locked: false };
}

export async function resetFailedSignIns(db: Executor, userId: string): Promise<void> {
  await db.updateTable('users').set({ failed_signins: 0, locked_until: null }).where('id', '=', userId).execute();
}
