import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, problem, type Session, signIn, type TestApp } from '../../../test/helpers.ts';
import { accountOf, type CapScenario, capScenario, pickTransaction } from './rewards.fixtures.ts';

describe('rewards: staff adjustments with approval above the threshold, and promotion enrollment', () => {
  let t: TestApp;
  let holder: Session;
  let agent: Session;
  let agent2: Session;
  let supervisor: Session;
  let compliance: Session;
  let cap: CapScenario;
  before(async () => {
    t = await buildTestApp();
    holder = await signIn(t, 'cardholder@example.com');
    agent = await signIn(t, 'agent@example.com');
    agent2 = await signIn(t, 'agent2@example.com');
    supervisor = await signIn(t, 'supervisor@example.com');
    compliance = await signIn(t, 'compliance@example.com');
    cap = await capScenario(t);
  });
  after(() => t.close());

  const post = (s: Session, url: string, payload: unknown = {}, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, headers: { ...s.headers, ...headers }, payload: payload as string });
  const balance = async () => (await t.app.inject({ method: 'GET', url: `/api/v1/accounts/${cap.accountId}/rewards`, headers: agent.headers })).json().balance as number;
  const adjust = (s: Session, payload: unknown, key?: string) => post(s, `/api/v1/accounts/${cap.accountId}/rewards/adjustments`, payload, key ? { 'idempotency-key': key } : {});

  it('a reason is required (400), and points must not be 0', async () => {
    for (const payload of [{ points: 500 }, { points: 500, reason: '' }, { points: 500, reason: '   ' }, { points: 0, reason: 'x' }]) {
      const res = await adjust(agent, payload);
      assert.equal(res.statusCode, 400, JSON.stringify(payload));
      assert.equal(problem(res).code, 'validation_failed');
    }
  });

  it('only staff who may change points adjust them', async () => {
    assert.equal((await adjust(holder, { points: 5, reason: 'x' })).statusCode, 403);
    assert.equal((await adjust(compliance, { points: 5, reason: 'x' })).statusCode, 403);
  });

  it('a small adjustment applies at once, is audited, and a retry with the same key applies it once', async () => {
    const start = await balance();
    const first = await adjust(agent, { points: 500, reason: 'Goodwill for a late statement' }, 'adj-small-1');
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(first.json().status, 'applied');
    const retry = await adjust(agent, { points: 500, reason: 'Goodwill for a late statement' }, 'adj-small-1');
    assert.deepEqual(retry.json(), first.json());
    assert.equal(await balance(), start + 500);
    const audit = await t.database.pool.query("SELECT payload FROM audit_log WHERE action = 'reward_adjustment.create' AND target_id = $1", [cap.accountId]);
    assert.equal(audit.rows.length, 1);
    assert.match(audit.rows[0].payload, /Goodwill for a late statement/);
  });

  it('above the threshold it waits for a supervisor; the requester and agents cannot approve; approval applies it once', async () => {
    const start = await balance();
    const res = await adjust(agent, { points: 20_000, reason: 'Missed welcome bonus' });
    assert.equal(res.statusCode, 201, res.body);
    const adj = res.json();
    assert.deepEqual([adj.status, adj.approvalAbovePoints], ['pending_approval', 10_000]);
    assert.equal(await balance(), start, 'nothing moves before approval');
    const approve = (s: Session, key?: string) => post(s, `/api/v1/accounts/${cap.accountId}/rewards/adjustments/${adj.id}/approve`, {}, key ? { 'idempotency-key': key } : {});
    assert.equal((await approve(agent)).statusCode, 403);
    assert.equal((await approve(agent2)).statusCode, 403, 'agents never approve');
    const ok = await approve(supervisor, 'approve-1');
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().status, 'applied');
    assert.deepEqual((await approve(supervisor, 'approve-1')).json(), ok.json(), 'a retry answers the first approval');
    const again = await approve(supervisor);
    assert.equal(again.statusCode, 409);
    assert.equal(problem(again).code, 'invalid_state_transition');
    assert.equal(await balance(), start + 20_000);
  });

  it('a supervisor cannot approve their own request; a rejection moves nothing', async () => {
    const start = await balance();
    const adj = (await adjust(supervisor, { points: -15_000, reason: 'Reverse duplicate bonus' })).json();
    assert.equal(adj.status, 'pending_approval');
    const own = await post(supervisor, `/api/v1/accounts/${cap.accountId}/rewards/adjustments/${adj.id}/approve`);
    assert.equal(own.statusCode, 403);
    const other = await signIn(t, 'supervisor@example.com'); // same person, new session: still their own
    assert.equal((await post(other, `/api/v1/accounts/${cap.accountId}/rewards/adjustments/${adj.id}/reject`, { note: 'x' })).statusCode, 403);
    assert.equal(await balance(), start);
  });

  it('a deduction below zero is refused; another account’s adjustment id is not found', async () => {
    const start = await balance();
    assert.ok(start > 10_000, `the demo account has a balance above the threshold (${start})`);
    const res = await adjust(agent, { points: -(start + 1), reason: 'Clawback' });
    assert.equal(res.json().status, 'pending_approval');
    const refused = await post(supervisor, `/api/v1/accounts/${cap.accountId}/rewards/adjustments/${res.json().id}/approve`);
    assert.equal(refused.statusCode, 409);
    assert.equal(problem(refused).code, 'conflict');
    assert.equal(await balance(), start);
    const small = await adjust(agent, { points: -5, reason: 'Clawback' });
    assert.equal(small.statusCode, 201);
    const gold = await accountOf(t, 'cardholder@example.com', 'gold_card');
    const wrong = await post(supervisor, `/api/v1/accounts/${gold}/rewards/adjustments/${small.json().id}/approve`);
    assert.equal(wrong.statusCode, 404);
  });

  it('an adjustment tied to the mismatched transaction settles what the explanation reports', async () => {
    const before = (await t.app.inject({ method: 'GET', url: `/api/v1/transactions/${cap.crossingId}/points-explanation`, headers: holder.headers })).json();
    assert.equal(before.reason, 'ledger_mismatch');
    const res = await adjust(agent, { points: before.expectedPoints - before.postedPoints, reason: 'Bonus rate on the part below the cap', transactionId: cap.crossingId });
    assert.equal(res.statusCode, 201, res.body);
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/transactions/${cap.crossingId}/points-explanation`, headers: holder.headers })).json();
    assert.equal(after.postedPoints, after.expectedPoints);
    assert.equal(after.reason, 'cap_reached');
    const otherTxn = await pickTransaction(t, await accountOf(t, 'cardholder@example.com', 'gold_card'), "t.kind = 'purchase'");
    assert.equal((await adjust(agent, { points: 5, reason: 'x', transactionId: otherTxn })).statusCode, 400);
  });

  it('promotions: not enrolled is explained; enrolling is idempotent and counts from then on', async () => {
    const dining = await pickTransaction(t, cap.accountId, "t.kind = 'purchase' AND t.status = 'posted' AND t.mcc IN ('5812', '5814') AND t.amount_cents >= 100 AND NOT EXISTS (SELECT 1 FROM transactions r WHERE r.refund_of = t.id)");
    const ex = (await t.app.inject({ method: 'GET', url: `/api/v1/transactions/${dining}/points-explanation`, headers: holder.headers })).json();
    assert.equal(ex.reason, 'promotion_not_enrolled');
    assert.equal(ex.detail.promotionId, 'dining_bonus');
    assert.ok(ex.detail.missedPoints > 0);
    const url = `/api/v1/accounts/${cap.accountId}/rewards/promotions/dining_bonus/enroll`;
    const first = await post(holder, url, undefined, { 'idempotency-key': 'enroll-1' });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().alreadyEnrolled, false);
    assert.deepEqual((await post(holder, url, undefined, { 'idempotency-key': 'enroll-1' })).json(), first.json());
    assert.equal((await post(holder, url)).json().alreadyEnrolled, true);
    const still = (await t.app.inject({ method: 'GET', url: `/api/v1/transactions/${dining}/points-explanation`, headers: holder.headers })).json();
    assert.equal(still.reason, 'promotion_not_enrolled', 'enrollment is not retroactive');
    assert.equal((await post(holder, `/api/v1/accounts/${cap.accountId}/rewards/promotions/no_such_promo/enroll`)).statusCode, 404);
    const holder2 = await signIn(t, 'cardholder2@example.com');
    assert.equal((await post(holder2, url)).statusCode, 404);
  });
});
