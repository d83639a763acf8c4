import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { problem, type Session, signIn, TEST_AS_OF, type TestApp, buildTestApp } from '../../../test/helpers.ts';
import { tinyPng } from '../attachments/attachment-fixtures.ts';
import { US_FEDERAL_RESERVE } from '../calendars/index.ts';
import { type Charge, customerOf, pickCharge, refundedCharge, scenario } from './disputes.fixtures.ts';
import { isForeignInitiated, isNewAccountTransfer, plainDate, regEDeadlines, regZDeadlines } from './regulation/index.ts';

const NOTICE = '2026-06-15'; // TEST_AS_OF 2026-06-15T14:00Z is 10:00 in New York

describe('filing a dispute', () => {
  let t: TestApp;
  let holder: Session;
  let holder2: Session;
  let agent: Session;
  let primary: string;
  let secondary: string;
  before(async () => {
    t = await buildTestApp();
    holder = await signIn(t, 'cardholder@example.com');
    holder2 = await signIn(t, 'cardholder2@example.com');
    agent = await signIn(t, 'agent@example.com');
    primary = await customerOf(t, 'cardholder@example.com');
    secondary = await customerOf(t, 'cardholder2@example.com');
  });
  after(() => t.close());

  const file = (s: Session, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/disputes', headers: { ...s.headers, ...headers }, payload: payload as string });
  const post = (s: Session, url: string, payload: unknown = {}) => t.app.inject({ method: 'POST', url, headers: s.headers, payload: payload as string });
  const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
  const notReceived = { expectedDate: '2026-06-01', description: 'A desk lamp', merchantContact: { contactedOn: '2026-06-10', how: 'email', outcome: 'no answer' } };
  const recent = (c: string, kind: string, n = 0) => pickCharge(t, c, kind, '2026-05-25', '2026-06-15', n);

  let regZ: { id: string; caseId: string; caseNumber: string; charge: Charge };

  it('files a Reg Z dispute on a credit card: case, reason code, deadlines from the library, amount left out of the amount due', async () => {
    const charge = await recent(primary, 'credit');
    const res = await file(holder, { transactionId: charge.id, reason: 'not_received', answers: notReceived });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.match(body.id, /^dsp_[0-9a-z]{16}$/);
    assert.match(body.caseNumber, /^AX-\d+$/);
    assert.equal(body.status, 'open');
    assert.equal(body.regulation, 'reg_z');
    assert.equal(body.handling, 'regulatory');
    assert.equal(body.reasonCode, 'C08');
    const lib = regZDeadlines({ noticeReceivedOn: NOTICE, billingCycles: { billingCycleDay: charge.billingCycleDay } });
    assert.equal(body.deadlines.acknowledgeBy, lib.acknowledgeBy);
    assert.equal(body.deadlines.resolveBy, lib.resolveBy);
    assert.equal(body.deadlines.provisionalCreditBy, undefined);
    assert.equal(body.amountDueAdjustmentCents, charge.amountCents);
    assert.ok(body.whatHappensNext.some((s: string) => s.includes(plainDate(lib.resolveBy))), body.whatHappensNext.join('\n'));
    assert.equal(body.clocks.find((c: { name: string }) => c.name === 'reg_z_acknowledge').metOn, NOTICE, 'the written acknowledgment meets the clock');
    assert.equal(body.answers, undefined, 'cardholder view carries no staff fields');
    regZ = { id: body.id, caseId: body.caseId, caseNumber: body.caseNumber, charge };
    const kase = (await get(holder, `/api/v1/cases/${body.caseId}`)).json();
    assert.equal(kase.type, 'dispute');
    assert.ok(kase.messages.some((m: { author: { role: string }; body: string }) => m.author.role === 'system' && m.body.includes(plainDate(lib.resolveBy))));
    const audit = await t.database.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'dispute.create' AND target_id = $1", [body.id]);
    assert.equal(audit.rows[0].n, 1);
  });

  it('refuses a second dispute on the same charge with a pointer to the first', async () => {
    const res = await file(holder, { transactionId: regZ.charge.id, reason: 'other', answers: { description: 'again' } });
    assert.equal(res.statusCode, 409);
    const p = problem(res) as Record<string, unknown>;
    assert.equal(p.code, 'dispute_already_open');
    assert.equal(p.disputeId, regZ.id);
    assert.equal(p.caseNumber, regZ.caseNumber);
  });

  it('files a Reg E dispute on a prepaid card with the provisional-credit deadline from the library', async () => {
    const charge = await recent(secondary, 'prepaid');
    const res = await file(holder2, { transactionId: charge.id, reason: 'not_as_described', amount: 100, answers: { description: 'Broken on arrival' } });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(body.regulation, 'reg_e');
    assert.equal(body.amountCents, 100);
    assert.equal(body.amountDueAdjustmentCents, 0);
    const lib = regEDeadlines(
      { noticeReceivedOn: NOTICE, isNewAccount: isNewAccountTransfer(charge.openedOn, NOTICE), isPointOfSale: charge.cardPresent === true, isForeignInitiated: isForeignInitiated(charge.merchantCountry) },
      US_FEDERAL_RESERVE,
    );
    assert.equal(body.deadlines.acknowledgeBy, NOTICE, 'acknowledged in writing on the day of filing');
    assert.equal(body.deadlines.provisionalCreditBy, lib.provisionalCreditBy);
    assert.equal(body.deadlines.resolveBy, lib.decideWithoutProvisionalCreditBy);
    assert.equal(body.deadlines.decideBy, lib.decideBy);
  });

  it('handles a dispute outside the 60 days as a courtesy, visibly', async () => {
    const charge = await pickCharge(t, primary, 'credit', '2025-09-01', '2026-01-01');
    const res = await file(holder, { transactionId: charge.id, reason: 'processing_error', answers: { description: 'Wrong' } });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(body.handling, 'courtesy');
    assert.match(body.handlingExplanation, /courtesy/);
    assert.equal(body.amountDueAdjustmentCents, 0);
    assert.ok(body.whatHappensNext.some((s: string) => /courtesy/.test(s)));
    const staff = (await get(agent, `/api/v1/disputes/${body.id}`)).json();
    assert.equal(staff.handling, 'courtesy');
    assert.ok(staff.noticeWindow.daysLate > 0);
  });

  it('explains that an authorization can be disputed once it posts (409), and hides unknown and other customers\u2019 charges (404)', async () => {
    const pending = await scenario(t, 'foreign_cnp_unusual');
    const res = await file(holder, { transactionId: pending.transactionId, reason: 'unauthorized_card_not_present', answers: { cardInPossession: true } });
    assert.equal(res.statusCode, 409);
    assert.equal(problem(res).code, 'not_disputable');
    assert.match(problem(res).detail ?? '', /once it posts/);
    const foreign = await file(holder2, { transactionId: regZ.charge.id, reason: 'other', answers: { description: 'x' } });
    assert.equal(foreign.statusCode, 404);
    assert.equal((await file(holder, { transactionId: 'txn_0000000000000000', reason: 'other', answers: { description: 'x' } })).statusCode, 404);
    assert.equal((await get(holder2, `/api/v1/disputes/${regZ.id}`)).statusCode, 404);
  });

  it('refuses an amount above the charge, zero or negative, and missing or unknown answers (400)', async () => {
    const charge = await recent(primary, 'credit', 1);
    for (const amount of [charge.amountCents + 1, 0, -5]) {
      const res = await file(holder, { transactionId: charge.id, reason: 'other', amount, answers: { description: 'x' } });
      assert.equal(res.statusCode, 400, `amount ${amount}: ${res.body}`);
    }
    const missing = await file(holder, { transactionId: charge.id, reason: 'cancelled', answers: { cancellationDate: '2026-06-01' } });
    assert.equal(missing.statusCode, 400);
    assert.ok(problem(missing).errors?.some((e) => e.field === 'answers.policy'));
    const unknown = await file(holder, { transactionId: charge.id, reason: 'other', answers: { description: 'x', shoeSize: 9 } });
    assert.equal(unknown.statusCode, 400);
    assert.ok(problem(unknown).errors?.some((e) => e.field === 'answers.shoeSize'));
    const wrongCorrect = await file(holder, { transactionId: charge.id, reason: 'incorrect_amount', answers: { correctAmountCents: charge.amountCents } });
    assert.equal(wrongCorrect.statusCode, 400);
  });

  it('disputes an unauthorized online charge with high priority, the F29 code, evidence files and an Idempotency-Key', async () => {
    const charge = await recent(primary, 'credit', 2);
    const fd = new FormData();
    fd.append('transactionId', charge.id);
    fd.append('reason', 'unauthorized_card_not_present');
    fd.append('answers', JSON.stringify({ cardInPossession: true }));
    fd.append('files', new Blob([new Uint8Array(tinyPng())], { type: 'image/png' }), 'screenshot.png');
    const send = async () => {
      const req = new Request('http://x/', { method: 'POST', body: fd });
      const payload = Buffer.from(await req.arrayBuffer());
      return t.app.inject({ method: 'POST', url: '/api/v1/disputes', headers: { ...holder.headers, 'content-type': req.headers.get('content-type')!, 'idempotency-key': 'dsp-multipart-1' }, payload });
    };
    const res = await send();
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(body.reasonCode, 'F29');
    const again = await send();
    assert.equal(again.statusCode, 201);
    assert.equal(again.json().id, body.id, 'the retry answers the first response');
    const count = await t.database.pool.query('SELECT count(*)::int AS n FROM disputes WHERE transaction_id = $1', [charge.id]);
    assert.equal(count.rows[0].n, 1);
    const kase = (await get(holder, `/api/v1/cases/${body.caseId}`)).json();
    assert.equal(kase.priority, 'high');
    assert.equal(kase.messages[0].attachments.length, 1);
  });

  it('duplicate: the other charge must be the cardholder\u2019s, from the same merchant', async () => {
    const dup = await scenario(t, 'duplicate_charge');
    const other = await recent(primary, 'credit', 3);
    const wrong = await file(holder, { transactionId: dup.transactionId, reason: 'duplicate', answers: { otherTransactionId: other.id } });
    assert.equal(wrong.statusCode, 400);
    const res = await file(holder, { transactionId: dup.transactionId, reason: 'duplicate', answers: { otherTransactionId: dup.detail.originalTransactionId } });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().reasonCode, 'P08');
  });

  it('"refund not showing": shows a real refund, finds none for the planted one, and files it as C02 with the merchant\u2019s confirmation', async () => {
    const refunded = await refundedCharge(t, primary);
    const found = await post(holder, '/api/v1/disputes/refund-check', { transactionId: refunded.chargeId });
    assert.equal(found.statusCode, 200, found.body);
    assert.equal(found.json().found, true);
    assert.ok(found.json().matches.some((m: { transactionId: string; linkedToCharge: boolean }) => m.transactionId === refunded.refundId && m.linkedToCharge));
    const refused = await file(holder, { transactionId: refunded.chargeId, reason: 'refund_not_processed', answers: { refundDate: '2026-05-01', confirmationNumber: 'X-1' } });
    assert.equal(refused.statusCode, 409);
    assert.equal(problem(refused).code, 'refund_found');

    const planted = await scenario(t, 'refund_not_posted');
    const none = (await post(holder, '/api/v1/disputes/refund-check', { transactionId: planted.transactionId, refundDate: planted.detail.refundConfirmedOn })).json();
    assert.equal(none.found, false);
    assert.equal(none.matches.length, 0);
    const res = await file(holder, { transactionId: planted.transactionId, reason: 'refund_not_processed', answers: { refundDate: planted.detail.refundConfirmedOn, confirmationNumber: planted.detail.merchantConfirmation } });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().reasonCode, 'C02');
    const staff = (await get(agent, `/api/v1/disputes/${res.json().id}`)).json();
    assert.equal(staff.answers.confirmationNumber, planted.detail.merchantConfirmation);
  });

  it('moves the network track by staff action; an illegal move is a 409; the cardholder sees plain words', async () => {
    assert.equal((await post(holder, `/api/v1/disputes/${regZ.id}/submit`)).statusCode, 403);
    const submitted = await post(agent, `/api/v1/disputes/${regZ.id}/submit`, { note: 'sent with the delivery evidence' });
    assert.equal(submitted.statusCode, 200, submitted.body);
    assert.equal(submitted.json().network.status, 'submitted');
    const illegal = await post(agent, `/api/v1/disputes/${regZ.id}/arbitration`);
    assert.equal(illegal.statusCode, 409);
    assert.equal(problem(illegal).code, 'invalid_state_transition');
    assert.equal((await post(agent, `/api/v1/disputes/${regZ.id}/representment`)).json().network.status, 'representment');
    const mine = (await get(holder, `/api/v1/disputes/${regZ.id}`)).json();
    assert.equal(mine.network.label, 'Merchant responded');
    assert.equal(mine.network.allowedActions, undefined);
    assert.match(mine.statusText, /merchant has responded/);
    const list = (await get(holder, '/api/v1/disputes')).json();
    assert.ok(list.items.every((d: { id: string }) => typeof d.id === 'string'));
    assert.ok(list.items.some((d: { id: string }) => d.id === regZ.id));
    assert.equal((await get(holder2, '/api/v1/disputes')).json().items.some((d: { id: string }) => d.id === regZ.id), false);
    const staffList = (await get(agent, `/api/v1/disputes?customerId=${primary}&networkStatus=representment`)).json();
    assert.deepEqual(staffList.items.map((d: { id: string }) => d.id), [regZ.id]);
  });

  it('keeps the regulatory clocks running and warns before they fall due (time travel)', async () => {
    const before = (await get(holder, `/api/v1/disputes/${regZ.id}`)).json();
    assert.deepEqual(before.warnings, []);
    const resolveBy = before.deadlines.resolveBy as string;
    const dueSoon = new Date(`${resolveBy}T15:00:00Z`);
    dueSoon.setUTCDate(dueSoon.getUTCDate() - 2);
    t.clock.set(dueSoon);
    try {
      const later = await signIn(t, 'cardholder@example.com');
      const view = (await get(later, `/api/v1/disputes/${regZ.id}`)).json();
      assert.deepEqual(view.warnings.map((w: { name: string; status: string; daysLeft: number }) => [w.name, w.status, w.daysLeft]), [['reg_z_resolve', 'due_soon', 2]]);
      t.clock.set(new Date(`${resolveBy}T20:00:00Z`));
      t.clock.advance(86_400_000);
      const overdue = await signIn(t, 'cardholder@example.com');
      const late = (await get(overdue, `/api/v1/disputes/${regZ.id}`)).json();
      assert.equal(late.warnings[0].status, 'overdue');
    } finally {
      t.clock.set(TEST_AS_OF);
    }
  });
});
