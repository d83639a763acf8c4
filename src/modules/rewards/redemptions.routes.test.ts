import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, problem, type Session, signIn, type TestApp } from '../../../test/helpers.ts';
import { creditCentsFor } from './redeem-points.ts';
import { accountOf, type CapScenario, capScenario } from './rewards.fixtures.ts';

describe('rewards: redeeming points for a statement credit', () => {
  let t: TestApp;
  let holder: Session;
  let holder2: Session;
  let agent: Session;
  let cap: CapScenario;
  before(async () => {
    t = await buildTestApp();
    holder = await signIn(t, 'cardholder@example.com');
    holder2 = await signIn(t, 'cardholder2@example.com');
    agent = await signIn(t, 'agent@example.com');
    cap = await capScenario(t);
  });
  after(() => t.close());

  const redeem = (s: Session, accountId: string, points: number, key?: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/accounts/${accountId}/rewards/redemptions`, headers: { ...s.headers, ...(key ? { 'idempotency-key': key } : {}) }, payload: { points } });
  const balance = async () => (await t.app.inject({ method: 'GET', url: `/api/v1/accounts/${cap.accountId}/rewards`, headers: holder.headers })).json().balance as number;
  const credits = async () => (await t.database.pool.query("SELECT id, amount_cents::int AS cents FROM transactions WHERE account_id = $1 AND reference LIKE 'rewards:%'", [cap.accountId])).rows;

  it('point values round down to the cent', () => {
    assert.deepEqual([creditCentsFor(2_500, 1), creditCentsFor(1_001, 0.6), creditCentsFor(3, 0.6)], [2_500, 600, 1]);
  });

  it('credits the account and takes the points, once per Idempotency-Key', async () => {
    const start = await balance();
    const res = await redeem(holder, cap.accountId, 2_500, 'redeem-1');
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.deepEqual([body.points, body.amountCents, body.balance], [2_500, 2_500, start - 2_500]);
    assert.deepEqual((await redeem(holder, cap.accountId, 2_500, 'redeem-1')).json(), body);
    assert.equal(await balance(), start - 2_500);
    assert.deepEqual(await credits(), [{ id: body.creditTransactionId, cents: 2_500 }]);
    const history = (await t.app.inject({ method: 'GET', url: `/api/v1/accounts/${cap.accountId}/rewards?limit=1`, headers: holder.headers })).json().history.items[0];
    assert.deepEqual([history.kind, history.points, history.description], ['redemption', -2_500, 'Statement credit $25.00']);
  });

  it('refuses below the minimum (400), beyond the balance (409), and on accounts without redemption (409)', async () => {
    const low = await redeem(holder, cap.accountId, 2_499);
    assert.equal(low.statusCode, 400);
    assert.equal(problem(low).errors?.[0]?.field, 'points');
    const tooMany = await redeem(holder, cap.accountId, (await balance()) + 1);
    assert.equal(tooMany.statusCode, 409);
    const everyday = await accountOf(t, 'cardholder@example.com', 'everyday_credit');
    assert.equal((await redeem(holder, everyday, 2_500)).statusCode, 409);
    assert.equal((await credits()).length, 1, 'no credit from a refused redemption');
  });

  it('another customer’s account is not found; staff do not redeem for the cardholder', async () => {
    assert.equal((await redeem(holder2, cap.accountId, 2_500)).statusCode, 404);
    assert.equal((await redeem(agent, cap.accountId, 2_500)).statusCode, 403);
  });
});
