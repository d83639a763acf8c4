import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Executor, Tx } from './db.ts';
import { inUnit, type Unit } from './unit-of-work.ts';
import { AppError } from './errors.ts';

/**
 * `Idempotency-Key` for POSTs that create things or move money: the key row is written in the same
 * transaction as the change, so a failure stores nothing and a retry runs again; a concurrent duplicate waits
 * on the key's unique index until the first commits, then answers with the first response.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export type StoredResponse = { status: number; body: unknown };

export function readIdempotencyKey(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || !IDEMPOTENCY_KEY_PATTERN.test(value)) {
    throw new AppError('validation_failed', 'Idempotency-Key must be 1 to 255 visible ASCII characters', {
      errors: [{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }],
    });
  }
  return value;
}

export function fingerprint(method: string, route: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${route}\n${JSON.stringify(body ?? null)}`).digest('hex');
}

type Scope = { actorId: string; key: string; fingerprint: string; now: Date };
/** Who asked and with which key (null: the request sent none, so nothing is deduplicated). */
export type IdempotencyScope = Omit<Scope, 'key'> & { key: string | null };

async function claim(tx: Tx, scope: Scope): Promise<StoredResponse | 'claimed'> {
  const inserted = await sql<{ key: string }>`
    INSERT INTO idempotency_keys (actor_id, key, fingerprint, created_at)
    VALUES (${scope.actorId}, ${scope.key}, ${scope.fingerprint}, ${scope.now})
    ON CONFLICT (actor_id, key) DO NOTHING
    RETURNING key`.execute(tx);
  if (inserted.rows.length > 0) return 'claimed';
  return readStoredResponse(tx, scope);
}

/** The answer stored under a key that was already claimed (a retry, or a duplicate that waited for the first). */
export async function readStoredResponse(executor: Executor, scope: Pick<Scope, 'actorId' | 'key' | 'fingerprint'>): Promise<StoredResponse> {
  const row = await sql<{ fingerprint: string; status_code: number | null; response_body: unknown }>`
    SELECT fingerprint, status_code, response_body FROM idempotency_keys WHERE actor_id = ${scope.actorId} AND key = ${scope.key}`.execute(executor);
  const stored = row.rows[0];
  if (!stored || stored.status_code === null) throw new AppError('conflict', 'A request with this Idempotency-Key is still being processed');
  if (stored.fingerprint !== scope.fingerprint) {
    throw new AppError('idempotency_key_reused', 'This Idempotency-Key was already used for a different request');
  }
  return { status: stored.status_code, body: stored.response_body };
}

/**
 * Runs `work` in one unit of work; with a key, the first answer is stored in the same transaction and
 * replayed to every retry (a replay runs no after-commit work: it was done the first time).
 */
export async function runIdempotent<T>(
  db: Db,
  scope: IdempotencyScope,
  work: (unit: Unit) => Promise<{ status: number; body: T }>,
): Promise<{ status: number; body: T; replayed: boolean }> {
  return inUnit(db, async (unit) => {
    if (scope.key) {
      const claimed = await claim(unit.tx, { ...scope, key: scope.key });
      if (claimed !== 'claimed') return { status: claimed.status, body: claimed.body as T, replayed: true };
    }
    const result = await work(unit);
    if (scope.key) {
      await sql`UPDATE idempotency_keys SET status_code = ${result.status}, response_body = ${JSON.stringify(result.body)}::jsonb
                WHERE actor_id = ${scope.actorId} AND key = ${scope.key}`.execute(unit.tx);
    }
    return { ...result, replayed: false };
  });
}
