import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { completeDeps } from '../../app.ts';
import { createMemoryBlobStore } from '../attachments/index.ts';
import { type CaseDeps, caseDepsFrom } from '../cases/index.ts';
import { capScenario, rewardsCases } from './rewards.fixtures.ts';
import { sweepRewards } from './sweep-rewards.ts';

describe('the rewards posting sweep', () => {
  let t: TestApp;
  let c: CaseDeps;
  before(async () => {
    t = await buildTestApp();
    c = caseDepsFrom(completeDeps({ db: t.database.db, engine: t.database.engine, clock: t.clock, config: t.config, profile: t.profile, logger: t.app.log as never, cipher: t.cipher, blobs: createMemoryBlobStore() }));
  });
  after(() => t.close());

  it('opens the rewards case for the planted disagreement without anyone reading the account, and only once', async () => {
    const cap = await capScenario(t);
    assert.deepEqual(await rewardsCases(t, cap.crossingId), [], 'no case before the sweep');
    const first = await sweepRewards(c);
    assert.deepEqual(first, { accounts: 1, failed: 0 }, 'the one account with postings (the planted one)');
    assert.equal((await rewardsCases(t, cap.crossingId)).length, 1);
    const posted = (await t.database.pool.query("SELECT count(*)::int AS n FROM reward_ledger_entries WHERE account_id = $1 AND source = 'posting'", [cap.accountId])).rows[0].n;
    assert.ok(posted > 0, 'due points were posted too');
    await sweepRewards(c);
    assert.equal((await rewardsCases(t, cap.crossingId)).length, 1, 'a second sweep opens nothing');
    assert.equal((await t.database.pool.query("SELECT count(*)::int AS n FROM reward_ledger_entries WHERE account_id = $1 AND source = 'posting'", [cap.accountId])).rows[0].n, posted);
  });
});
