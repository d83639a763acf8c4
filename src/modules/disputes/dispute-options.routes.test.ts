import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, problem, type Session, signIn, type TestApp } from '../../../test/helpers.ts';
import { DISPUTE_REASONS } from './dispute-reasons.ts';
import { customerOf, refundedCharge, scenario } from './disputes.fixtures.ts';

// GET /api/v1/disputes/options (what the wizard shows before filing), the caseId filter the agent's case page
// uses, and the audit of staff reads of disputes (PCI DSS 10.2.1).
describe('dispute options and dispute reads', () => {
  let t: TestApp;
  let holder: Session;
  let holder2: Session;
  let agent: Session;
  let primary: string;
  before(async () => {
    t = await buildTestApp();
    holder = await signIn(t, 'cardholder@example.com');
    holder2 = await signIn(t, 'cardholder2@example.com');
    agent = await signIn(t, 'agent@example.com');
    primary = await customerOf(t, 'cardholder@example.com');
  });
  after(() => t.close());

  const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
  const options = (s: Session, transactionId: string) => get(s, `/api/v1/disputes/options?transactionId=${transactionId}`);
  const auditCount = async (action: string, actorRole: string) =>
    (await t.database.pool.query('SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND actor_role = $2', [action, actorRole])).rows[0].n as number;

  it('a duplicate charge: disputable, every reason with its questions, and the first charge offered as "the other one"', async () => {
    const dup = await scenario(t, 'duplicate_charge');
    const res = await options(holder, dup.transactionId);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.disputable, true);
    assert.equal(body.notDisputableReason, null);
    assert.equal(body.openDispute, null);
    assert.equal(body.transaction.merchantName, 'Harbor & Vine Bistro');
    assert.deepEqual(body.reasons.map((r: { reason: string }) => r.reason), [...DISPUTE_REASONS]);
    const duplicate = body.reasons.find((r: { reason: string }) => r.reason === 'duplicate');
    assert.deepEqual(duplicate.questions.map((q: { key: string; kind: string; required: boolean }) => [q.key, q.kind, q.required]), [['otherTransactionId', 'id', true]]);
    assert.equal(duplicate.asksMerchantContact, true);
    assert.equal(body.reasons.find((r: { reason: string }) => r.reason === 'unauthorized_card_not_present').asksMerchantContact, false, 'fraud reasons do not ask about the merchant');
    assert.deepEqual(body.sameMerchantCharges.map((c: { id: string }) => c.id), [dup.detail.originalTransactionId]);
    assert.equal(body.refundCheck.found, false);
  });

  it('shows a refund already on the account before anything is filed', async () => {
    const refunded = await refundedCharge(t, primary);
    const body = (await options(holder, refunded.chargeId)).json();
    assert.equal(body.disputable, true);
    assert.equal(body.refundCheck.found, true);
    assert.ok(body.refundCheck.matches.some((m: { transactionId: string }) => m.transactionId === refunded.refundId));
  });

  it('explains a pending authorization as not disputable yet (200, disputable false), while filing it is a 409', async () => {
    const pending = await scenario(t, 'foreign_cnp_unusual');
    const body = (await options(holder, pending.transactionId)).json();
    assert.equal(body.disputable, false);
    assert.match(body.notDisputableReason, /still pending/);
    assert.deepEqual(body.sameMerchantCharges, []);
    assert.equal(body.refundCheck, null);
    const filed = await t.app.inject({ method: 'POST', url: '/api/v1/disputes', headers: holder.headers, payload: { transactionId: pending.transactionId, reason: 'other', answers: { description: 'x' } } });
    assert.equal(problem(filed).code, 'not_disputable');
  });

  it('another customer’s charge is not found, staff use the case instead, and a malformed id is a 400', async () => {
    const dup = await scenario(t, 'duplicate_charge');
    assert.deepEqual([(await options(holder2, dup.transactionId)).statusCode, problem(await options(holder2, dup.transactionId)).code], [404, 'not_found']);
    assert.equal(problem(await options(agent, dup.transactionId)).code, 'forbidden');
    assert.equal((await options(holder, 'txn_nope')).statusCode, 400);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/disputes/options?transactionId=${dup.transactionId}` })).statusCode, 401);
  });

  it('after filing: the open dispute is pointed to, staff find it by case, and staff reads are audited', async () => {
    const dup = await scenario(t, 'duplicate_charge');
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/disputes',
      headers: holder.headers,
      payload: { transactionId: dup.transactionId, reason: 'duplicate', answers: { otherTransactionId: dup.detail.originalTransactionId } },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const d = filed.json();
    assert.deepEqual((await options(holder, dup.transactionId)).json().openDispute, { id: d.id, caseId: d.caseId, caseNumber: d.caseNumber });

    const readsBefore = await auditCount('dispute.read', 'agent');
    const listsBefore = await auditCount('dispute.list', 'agent');
    const byCase = (await get(agent, `/api/v1/disputes?caseId=${d.caseId}`)).json();
    assert.deepEqual(byCase.items.map((x: { id: string }) => x.id), [d.id]);
    assert.deepEqual(byCase.items[0].network.allowedActions, ['collect-evidence', 'submit', 'withdraw', 'expire']);
    assert.equal((await get(agent, `/api/v1/disputes/${d.id}`)).statusCode, 200);
    assert.equal(await auditCount('dispute.list', 'agent'), listsBefore + 1);
    assert.equal(await auditCount('dispute.read', 'agent'), readsBefore + 1);

    // A cardholder's caseId filter stays inside their own disputes; their reads are not audited as staff reads.
    assert.deepEqual((await get(holder2, `/api/v1/disputes?caseId=${d.caseId}`)).json().items, []);
    assert.equal((await get(holder, `/api/v1/disputes?caseId=${d.caseId}`)).json().items.length, 1);
    assert.equal(await auditCount('dispute.read', 'cardholder'), 0);
  });
});
