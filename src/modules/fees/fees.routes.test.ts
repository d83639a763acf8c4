import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, problem, type Session, signIn, type TestApp } from '../../../test/helpers.ts';
import { createLedgerBanking, findDemoScenario } from '../banking/index.ts';
import { addCalendarDays, calendarDaysBetween } from '../calendars/index.ts';
import { loadProfile } from '../directory/index.ts';
import { PROFILE_PATH } from '../../../test/template.ts';

const TODAY = '2026-06-15'; // TEST_AS_OF 2026-06-15T14:00Z is 10:00 in New York
type Fee = { accountId: string; feeTransactionId: string; feeCents: number; postedOn: string; statementClosingDate: string };

async function feeScenario(t: TestApp): Promise<Fee> {
  const s = await findDemoScenario(t.database.db, 'annual_fee_recent');
  assert.ok(s?.accountId && s.transactionId, 'the demo plants an annual fee 20 days ago');
  const d = s.detail as { amountCents: number; postedOn: string; statementClosingDate: string };
  return { accountId: s.accountId, feeTransactionId: s.transactionId, feeCents: d.amountCents, postedOn: d.postedOn, statementClosingDate: d.statementClosingDate };
}

const credits = async (t: TestApp, feeId: string) =>
  (await t.database.pool.query("SELECT amount_cents FROM transactions WHERE reference = $1 AND direction = 'credit'", [`fee-refund:${feeId}`])).rows as Array<{ amount_cents: number }>;

describe('annual-fee refund quote and request', () => {
  let t: TestApp;
  let holder: Session;
  let holder2: Session;
  let fee: Fee;
  before(async () => {
    t = await buildTestApp();
    holder = await signIn(t, 'cardholder@example.com');
    holder2 = await signIn(t, 'cardholder2@example.com');
    fee = await feeScenario(t);
  });
  after(() => t.close());

  const quote = (s: Session, accountId: string, closeOn?: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/accounts/${accountId}/fee-refund-quote${closeOn ? `?closeOn=${closeOn}` : ''}`, headers: s.headers });
  const request = (s: Session, accountId: string, key?: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/accounts/${accountId}/fee-refund`, headers: { ...s.headers, ...(key ? { 'idempotency-key': key } : {}) }, payload: { confirmClose: true } });

  it('quotes the whole fee inside the window, line by line', async () => {
    const res = await quote(holder, fee.accountId);
    assert.equal(res.statusCode, 200, res.body);
    const q = res.json();
    assert.equal(q.closeOn, TODAY);
    assert.equal(q.hasAnnualFee, true);
    assert.equal(q.fee.transactionId, fee.feeTransactionId);
    assert.equal(q.fee.postedOn, fee.postedOn);
    assert.equal(q.fullRefundThrough, addCalendarDays(fee.statementClosingDate, 30));
    assert.equal(q.inFullRefundWindow, true);
    assert.equal(q.refundCents, fee.feeCents);
    assert.deepEqual(q.lines.map((l: { kind: string }) => l.kind), ['fee', 'window', 'total']);
    assert.equal(q.needsApproval, false);
    assert.equal(q.existingRefund, null);
  });

  it('prorates by day the day after the window ends', async () => {
    const closeOn = addCalendarDays(fee.statementClosingDate, 31);
    const q = (await quote(holder, fee.accountId, closeOn)).json();
    const used = calendarDaysBetween(fee.postedOn, closeOn);
    assert.equal(q.inFullRefundWindow, false);
    assert.equal(q.refundCents, Math.floor((fee.feeCents * (365 - used)) / 365)); // 2026-05-26 → 2027-05-26: no Feb 29
    assert.ok(q.lines.some((l: { kind: string }) => l.kind === 'proration'));
  });

  it('refuses a close date in the past or more than a year ahead (400)', async () => {
    for (const closeOn of ['2026-06-14', addCalendarDays(TODAY, 366), '2020-01-01']) {
      const res = await quote(holder, fee.accountId, closeOn);
      assert.equal(res.statusCode, 400, closeOn);
      const p = problem(res);
      assert.equal(p.code, 'validation_failed');
      assert.equal(p.errors?.[0]?.field, 'closeOn');
    }
    assert.equal((await quote(holder, fee.accountId, addCalendarDays(TODAY, 365))).statusCode, 200, 'a year ahead is still fine');
    assert.equal((await quote(holder, fee.accountId, 'tomorrow')).statusCode, 400);
  });

  it("another customer's account is not found (404), for the quote and the request", async () => {
    assert.equal(problem(await quote(holder2, fee.accountId)).code, 'not_found');
    assert.equal((await request(holder2, fee.accountId)).statusCode, 404);
  });

  it('a card without an annual fee gets a clear answer', async () => {
    const accounts = (await t.app.inject({ method: 'GET', url: '/api/v1/accounts', headers: holder.headers })).json() as { items: Array<{ id: string; cardProduct: string }> } | Array<{ id: string; cardProduct: string }>;
    const list = Array.isArray(accounts) ? accounts : accounts.items;
    const everyday = list.find((a) => a.cardProduct === 'everyday_credit');
    assert.ok(everyday);
    const q = (await quote(holder, everyday.id)).json();
    assert.equal(q.hasAnnualFee, false);
    assert.equal(q.refundCents, 0);
    assert.match(q.message, /no annual fee/);
    const res = await request(holder, everyday.id);
    assert.equal(res.statusCode, 409);
    assert.match(problem(res).detail ?? '', /no annual fee/);
  });

  it('the request credits the refund once, closes the account and records it on a case; a double submission is one refund', async () => {
    const first = await request(holder, fee.accountId, 'fee-refund-1');
    assert.equal(first.statusCode, 201, first.body);
    const r = first.json();
    assert.match(r.id, /^fre_[0-9a-z]{16}$/);
    assert.equal(r.status, 'credited');
    assert.equal(r.refundCents, fee.feeCents);
    assert.equal(r.closeOn, TODAY);
    assert.ok(r.ledgerTransactionId);
    const retry = await request(holder, fee.accountId, 'fee-refund-1');
    assert.equal(retry.statusCode, 201);
    assert.deepEqual(retry.json(), r, 'the same key replays the first answer');
    const again = await request(holder, fee.accountId, 'fee-refund-2');
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().id, r.id, 'a new key finds the first refund');
    assert.deepEqual(await credits(t, fee.feeTransactionId), [{ amount_cents: fee.feeCents }]);
    const account = (await t.app.inject({ method: 'GET', url: `/api/v1/accounts/${fee.accountId}`, headers: holder.headers })).json();
    assert.equal(account.status, 'closed');
    const kase = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${r.caseId}`, headers: holder.headers })).json();
    assert.equal(kase.type, 'fee');
    const kinds = JSON.stringify(kase);
    for (const k of ['fee_refund_requested', 'account_closed', 'fee_refund_credited']) assert.ok(kinds.includes(k), k);
    const audit = await t.database.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'fee_refund.request' AND target_id = $1", [fee.accountId]);
    assert.equal(audit.rows[0].n, 1);
    const q = (await quote(holder, fee.accountId)).json();
    assert.equal(q.existingRefund.id, r.id);
  });

  it('two concurrent submissions for the same fee make one refund', async () => {
    const accounts = (await t.app.inject({ method: 'GET', url: '/api/v1/accounts', headers: holder.headers })).json() as { items?: Array<{ id: string; cardProduct: string }> } | Array<{ id: string; cardProduct: string }>;
    const list = Array.isArray(accounts) ? accounts : (accounts.items ?? []);
    const rewards = list.find((a) => a.cardProduct === 'cash_rewards');
    assert.ok(rewards);
    const q = (await quote(holder, rewards.id)).json();
    assert.equal(q.hasAnnualFee, true, 'the demo rewards card has an annual fee this year');
    const results = await Promise.all([request(holder, rewards.id), request(holder, rewards.id)]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 201], results.map((r) => r.body).join('\n'));
    assert.equal(results[0]!.json().id, results[1]!.json().id);
    const rows = await t.database.pool.query('SELECT count(*)::int AS n FROM fee_refunds WHERE account_id = $1', [rewards.id]);
    assert.equal(rows.rows[0].n, 1);
    assert.ok((await credits(t, q.fee.transactionId)).length <= 1);
  });
});

describe('fee refunds above the threshold and benefits used', () => {
  let t: TestApp;
  let holder: Session;
  let agent: Session;
  let supervisor: Session;
  let fee: Fee;
  before(async () => {
    const base = loadProfile(PROFILE_PATH);
    const profile = {
      ...base,
      cardProducts: base.cardProducts.map((p) => (p.id === 'gold_card' ? { ...p, annualFeeRefund: { fullRefundDays: 30, prorate: 'daily' as const, deductBenefits: true, approvalAboveCents: 10_000 } } : p)),
    };
    t = await buildTestApp({ profile });
    holder = await signIn(t, 'cardholder@example.com');
    agent = await signIn(t, 'agent@example.com');
    supervisor = await signIn(t, 'supervisor@example.com');
    fee = await feeScenario(t);
    // A benefit credit in the fee year (e.g. a lounge visit the card paid for), posted by the benefit program.
    await createLedgerBanking(t.database.db).postCredit({ accountId: fee.accountId, amountCents: 5_000, reference: 'benefit:lounge-2026-06-01', description: 'Airport lounge visit', at: new Date('2026-06-01T15:00:00Z') });
  });
  after(() => t.close());

  let refundId = '';

  it('deducts benefits used and sends a large refund to a supervisor instead of crediting it', async () => {
    const q = (await t.app.inject({ method: 'GET', url: `/api/v1/accounts/${fee.accountId}/fee-refund-quote`, headers: holder.headers })).json();
    assert.equal(q.refundCents, fee.feeCents - 5_000);
    assert.ok(q.lines.some((l: { kind: string; amountCents: number }) => l.kind === 'benefit' && l.amountCents === -5_000));
    assert.equal(q.needsApproval, true);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/accounts/${fee.accountId}/fee-refund`, headers: holder.headers, payload: { confirmClose: true } });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().status, 'pending_approval');
    assert.equal(res.json().ledgerTransactionId, null);
    refundId = res.json().id;
    assert.deepEqual(await credits(t, fee.feeTransactionId), [], 'nothing credited before approval');
    const pending = (await t.app.inject({ method: 'GET', url: '/api/v1/fee-refunds?status=pending_approval', headers: supervisor.headers })).json();
    assert.ok(pending.items.some((i: { id: string }) => i.id === refundId));
  });

  it('only a supervisor approves; approval credits once; the opposite decision afterwards is a 409', async () => {
    const approve = (s: Session, key?: string) => t.app.inject({ method: 'POST', url: `/api/v1/fee-refunds/${refundId}/approve`, headers: { ...s.headers, ...(key ? { 'idempotency-key': key } : {}) }, payload: {} });
    assert.equal((await approve(holder)).statusCode, 403);
    assert.equal((await approve(agent)).statusCode, 403);
    const ok = await approve(supervisor, 'approve-1');
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().status, 'credited');
    assert.equal((await approve(supervisor)).json().status, 'credited', 'approving again changes nothing');
    assert.deepEqual(await credits(t, fee.feeTransactionId), [{ amount_cents: fee.feeCents - 5_000 }]);
    const reject = await t.app.inject({ method: 'POST', url: `/api/v1/fee-refunds/${refundId}/reject`, headers: supervisor.headers, payload: { note: 'Changed my mind' } });
    assert.equal(problem(reject).code, 'invalid_state_transition');
    const mine = (await t.app.inject({ method: 'GET', url: `/api/v1/fee-refunds/${refundId}`, headers: holder.headers })).json();
    assert.equal(mine.status, 'credited');
    const kase = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${mine.caseId}`, headers: holder.headers })).json();
    assert.ok(JSON.stringify(kase.messages).includes('was approved'), 'the cardholder gets the decision in writing');
  });

  it('a rejection needs a reason (400)', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/fee-refunds/${refundId}/reject`, headers: supervisor.headers, payload: {} });
    assert.equal(res.statusCode, 400);
  });
});
