import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { ENGINE, openTestDatabase } from '../../test/helpers.ts';
import { type AuditEntry, recordAudit, verifyAuditChain } from './audit.ts';
import { type Database, openDatabase } from './db.ts';
import { executeBatch } from './write-batch.ts';

const entry = (i: number, requestId: string): AuditEntry => ({
  action: 'account.read',
  actorId: 'usr_agent',
  actorRole: 'agent',
  targetType: 'account',
  targetId: `acc_${i}`,
  requestId,
  ip: '127.0.0.1',
  at: new Date(Date.UTC(2026, 5, 15, 12, 0, i % 60)),
  detail: { n: i },
});

describe('audit log', () => {
  let database: Database;
  let drop: () => Promise<void>;
  before(async () => {
    ({ database, drop } = await openTestDatabase());
  });
  after(async () => {
    await database.close();
    await drop();
  });

  it('chains rows written concurrently by many transactions and verifies them', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => database.db.transaction().execute((tx) => recordAudit(tx, entry(i, `req_${i}`)))),
    );
    const result = await verifyAuditChain(database.pool);
    assert.equal(result.ok, true);
    assert.ok(result.rows >= 40);
    const chains = await database.pool.query('SELECT count(DISTINCT chain)::int AS n FROM audit_log');
    // Each connection appends to its own chain; PGlite has one connection, PostgreSQL's pool several.
    if (ENGINE === 'postgres') assert.ok(chains.rows[0].n > 1, 'rows are spread over several chains, so writers do not queue on one lock');
    else assert.equal(chains.rows[0].n, 1);
  });

  it('keeps a chain whole when two connections share it and append several rows at once', { skip: ENGINE !== 'postgres' && 'PGlite has one connection' }, async () => {
    // Open single-connection pools until two backends map to the same chain head (pid mod 64).
    const url = (database.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    const opened: { database: Database; chain: number }[] = [];
    let pair: [Database, Database] | null = null;
    try {
      while (!pair && opened.length < 65) {
        const one = await openDatabase({ databaseUrl: url, poolMax: 1 });
        const { rows } = await one.pool.query<{ chain: number }>('SELECT pg_backend_pid() % 64 AS chain');
        const twin = opened.find((o) => o.chain === rows[0]!.chain);
        opened.push({ database: one, chain: rows[0]!.chain });
        if (twin) pair = [twin.database, one];
      }
      assert.ok(pair, '65 connections always include two on one chain');
      const before = await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
      const macro = (id: string) => ({
        inserts: [{ table: 'macros' as const, rows: [{ id, title: id, body: 'b', created_by: null, created_at: new Date(), updated_at: new Date() }] }],
        audit: entry(0, id),
      });
      // Each connection: groups of several rows (the write batch's group commit) and single rows held open in a
      // transaction, so each often waits for the other's head and then continues from the head it committed.
      await Promise.all(
        pair.map((db, side) =>
          (async () => {
            for (let round = 0; round < 15; round++) {
              await Promise.all([0, 1, 2, 3].map((k) => executeBatch(db.db, macro(`mac_twin_${side}_${round}_${k}`))));
              await db.db.transaction().execute(async (tx) => {
                await recordAudit(tx, entry(round, `req_twin_${side}_${round}`));
                await sql`SELECT pg_sleep(0.002)`.execute(tx);
              });
            }
          })(),
        ),
      );
      const after = await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
      assert.equal(after.rows[0]!.n - before.rows[0]!.n, 2 * 15 * 5);
      const result = await verifyAuditChain(database.pool);
      assert.equal(result.ok, true, JSON.stringify(result));
    } finally {
      await Promise.all(opened.map((o) => o.database.close()));
    }
  });

  it('refuses updates and deletes', async () => {
    await assert.rejects(database.pool.query("UPDATE audit_log SET action = 'x'"), /append-only/);
    await assert.rejects(database.pool.query('DELETE FROM audit_log'), /append-only/);
  });

  it('names the first row whose content was altered behind the trigger', async () => {
    const { rows } = await database.pool.query<{ id: number }>("SELECT id FROM audit_log WHERE target_id = 'acc_7'");
    const id = rows[0]?.id;
    await database.pool.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await database.pool.query("UPDATE audit_log SET target_id = 'acc_999' WHERE id = $1", [id]);
    await database.pool.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    const result = await verifyAuditChain(database.pool);
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.firstBroken.id, id);
      assert.match(result.firstBroken.reason, /targetId/);
    }
  });

  it('detects a removed row by the gap in its chain', async () => {
    await database.pool.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await database.pool.query("UPDATE audit_log SET target_id = 'acc_7' WHERE target_id = 'acc_999'");
    const { rows } = await database.pool.query<{ id: number; chain: number; seq: number }>(
      "SELECT id, chain, seq FROM audit_log WHERE target_id = 'acc_12'",
    );
    const victim = rows[0]!;
    await database.pool.query('DELETE FROM audit_log WHERE id = $1', [victim.id]);
    await database.pool.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    const result = await verifyAuditChain(database.pool);
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.firstBroken.chain, victim.chain);
      assert.match(result.firstBroken.reason, /removed|head/);
    }
  });
});
