import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PROFILE_PATH } from '../../../test/template.ts';
import { openDatabase } from '../../platform/db.ts';
import { migrate } from '../../platform/migrate.ts';
import { loadProfile } from '../directory/index.ts';
import { buildBankingDemo, seedBankingDemo } from './index.ts';

// The demo generator is a pure function of (seed, asOf, profile): the same inputs give the same rows, ids
// included, in any database.

const AS_OF = new Date('2026-03-03T09:30:00Z'); // not the template's date: the generator must not assume it
const SEED = 4242;
const TABLES = ['customers', 'accounts', 'cards', 'statements', 'transactions', 'demo_scenarios'] as const;
const profile = loadProfile(PROFILE_PATH);

/** Seeds a fresh in-memory database and returns one fingerprint per table (row count and an md5 of every row). */
async function seedFresh(): Promise<{ summary: unknown; fingerprints: Record<string, string>; ms: number }> {
  const database = await openDatabase({ memory: true });
  try {
    await migrate(database.pool);
    const started = performance.now();
    const summary = await database.db.transaction().execute((tx) => seedBankingDemo(tx, { asOf: AS_OF, seed: SEED, profile }));
    const ms = performance.now() - started;
    const fingerprints: Record<string, string> = {};
    for (const table of TABLES) {
      const key = table === 'demo_scenarios' ? 'key' : 'id';
      const { rows } = await database.pool.query<{ n: number; digest: string }>(`SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY ${key})) AS digest FROM ${table} t`);
      fingerprints[table] = `${rows[0]?.n}:${rows[0]?.digest}`;
    }
    return { summary, fingerprints, ms };
  } finally {
    await database.close();
  }
}

describe('demo generator', () => {
  it('gives identical rows, ids included, for the same seed and date in two fresh databases', async () => {
    const first = await seedFresh();
    const second = await seedFresh();
    assert.deepEqual(second.summary, first.summary);
    assert.deepEqual(second.fingerprints, first.fingerprints);
    for (const table of TABLES) assert.doesNotMatch(first.fingerprints[table] ?? '', /^0:/, `${table} has rows`);
    // Embedded PostgreSQL on a shared 2-core machine; the budget is generous on purpose, the point is "seconds".
    assert.ok(first.ms < 30_000, `seeding took ${Math.round(first.ms)} ms`);
  });

  it('changes with the seed, and places nothing after asOf', () => {
    const a = buildBankingDemo({ asOf: AS_OF, seed: SEED, profile });
    const b = buildBankingDemo({ asOf: AS_OF, seed: SEED + 1, profile });
    assert.notEqual(a.primaryCustomerId, b.primaryCustomerId);
    assert.notDeepEqual(a.transactions.slice(0, 50), b.transactions.slice(0, 50));
    const latest = Math.max(...a.transactions.map((t) => Math.max(t.authorized_at.getTime(), t.posted_at?.getTime() ?? 0)));
    assert.ok(latest <= AS_OF.getTime(), 'nothing happens after asOf');
    assert.ok(a.statements.every((s) => s.closing_date < AS_OF.toISOString().slice(0, 10)));
  });

  it('plants every scenario for any date, not just the template’s', () => {
    for (const asOf of ['2026-01-02T15:00:00Z', '2026-02-28T23:59:00Z', '2027-07-31T08:00:00Z']) {
      const demo = buildBankingDemo({ asOf: new Date(asOf), seed: 7, profile });
      assert.deepEqual(demo.scenarios.map((s) => s.key).sort(), ['account_on_hold', 'annual_fee_recent', 'bonus_cap_reached', 'duplicate_charge', 'foreign_cnp_unusual', 'refund_not_posted'], asOf);
      const fee = demo.transactions.find((t) => t.id === demo.scenarios.find((s) => s.key === 'annual_fee_recent')?.transaction_id);
      assert.equal(fee?.posted_at?.getTime(), new Date(asOf).getTime() - 20 * 86_400_000, asOf);
      assert.ok(fee?.statement_id, asOf);
    }
  });
});
