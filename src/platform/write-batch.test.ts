import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase } from '../../test/helpers.ts';
import { verifyAuditChain } from './audit.ts';
import { newDataKeyId } from './crypto/envelope.ts';
import type { Database } from './db.ts';
import { configureWriteGroups, DEFAULT_WRITE_GROUPS, executeBatch, executeBatchIfUnchanged, ROW_VERSION_SQL, type WriteBatch } from './write-batch.ts';

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

  /** Counts the write statements sent while `work` runs (the group commit's, not the reads after it). */
  async function statementsDuring<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
    const db = database.db as unknown as { executeQuery: (...args: unknown[]) => Promise<unknown> };
    const original = db.executeQuery;
    let statements = 0;
    db.executeQuery = (...args: unknown[]) => {
      if ((args[0] as { sql: string }).sql.includes('WITH RECURSIVE')) statements++;
      return original.apply(database.db, args);
    };
    try {
      return { result: await work(), statements };
    } finally {
      db.executeQuery = original;
    }
  }

  it('writes batches that arrive together in one statement, each with its own chained audit row', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `mac_group_${i}`);
    const { result, statements } = await statementsDuring(() => Promise.all(ids.map((id) => executeBatch(database.db, macroBatch(id)))));
    assert.deepEqual(result, ids.map(() => ({ applied: true })));
    assert.equal(statements, 1);
    assert.equal(await count('macros', sql`id LIKE 'mac_group_%'`), 8);
    const audit = await sql<{ chain: number; seq: number; target_id: string }>`
      SELECT chain, seq, target_id FROM audit_log WHERE target_id LIKE 'mac_group_%' ORDER BY seq`.execute(database.db);
    assert.deepEqual(audit.rows.map((r) => r.target_id), ids, 'one audit row per batch, in the order they came');
    assert.equal(new Set(audit.rows.map((r) => r.chain)).size, 1);
    assert.deepEqual(audit.rows.map((r) => Number(r.seq) - Number(audit.rows[0]!.seq)), [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(await verifyAuditChain(database.pool), { ok: true, rows: await count('audit_log'), chains: 64 });
  });

  it('fails only the batch that fails: the rest of its group is written, nothing of it is', async () => {
    await executeBatch(database.db, macroBatch('mac_taken'));
    const auditBefore = await count('audit_log');
    const failing = macroBatch('mac_taken');
    const keyId = newDataKeyId();
    failing.inserts.unshift({ table: 'data_keys', rows: [{ id: keyId, kek_id: 'kek-test', wrapped_key: Buffer.from('k') }] });
    const ids = ['mac_fine_1', 'mac_fine_2', 'mac_fine_3'];
    const settled = await Promise.allSettled([executeBatch(database.db, failing), ...ids.map((id) => executeBatch(database.db, macroBatch(id)))]);
    assert.equal(settled[0]!.status, 'rejected');
    assert.deepEqual(settled.slice(1).map((s) => s.status), ['fulfilled', 'fulfilled', 'fulfilled']);
    assert.equal(await count('macros', sql`id LIKE 'mac_fine_%'`), 3);
    assert.equal(await count('data_keys', sql`id = ${keyId}`), 0, 'the failing batch wrote nothing');
    assert.equal(await count('audit_log'), auditBefore + 3);
    assert.deepEqual(await verifyAuditChain(database.pool), { ok: true, rows: await count('audit_log'), chains: 64 });
  });

  it('answers replays, new keys and batches without a key from one statement', async () => {
    const reply = (id: string) => ({ status: 201, body: { id } });
    const scope = (key: string) => ({ actorId: 'usr_test', key, fingerprint: `fp-${key}`, now: AT });
    await executeBatch(database.db, macroBatch('mac_mix_first', { idempotency: { ...scope('key-mix-old'), response: reply('mac_mix_first') } }));
    const { result, statements } = await statementsDuring(() =>
      Promise.all([
        executeBatch(database.db, macroBatch('mac_mix_replay', { idempotency: { ...scope('key-mix-old'), response: reply('mac_mix_replay') } })),
        executeBatch(database.db, macroBatch('mac_mix_new', { idempotency: { ...scope('key-mix-new'), response: reply('mac_mix_new') } })),
        executeBatch(database.db, macroBatch('mac_mix_free')),
      ]),
    );
    assert.equal(statements, 1);
    assert.deepEqual(result, [{ applied: false, stored: reply('mac_mix_first') }, { applied: true }, { applied: true }]);
    const written = await sql<{ id: string }>`SELECT id FROM macros WHERE id LIKE 'mac_mix_%' ORDER BY id`.execute(database.db);
    assert.deepEqual(written.rows.map((r) => r.id), ['mac_mix_first', 'mac_mix_free', 'mac_mix_new']);
    assert.equal(await count('audit_log', sql`target_id = 'mac_mix_replay'`), 0, 'a replay is not audited again');
    const stored = await sql<{ response_body: unknown }>`SELECT response_body FROM idempotency_keys WHERE key = 'key-mix-new'`.execute(database.db);
    assert.deepEqual(stored.rows[0]!.response_body, { id: 'mac_mix_new' });
  });

  it('puts duplicates of one key in different statements, so exactly one writes', async () => {
    const scope = { actorId: 'usr_test', key: 'key-group-dup', fingerprint: 'fp-dup', now: AT };
    const { result, statements } = await statementsDuring(() =>
      Promise.all(['a', 'b', 'c'].map((x) => executeBatch(database.db, macroBatch(`mac_dup_${x}`, { idempotency: { ...scope, response: { status: 201, body: { x } } } })))),
    );
    assert.equal(statements, 3);
    const winner = result.findIndex((r) => r.applied);
    assert.equal(result.filter((r) => r.applied).length, 1);
    for (const r of result) if (!r.applied) assert.deepEqual(r.stored.body, { x: ['a', 'b', 'c'][winner] });
    assert.equal(await count('macros', sql`id LIKE 'mac_dup_%'`), 1);
  });

  it('writes rows of one table whose columns differ between batches', async () => {
    const without = macroBatch('mac_shape_2');
    delete without.inserts[0]!.rows[0]!.created_by;
    await Promise.all([executeBatch(database.db, macroBatch('mac_shape_1')), executeBatch(database.db, without)]);
    assert.equal(await count('macros', sql`id LIKE 'mac_shape_%' AND created_by IS NULL`), 2);
  });

  it('takes at most maxItems batches per statement', async () => {
    configureWriteGroups(database.db, { inFlight: 1, maxItems: 2 });
    try {
      const ids = ['mac_cap_1', 'mac_cap_2', 'mac_cap_3', 'mac_cap_4', 'mac_cap_5'];
      const { result, statements } = await statementsDuring(() => Promise.all(ids.map((id) => executeBatch(database.db, macroBatch(id)))));
      assert.equal(result.filter((r) => r.applied).length, 5);
      assert.equal(statements, 3);
    } finally {
      configureWriteGroups(database.db, DEFAULT_WRITE_GROUPS);
    }
    assert.throws(() => configureWriteGroups(database.db, { inFlight: 0, maxItems: 2 }), TypeError);
  });

  describe('optimistic concurrency (a batch planned from a row writes only if the row has not moved)', () => {
    const versionOf = async (id: string) =>
      (await sql<{ version: string }>`SELECT ${sql.raw(ROW_VERSION_SQL)} AS version FROM macros WHERE id = ${id}`.execute(database.db)).rows[0]!.version;
    const rename = (id: string, title: string, version: string, extra: Partial<WriteBatch> = {}) => ({
      ...macroBatch(`${id}_child_${title.replace(/\W/g, '')}`),
      updates: [{ table: 'macros' as const, id, set: { title } }],
      expect: { table: 'macros' as const, id, version },
      ...extra,
    });

    it('writes when the row is as it was read, and is stale (writing nothing, not even its key) once it moved', async () => {
      await executeBatch(database.db, macroBatch('mac_occ'));
      const read = await versionOf('mac_occ');
      assert.deepEqual(await executeBatchIfUnchanged(database.db, rename('mac_occ', 'First', read)), { applied: true });
      const scope = { actorId: 'usr_test', key: 'key-occ', fingerprint: 'fp-occ', now: AT, response: { status: 201, body: {} } };
      assert.deepEqual(await executeBatchIfUnchanged(database.db, rename('mac_occ', 'Second', read, { idempotency: scope })), { applied: false, stale: true });
      const row = await database.db.selectFrom('macros').select('title').where('id', '=', 'mac_occ').executeTakeFirstOrThrow();
      assert.equal(row.title, 'First');
      assert.equal(await count('macros', sql`id = 'mac_occ_child_Second'`), 0);
      assert.equal(await count('audit_log', sql`target_id = 'mac_occ_child_Second'`), 0);
      const keys = await sql<{ n: number }>`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'key-occ'`.execute(database.db);
      assert.equal(keys.rows[0]!.n, 0, 'a stale batch leaves its key free for the retry');
      assert.deepEqual(await executeBatchIfUnchanged(database.db, rename('mac_occ', 'Second', await versionOf('mac_occ'), { idempotency: scope })), { applied: true });
    });

    it('lets one of several batches planned from the same read write; the others are stale', async () => {
      await executeBatch(database.db, macroBatch('mac_occ_race'));
      const read = await versionOf('mac_occ_race');
      const results = await Promise.all(['A', 'B', 'C', 'D'].map((title) => executeBatchIfUnchanged(database.db, rename('mac_occ_race', title, read))));
      assert.equal(results.filter((r) => r.applied).length, 1);
      assert.equal(results.filter((r) => !r.applied && 'stale' in r).length, 3);
      assert.equal(await count('macros', sql`id LIKE 'mac_occ_race_child_%'`), 1);
    });

    it('answers a replayed key with the stored response when the row has not moved', async () => {
      await executeBatch(database.db, macroBatch('mac_occ_replay'));
      const scope = { actorId: 'usr_test', key: 'key-occ-replay', fingerprint: 'fp-r', now: AT };
      await executeBatch(database.db, { inserts: [], idempotency: { ...scope, response: { status: 201, body: { first: true } } } });
      const result = await executeBatchIfUnchanged(database.db, rename('mac_occ_replay', 'Late', await versionOf('mac_occ_replay'), { idempotency: { ...scope, response: { status: 201, body: {} } } }));
      assert.deepEqual(result, { applied: false, stored: { status: 201, body: { first: true } } });
      assert.equal((await database.db.selectFrom('macros').select('title').where('id', '=', 'mac_occ_replay').executeTakeFirstOrThrow()).title, 'Title mac_occ_replay');
    });

    it('mixes with batches expecting nothing in one statement', async () => {
      await executeBatch(database.db, macroBatch('mac_occ_mix'));
      const read = await versionOf('mac_occ_mix');
      await executeBatchIfUnchanged(database.db, rename('mac_occ_mix', 'Moved', read));
      const { result, statements } = await statementsDuring(() =>
        Promise.all([executeBatchIfUnchanged(database.db, rename('mac_occ_mix', 'Late', read)), executeBatch(database.db, macroBatch('mac_occ_free'))]),
      );
      assert.equal(statements, 1);
      assert.deepEqual(result, [{ applied: false, stale: true }, { applied: true }]);
      assert.equal(await count('macros', sql`id = 'mac_occ_free'`), 1);
    });
  });

  it('refuses rows that disagree on their columns, before writing', async () => {
    const batch = macroBatch('mac_batch_7');
    batch.inserts[0]!.rows.push({ id: 'mac_batch_8', title: 't' });
    await assert.rejects(executeBatch(database.db, batch), TypeError);
    assert.equal(await count('macros', sql`id = 'mac_batch_7'`), 0);
  });
});
