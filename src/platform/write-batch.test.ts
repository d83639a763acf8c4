import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase } from '../../test/helpers.ts';
import { verifyAuditChain } from './audit.ts';
import { newDataKeyId } from './crypto/envelope.ts';
import type { Database } from './db.ts';
import { executeBatch, type WriteBatch } from './write-batch.ts';

const AT = new Date('2026-06-15T14:00:00.000Z');

function macroBatch(id: string, extra: Partial<WriteBatch> = {}): WriteBatch {
  return {
    inserts: [{ table: 'macros', rows: [{ id, title: `Title ${id}`, body: 'Hello {{customer.firstName}}', created_by: null, created_at: AT, updated_at: AT }] }],
    audit: { action: 'macro.create', actorId: 'usr_test', actorRole: 'supervisor', targetType: 'macro', targetId: id, at: AT, detail: { id } },
    ...extra,
  };
}

describe('write batch (one statement, all or nothing)', () => {
  let database: Database;
  let drop: () => Promise<void>;
  before(async () => {
    ({ database, drop } = await openTestDatabase());
  });
  after(async () => {
    await database.close();
    await drop();
  });

  const count = async (table: 'macros' | 'audit_log' | 'data_keys', where = sql`true`) =>
    Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.id(table)} WHERE ${where}`.execute(database.db)).rows[0]!.n);

  it('writes every row, typed by its column (timestamptz, bytea), with a chained audit row', async () => {
    const wrapped = Buffer.from(Array.from({ length: 61 }, (_, i) => (i * 37) % 256)); // bytes 0x00…0xff, as bytea hex
    const batch = macroBatch('mac_batch_1');
    const keyId = newDataKeyId();
    batch.inserts.push({ table: 'data_keys', rows: [{ id: keyId, kek_id: 'kek-test', wrapped_key: wrapped }] });
    assert.deepEqual(await executeBatch(database.db, batch), { applied: true });
    const macro = await database.db.selectFrom('macros').selectAll().where('id', '=', 'mac_batch_1').executeTakeFirstOrThrow();
    assert.equal(macro.created_at.toISOString(), AT.toISOString());
    const key = await sql<{ wrapped_key: Uint8Array }>`SELECT wrapped_key FROM data_keys WHERE id = ${keyId}`.execute(database.db);
    assert.deepEqual(Buffer.from(key.rows[0]!.wrapped_key), wrapped);
    assert.equal(await count('audit_log', sql`target_id = 'mac_batch_1'`), 1);
    assert.deepEqual(await verifyAuditChain(database.pool), { ok: true, rows: await count('audit_log'), chains: 64 });
  });

  it('writes nothing when one insert fails (a duplicate key in the last table)', async () => {
    await executeBatch(database.db, macroBatch('mac_batch_2'));
    const auditBefore = await count('audit_log');
    const batch = macroBatch('mac_batch_3');
    batch.inserts.push({ table: 'macros', rows: [{ id: 'mac_batch_2', title: 'dup', body: 'dup', created_by: null, created_at: AT, updated_at: AT }] });
    await assert.rejects(executeBatch(database.db, batch));
    assert.equal(await count('macros', sql`id = 'mac_batch_3'`), 0);
    assert.equal(await count('audit_log'), auditBefore);
  });

  it('applies once per Idempotency-Key and answers a retry with the stored response', async () => {
    const scope = { actorId: 'usr_test', key: 'key-batch-1', fingerprint: 'fp-1', now: AT };
    const first = await executeBatch(database.db, macroBatch('mac_batch_4', { idempotency: { ...scope, response: { status: 201, body: { id: 'mac_batch_4' } } } }));
    assert.deepEqual(first, { applied: true });
    const retry = await executeBatch(database.db, macroBatch('mac_batch_5', { idempotency: { ...scope, response: { status: 201, body: { id: 'mac_batch_5' } } } }));
    assert.deepEqual(retry, { applied: false, stored: { status: 201, body: { id: 'mac_batch_4' } } });
    assert.equal(await count('macros', sql`id = 'mac_batch_5'`), 0);
    assert.equal(await count('audit_log', sql`target_id = 'mac_batch_5'`), 0);
    await assert.rejects(
      executeBatch(database.db, macroBatch('mac_batch_6', { idempotency: { ...scope, fingerprint: 'fp-other', response: { status: 201, body: {} } } })),
      (e: Error & { code?: string }) => e.code === 'idempotency_key_reused',
    );
  });

  it('lets one of many concurrent duplicates write', async () => {
    const scope = { actorId: 'usr_test', key: 'key-batch-race', fingerprint: 'fp-race', now: AT };
    const results = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((i) => executeBatch(database.db, macroBatch(`mac_race_${i}`, { idempotency: { ...scope, response: { status: 201, body: { i } } } }))),
    );
    assert.equal(results.filter((r) => r.applied).length, 1);
    assert.equal(await count('macros', sql`id LIKE 'mac_race_%'`), 1);
  });

  it('updates a row by id in the same statement, only when the batch applies', async () => {
    await executeBatch(database.db, macroBatch('mac_batch_9'));
    const later = new Date('2026-06-16T09:30:00.000Z');
    const update = { table: 'macros' as const, id: 'mac_batch_9', set: { title: 'Renamed', updated_at: later } };
    await executeBatch(database.db, { inserts: [], updates: [update] });
    const row = await database.db.selectFrom('macros').selectAll().where('id', '=', 'mac_batch_9').executeTakeFirstOrThrow();
    assert.deepEqual([row.title, row.updated_at.toISOString(), row.body], ['Renamed', later.toISOString(), 'Hello {{customer.firstName}}']);
    const scope = { actorId: 'usr_test', key: 'key-batch-update', fingerprint: 'fp-u', now: AT, response: { status: 200, body: {} } };
    await executeBatch(database.db, { inserts: [], idempotency: scope });
    await executeBatch(database.db, { inserts: [], updates: [{ ...update, set: { title: 'Not applied' } }], idempotency: scope });
    const after = await database.db.selectFrom('macros').select('title').where('id', '=', 'mac_batch_9').executeTakeFirstOrThrow();
    assert.equal(after.title, 'Renamed', 'a replayed key writes nothing');
  });

  it('refuses rows that disagree on their columns, before writing', async () => {
    const batch = macroBatch('mac_batch_7');
    batch.inserts[0]!.rows.push({ id: 'mac_batch_8', title: 't' });
    await assert.rejects(executeBatch(database.db, batch), TypeError);
    assert.equal(await count('macros', sql`id = 'mac_batch_7'`), 0);
  });
});
