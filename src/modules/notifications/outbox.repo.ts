import { sql } from 'kysely';
import type { Executor } from '../../platform/db.ts';
import type { OutboxPayload } from './notification.types.ts';
import './notifications.tables.ts';

export type ClaimedRow = { id: number; topic: string; payload: unknown; attempts: number; created_at: Date };

export async function insertOutboxRow(db: Executor, row: { topic: string; payload: OutboxPayload; now: Date }): Promise<number> {
  const inserted = await db
    .insertInto('outbox')
    .values({ topic: row.topic, payload: JSON.stringify(row.payload), created_at: row.now, available_at: row.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/**
 * Claims up to `limit` due rows in one statement (its own short transaction): the lease moves available_at
 * forward and counts the attempt, so a dispatcher that dies mid-send only delays the row until the lease
 * ends, and concurrent dispatchers skip each other's locked rows instead of sending them twice.
 */
export async function claimDueRows(db: Executor, now: Date, leaseMs: number, limit: number): Promise<ClaimedRow[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const { rows } = await sql<ClaimedRow>`
    UPDATE outbox o SET available_at = ${leaseUntil}, attempts = o.attempts + 1
    WHERE o.id IN (
      SELECT id FROM outbox
      WHERE delivered_at IS NULL AND dead_at IS NULL AND available_at <= ${now}
      ORDER BY available_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING o.id, o.topic, o.payload, o.attempts, o.created_at`.execute(db);
  return rows.sort((a, b) => a.id - b.id);
}

/** Marks the rows a dispatch batch sent, in one statement (none: nothing to do). */
export async function markDelivered(db: Executor, ids: readonly number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('outbox').set({ delivered_at: now, last_error: null }).where('id', 'in', ids).where('delivered_at', 'is', null).execute();
}

/**
 * Records a failed attempt. `attempts` fences the update: if our lease ran out and another dispatcher
 * claimed the row meanwhile, its newer lease is left alone.
 */
export async function markFailed(db: Executor, row: { id: number; attempts: number; error: string; retryAt: Date | null; now: Date }): Promise<void> {
  await db
    .updateTable('outbox')
    .set(row.retryAt ? { available_at: row.retryAt, last_error: row.error } : { dead_at: row.now, last_error: row.error })
    .where('id', '=', row.id)
    .where('attempts', '=', row.attempts)
    .where('delivered_at', 'is', null)
    .execute();
}
