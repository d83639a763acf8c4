import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, problem, type Session, signIn, type TestApp } from '../../../test/helpers.ts';
import { accountOf, type CapScenario, capScenario, cappedGroceries, pickTransaction, rewardsCases } from './rewards.fixtures.ts';

describe('rewards: balance, history and "why didn’t my points post?"', () => {
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

  const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
  const explain = (s: Session, id: string) => get(s, `/api/v1/transactions/${id}/points-explanation`);

  it('shows the balance, the program with its cap use this quarter, and a paged history, newest first', async () => {
    const res = await get(holder, `/api/v1/accounts/${cap.accountId}/rewards?limit=5`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.program.postsAt, 'posting');
    const supermarkets = body.program.categories.find((c: { id: string }) => c.id === 'us_supermarkets');
    assert.deepEqual(supermarkets.cap, { amountCents: 600_000, period: 'quarter', currentPeriod: cap.quarter, usedCents: 600_000, reachedOn: cap.crossedOn });
    assert.ok(body.balance > 0);
    assert.equal(body.history.items.length, 5);
    const days = body.history.items.map((i: { effectiveOn: string }) => i.effectiveOn);
    assert.deepEqual(days, [...days].sort().reverse());
    assert.equal(body.adjustments, undefined, 'adjustments are a staff field');
    const next = await get(holder, `/api/v1/accounts/${cap.accountId}/rewards?limit=5&cursor=${body.history.nextCursor}`);
    assert.equal(next.statusCode, 200);
    const ids = new Set(body.history.items.map((i: { id: string }) => i.id));
    assert.ok(next.json().history.items.every((i: { id: string }) => !ids.has(i.id)), 'the second page does not repeat the first');
  });

  it('the balance is the sum of the ledger, and reading again posts nothing twice', async () => {
    const first = (await get(holder, `/api/v1/accounts/${cap.accountId}/rewards`)).json();
    const count = async () => (await t.database.pool.query('SELECT count(*)::int AS n, coalesce(sum(points), 0)::int AS sum FROM reward_ledger_entries WHERE account_id = $1', [cap.accountId])).rows[0];
    const before = await count();
    const second = (await get(holder, `/api/v1/accounts/${cap.accountId}/rewards`)).json();
    assert.deepEqual(await count(), before);
    assert.equal(first.balance, second.balance);
    assert.equal(second.balance, before.sum);
  });

  it('a grocery purchase after the cap: cap_reached with the day and the spend that reached it', async () => {
    const later = (await cappedGroceries(t, cap)).find((g) => g.status === 'posted');
    assert.ok(later, 'the scenario has posted groceries after the cap');
    const res = await explain(holder, later.id);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.reason, 'cap_reached');
    assert.equal(body.expectedPoints, Math.floor(later.amountCents / 100), 'the base rate, 1 point per whole dollar');
    assert.equal(body.postedPoints, body.expectedPoints);
    assert.equal(body.detail.capReachedOn, cap.crossedOn);
    assert.equal(body.detail.capReachedByTransactionId, cap.crossingId);
    assert.equal(body.detail.spendBeforeCents, cap.spendBeforeCents);
    assert.equal(body.detail.spendAtCapCents, cap.spendAfterCents);
    assert.equal(body.detail.capPeriod, cap.quarter);
    assert.match(body.detail.message, /\$6,000\.00/);
  });

  it('the planted processor posting disagrees with the rules: a rewards case opens by itself, once', async () => {
    const res = await explain(holder, cap.crossingId);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.reason, 'ledger_mismatch');
    const bonusCents = 600_000 - cap.spendBeforeCents;
    const crossingCents = cap.spendAfterCents - cap.spendBeforeCents;
    assert.equal(body.expectedPoints, Math.floor((bonusCents * 600 + (crossingCents - bonusCents) * 100) / 10_000));
    assert.equal(body.postedPoints, Math.floor(crossingCents / 100), 'the processor gave the base rate on all of it');
    const cases = await rewardsCases(t, cap.crossingId);
    assert.equal(cases.length, 1);
    assert.equal(body.detail.caseNumber, cases[0]?.number);
    const timeline = await t.database.pool.query("SELECT data FROM case_events WHERE case_id = $1 AND kind = 'rewards_discrepancy'", [cases[0]?.id]);
    assert.deepEqual([timeline.rows[0].data.expectedPoints, timeline.rows[0].data.postedPoints], [body.expectedPoints, body.postedPoints]);
    await explain(agent, cap.crossingId);
    await get(holder, `/api/v1/accounts/${cap.accountId}/rewards`);
    assert.equal((await rewardsCases(t, cap.crossingId)).length, 1, 'never a second case for the same discrepancy');
  });

  it('pending, posts at statement close, not a purchase', async () => {
    const gold = await accountOf(t, 'cardholder@example.com', 'gold_card');
    const pending = await pickTransaction(t, gold, "t.status = 'authorized' AND t.kind = 'purchase'");
    const p = (await explain(holder, pending)).json();
    assert.equal(p.reason, 'pending');
    assert.equal(p.postedPoints, 0);
    assert.ok(p.expectedPoints > 0);
    const { rows } = await t.database.pool.query("SELECT closing_date::text AS c FROM statements WHERE account_id = $1 ORDER BY closing_date DESC LIMIT 1", [gold]);
    const open = await pickTransaction(t, gold, "t.status = 'posted' AND t.kind = 'purchase' AND t.amount_cents >= 100 AND t.posted_at > ($2::date + 1)", [rows[0].c]);
    const o = (await explain(holder, open)).json();
    assert.equal(o.reason, 'posts_at_statement_close');
    assert.ok(o.detail.postsOn > rows[0].c, `${o.detail.postsOn} is the next closing after ${rows[0].c}`);
    assert.equal(o.postedPoints, 0);
    const payment = await pickTransaction(t, gold, "t.kind = 'payment'");
    assert.equal((await explain(holder, payment)).json().reason, 'not_a_purchase');
  });

  it('a refunded purchase: the refund took its points back', async () => {
    const { rows } = await t.database.pool.query(
      `SELECT c.id AS charge, r.id AS refund FROM transactions r JOIN transactions c ON c.id = r.refund_of JOIN accounts a ON a.id = c.account_id
        WHERE a.card_product = 'cash_rewards' AND r.status = 'posted' AND c.amount_cents >= 100 ORDER BY r.posted_at DESC LIMIT 1`,
    );
    assert.ok(rows[0], 'the demo has merchant refunds on cash_rewards accounts');
    const charge = (await explain(agent, rows[0].charge)).json();
    assert.equal(charge.reason, 'refunded');
    assert.equal(charge.detail.refundTransactionId, rows[0].refund);
    const refund = (await explain(agent, rows[0].refund)).json();
    assert.equal(refund.reason, 'refunded');
    assert.equal(refund.expectedPoints, -charge.detail.pointsReversed);
    assert.equal(refund.postedPoints, refund.expectedPoints);
  });

  it('accounts without a program answer no_rewards_program', async () => {
    const everyday = await accountOf(t, 'cardholder@example.com', 'everyday_credit');
    const body = (await get(holder, `/api/v1/accounts/${everyday}/rewards`)).json();
    assert.deepEqual([body.program, body.balance], [null, 0]);
    const txn = await pickTransaction(t, everyday, "t.kind = 'purchase'");
    assert.equal((await explain(holder, txn)).json().reason, 'no_rewards_program');
  });

  it('another customer’s account or transaction is not found (404), and staff reads are audited', async () => {
    const res = await get(holder2, `/api/v1/accounts/${cap.accountId}/rewards`);
    assert.equal(res.statusCode, 404);
    assert.equal(problem(res).code, 'not_found');
    assert.equal((await explain(holder2, cap.crossingId)).statusCode, 404);
    assert.equal((await get(holder, '/api/v1/transactions/txn_0000000000000000/points-explanation')).statusCode, 404);
    assert.equal((await get(holder, '/api/v1/accounts/nope/rewards')).statusCode, 400);
    assert.equal((await get(holder, `/api/v1/accounts/${cap.accountId}/rewards?cursor=abc`)).statusCode, 400);
    const staff = await get(agent, `/api/v1/accounts/${cap.accountId}/rewards`);
    assert.equal(staff.statusCode, 200);
    assert.ok(Array.isArray(staff.json().adjustments));
    const audit = await t.database.pool.query("SELECT action FROM audit_log WHERE action IN ('rewards.read', 'rewards.explain') AND actor_role = 'agent'");
    assert.deepEqual(new Set(audit.rows.map((r) => r.action)), new Set(['rewards.read', 'rewards.explain']));
  });
});
