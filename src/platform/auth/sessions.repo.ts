import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../db.ts';
import { newId } from '../ids.ts';
import './auth.tables.ts';

export type SessionPolicy = { idleMinutes: number; absoluteHours: number };

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export type NewSession = { id: string; token: string; csrfToken: string; expiresAt: Date };

export async function insertSession(
  db: Executor,
  input: { userId: string; ip: string | null; userAgent: string | null; now: Date; policy: SessionPolicy },
): Promise<NewSession> {
  const token = `ccs_${randomBytes(32).toString('base64url')}`;
  const csrfToken = randomBytes(24).toString('base64url');
  const id = newId('ses');
  const expiresAt = new Date(input.now.getTime() + input.policy.absoluteHours * 3_600_000);
  await db
    .insertInto('sessions')
    .values({
      id,
      token_hash: tokenHash(token),
      user_id: input.userId,
      csrf_token: csrfToken,
      created_at: input.now,
      last_seen_at: input.now,
      expires_at: expiresAt,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { id, token, csrfToken, expiresAt };
}

export type SessionWithUser = {
  session_id: string;
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  user_id: string;
  email: string;
  role: 'cardholder' | 'agent' | 'supervisor' | 'compliance' | 'admin';
  customer_id: string | null;
  display_name: string;
  agent_code: string | null;
  disabled_at: Date | null;
};

export async function findSessionByToken(db: Executor, token: string): Promise<SessionWithUser | undefined> {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as session_id',
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      's.revoked_at',
      'u.id as user_id',
      'u.email',
      'u.role',
      'u.customer_id',
      'u.display_name',
      'u.agent_code',
      'u.disabled_at',
    ])
    .where('s.token_hash', '=', tokenHash(token))
    .executeTakeFirst();
}

export async function touchSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

export async function revokeSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

/** Counts a failed sign-in from one address in fixed windows; returns the failures in the current window. */
export async function countAddressFailure(db: Executor, key: string, now: Date, windowMinutes: number): Promise<number> {
  const cutoff = new Date(now.getTime() - windowMinutes * 60_000);
  const row = await sql<{ failures: number }>`
    INSERT INTO signin_throttle (key, window_start, failures) VALUES (${key}, ${now}, 1)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN signin_throttle.window_start < ${cutoff} THEN 1 ELSE signin_throttle.failures + 1 END,
      window_start = CASE WHEN signin_throttle.window_start < ${cutoff} THEN ${now} ELSE signin_throttle.window_start END
    RETURNING failures`.execute(db);
  return row.rows[0]?.failures ?? 1;
}

export async function addressFailures(db: Executor, key: string, now: Date, windowMinutes: number): Promise<{ failures: number; windowStart: Date } | null> {
  const row = await db.selectFrom('signin_throttle').select(['failures', 'window_start']).where('key', '=', key).executeTakeFirst();
  if (!row || row.window_start.getTime() < now.getTime() - windowMinutes * 60_000) return null;
  return { failures: row.failures, windowStart: row.window_start };
}
