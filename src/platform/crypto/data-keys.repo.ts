import { CompiledQuery } from 'kysely';
import type { Executor, Tx } from '../db.ts';
import './crypto.tables.ts';

/*
 * The only SQL of the encryption layer. The hot paths (insert on seal, select on open) use precompiled text:
 * building the query would cost more CPU than the encryption itself.
 */

export type StoredDataKey = { id: string; kekId: string; wrappedKey: Buffer };

const INSERT = 'INSERT INTO data_keys (id, kek_id, wrapped_key) VALUES ($1, $2, $3)';
const FIND = 'SELECT kek_id, wrapped_key FROM data_keys WHERE id = $1';

export async function insertDataKey(executor: Executor, key: StoredDataKey): Promise<void> {
  await executor.executeQuery(CompiledQuery.raw(INSERT, [key.id, key.kekId, key.wrappedKey]));
}

export async function findDataKey(executor: Executor, id: string): Promise<StoredDataKey | undefined> {
  const { rows } = await executor.executeQuery<{ kek_id: string; wrapped_key: Uint8Array }>(CompiledQuery.raw(FIND, [id]));
  const row = rows[0];
  return row ? { id, kekId: row.kek_id, wrappedKey: Buffer.from(row.wrapped_key) } : undefined;
}

export async function countDataKeysByKek(executor: Executor): Promise<Map<string, number>> {
  const { rows } = await executor.executeQuery<{ kek_id: string; n: number | string }>(
    CompiledQuery.raw('SELECT kek_id, count(*) AS n FROM data_keys GROUP BY kek_id ORDER BY kek_id', []),
  );
  return new Map(rows.map((r) => [r.kek_id, Number(r.n)]));
}

/**
 * Locks the next batch of data keys under one KEK, in id order after `afterId`. SKIP LOCKED lets two rotations
 * run at once without waiting on or re-wrapping each other's rows (on PGlite, one connection, it never skips).
 * Walking the (kek_id, id) index keeps a full rotation linear in the number of keys.
 */
export async function lockDataKeyBatch(tx: Tx, kekId: string, afterId: string, limit: number): Promise<StoredDataKey[]> {
  const { rows } = await tx.executeQuery<{ id: string; wrapped_key: Uint8Array }>(
    CompiledQuery.raw(
      'SELECT id, wrapped_key FROM data_keys WHERE kek_id = $1 AND id > $2 ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED',
      [kekId, afterId, limit],
    ),
  );
  return rows.map((r) => ({ id: r.id, kekId, wrappedKey: Buffer.from(r.wrapped_key) }));
}

/** Replaces wrapped keys in one statement; only rows still under `fromKekId` change. Returns how many did. */
export async function rewrapDataKeys(tx: Tx, fromKekId: string, toKekId: string, rows: Array<{ id: string; wrappedKey: Buffer }>): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await tx.executeQuery(
    CompiledQuery.raw(
      `UPDATE data_keys AS d SET kek_id = $1, wrapped_key = u.wrapped_key, rotated_at = now()
         FROM unnest($2::text[], $3::bytea[]) AS u(id, wrapped_key)
        WHERE d.id = u.id AND d.kek_id = $4`,
      [toKekId, rows.map((r) => r.id), rows.map((r) => r.wrappedKey), fromKekId],
    ),
  );
  return Number(result.numAffectedRows ?? 0);
}
