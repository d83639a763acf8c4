import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINE, problem, type Session, signIn, type TestApp, buildTestApp } from '../../../test/helpers.ts';
import { createLedgerBanking } from '../banking/index.ts';
import { customerOf, ledgerPostings, pickCharge } from './disputes.fixtures.ts';

describe('dispute money: provisional credit, reversal and resolution as steps with undo', () => {
  let t: TestApp;
  let holder2: Session;
  let agent: Session;
  let secondary: string;
  before(async () => {
    t = await buildTestApp();
    holder2 = await signIn(t, 'cardholder2@example.com');
    agent = await signIn(t, 'agent@example.com');
    secondary = await customerOf(t, 'cardholder2@example.com');
  });
  after(() => t.close());

  const post = (s: Session, url: string, payload: unknown = {}, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers: { ...s.headers, ...headers }, payload: payload as string });
  const fileOn = async (n: number) => {
    const charge = await pickCharge(t, secondary, 'prepaid', '2026-05-01', '2026-06-15', n);
    const res = await post(holder2, '/api/v1/disputes', { transactionId: charge.id, reason: 'other', answers: { description: 'Not mine to keep' } });
    assert.equal(res.statusCode, 201, res.body);
    return { id: res.json().id as string, caseId: res.json().caseId as string, amount: charge.amountCents };
  };
  const noticeCount = async (caseId: string) =>
    (await t.database.pool.query("SELECT count(*)::int AS n FROM messages WHERE case_id = $1 AND author_role <> 'cardholder'", [caseId])).rows[0].n as number;

  it('posts provisional credit once under concurrent identical requests, with a written notice and the Reg E clocks met', async () => {
    const d = await fileOn(0);
    const before = await noticeCount(d.caseId);
    const results = await Promise.all(Array.from({ length: 5 }, () => post(agent, `/api/v1/disputes/${d.id}/provisional-credit`)));
    for (const r of results) assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(await ledgerPostings(t, d.id), [{ reference: `${d.id}:provisional`, direction: 'credit', amount_cents: d.amount, kind: 'credit' }]);
    const view = results[0]!.json();
    assert.equal(view.regulatory.status, 'provisional_credit_granted');
    assert.deepEqual(view.moneySteps.map((s: { kind: string; state: string }) => [s.kind, s.state]), [['provisional_credit', 'posted']]);
    assert.ok(view.clocks.find((c: { name: string }) => c.name === 'reg_e_decide_or_provisionally_credit').metOn);
    assert.equal(view.deadlines.resolveBy, view.deadlines.decideBy, 'with provisional credit, the 45/90-day decision binds');
    assert.equal((await noticeCount(d.caseId)) - before, 1, 'one written notice, not five');
    const letters = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${d.caseId}/notices`, headers: holder2.headers })).json();
    const letter = letters.items.find((n: { kind: string }) => n.kind === 'dispute_provisional_credit');
    assert.ok(letter, 'the notice is a letter on the case');
    const pdf = await t.app.inject({ method: 'GET', url: letter.pdfUrl, headers: holder2.headers });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
  });

  it('reverses the provisional credit once, with its notice; a retry changes nothing', async () => {
    const d = await fileOn(1);
    assert.equal((await post(agent, `/api/v1/disputes/${d.id}/reverse-provisional-credit`)).statusCode, 409, 'nothing to reverse yet');
    await post(agent, `/api/v1/disputes/${d.id}/provisional-credit`);
    const first = await post(agent, `/api/v1/disputes/${d.id}/reverse-provisional-credit`);
    assert.equal(first.statusCode, 200, first.body);
    const again = await post(agent, `/api/v1/disputes/${d.id}/reverse-provisional-credit`);
    assert.equal(again.statusCode, 200);
    const postings = await ledgerPostings(t, d.id);
    assert.deepEqual(postings.map((p) => [p.reference, p.direction]), [[`${d.id}:provisional`, 'credit'], [`${d.id}:provisional:reversal`, 'debit']]);
    assert.equal(first.json().regulatory.status, 'provisional_credit_reverted');
    const kase = await t.database.pool.query("SELECT count(*)::int AS n FROM dispute_money_steps WHERE dispute_id = $1 AND state = 'reversed'", [d.id]);
    assert.equal(kase.rows[0].n, 1);
    assert.equal((await post(agent, `/api/v1/disputes/${d.id}/provisional-credit`)).statusCode, 409, 'no second provisional credit after a reversal');
  });

  it('resolves in the cardholder\u2019s favor with one final credit under concurrent retries with the same Idempotency-Key', async () => {
    const d = await fileOn(2);
    const body = { outcome: 'cardholder_favor', note: 'The merchant did not answer.' };
    const results = await Promise.all(Array.from({ length: 4 }, () => post(agent, `/api/v1/disputes/${d.id}/resolve`, body, { 'idempotency-key': `resolve-${d.id}` })));
    for (const r of results) assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual((await ledgerPostings(t, d.id)).map((p) => [p.reference, p.direction]), [[`${d.id}:final`, 'credit']]);
    const view = results[0]!.json();
    assert.equal(view.status, 'resolved');
    assert.equal(view.outcome, 'cardholder_favor');
    assert.ok(view.clocks.every((c: { metOn: string | null }) => c.metOn !== null), 'every clock is met by the resolution');
    assert.deepEqual(view.warnings, []);
    const other = await post(agent, `/api/v1/disputes/${d.id}/resolve`, { outcome: 'merchant_favor', note: 'changed my mind' });
    assert.equal(other.statusCode, 409);
  });

  it('resolving for the merchant reverses the provisional credit; in the cardholder\u2019s favor the provisional credit becomes final', async () => {
    const lost = await fileOn(3);
    await post(agent, `/api/v1/disputes/${lost.id}/provisional-credit`);
    const res = await post(agent, `/api/v1/disputes/${lost.id}/resolve`, { outcome: 'merchant_favor', note: 'Signed delivery receipt.' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual((await ledgerPostings(t, lost.id)).map((p) => p.reference), [`${lost.id}:provisional`, `${lost.id}:provisional:reversal`]);
    const won = await fileOn(4);
    await post(agent, `/api/v1/disputes/${won.id}/provisional-credit`);
    await post(agent, `/api/v1/disputes/${won.id}/resolve`, { outcome: 'cardholder_favor', note: 'Merchant accepted.' });
    assert.deepEqual((await ledgerPostings(t, won.id)).map((p) => p.reference), [`${won.id}:provisional`], 'no second credit');
  });

  it('money actions are staff-only', async () => {
    const d = await fileOn(5);
    const res = await post(holder2, `/api/v1/disputes/${d.id}/provisional-credit`);
    assert.equal(res.statusCode, 403);
    assert.equal(problem(res).code, 'forbidden');
  });
});

// PGlite has one connection, which our open transaction holds: a posting outside it would wait for ever.
describe('dispute money with a processor whose postings commit on their own', { skip: ENGINE === 'pglite' ? 'needs a second connection (PostgreSQL)' : false }, () => {
  let t: TestApp;
  before(async () => {
    // withTransaction returns the same adapter: postings are outside our transaction, as with an external processor.
    t = await buildTestApp({ banking: (db) => { const ledger = createLedgerBanking(db); return { ...ledger, withTransaction: () => ledger }; } });
  });
  after(() => t.close());

  it('undoes the posted credit when a later step fails (the case is closed, so the notice cannot be written)', async () => {
    const holder2 = await signIn(t, 'cardholder2@example.com');
    const agent = await signIn(t, 'agent@example.com');
    const charge = await pickCharge(t, await customerOf(t, 'cardholder2@example.com'), 'prepaid', '2026-05-01', '2026-06-15');
    const filed = await t.app.inject({ method: 'POST', url: '/api/v1/disputes', headers: holder2.headers, payload: { transactionId: charge.id, reason: 'other', answers: { description: 'x' } } });
    assert.equal(filed.statusCode, 201, filed.body);
    const { id, caseId } = filed.json();
    await t.database.pool.query("UPDATE cases SET status = 'closed', closed_at = now() WHERE id = $1", [caseId]);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/disputes/${id}/provisional-credit`, headers: agent.headers });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(problem(res).code, 'case_closed');
    const postings = await ledgerPostings(t, id);
    assert.deepEqual(postings.map((p) => [p.reference, p.direction]), [[`${id}:provisional`, 'credit'], [`${id}:provisional:undo`, 'debit']]);
    const steps = await t.database.pool.query('SELECT count(*)::int AS n FROM dispute_money_steps WHERE dispute_id = $1', [id]);
    assert.equal(steps.rows[0].n, 0, 'nothing recorded on the dispute');
  });
});
