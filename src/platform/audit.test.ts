import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINE, openTestDatabase } from '../../test/helpers.ts';
import { type AuditEntry, recordAudit, verifyAuditChain } from './audit.ts';
import type { Database } from './db.ts';

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
