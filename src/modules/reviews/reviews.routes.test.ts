import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, problem, type Session, signIn, TEST_AS_OF, type TestApp } from '../../../test/helpers.ts';
import { tinyPng } from '../attachments/attachment-fixtures.ts';
import { findDemoScenario } from '../banking/index.ts';
import { caseDepsFrom } from '../cases/index.ts';
import { reviewHeldDemoAccount, sweepReviews } from './index.ts';
import { completeDeps } from '../../app.ts';

const HOUR = 3_600_000;

function multipart(fields: Record<string, string>, files: Array<{ name: string; type: string; bytes: Buffer }>) {
  const boundary = '----cardcare-review-test';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.bytes, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('account reviews', () => {
  let t: TestApp;
  let holder: Session;
  let holder2: Session;
  let agent: Session;
  let heldAccount: string;
  let review: { reviewId: string; caseId: string; documents: Array<{ id: string; status: string; dueAt: string }> };
  let sweep: () => ReturnType<typeof sweepReviews>;

  before(async () => {
    t = await buildTestApp();
    holder = await signIn(t, 'cardholder@example.com');
    holder2 = await signIn(t, 'cardholder2@example.com');
    agent = await signIn(t, 'agent@example.com');
    const s = await findDemoScenario(t.database.db, 'account_on_hold');
    heldAccount = s!.accountId!;
    const deps = caseDepsFrom(completeDeps({ db: t.database.db, engine: t.database.engine, clock: t.clock, config: t.config, profile: t.profile, cipher: t.cipher, logger: (t.app.log as never) }));
    sweep = () => sweepReviews(deps);
    // The start-up rule: the demo's held account (hold placed in the core system) gets a review.
    const opened = await reviewHeldDemoAccount(deps);
    assert.ok(opened);
    assert.equal((await reviewHeldDemoAccount(deps))?.id, opened.id, 'running the rule again keeps the same review');
  });
  after(() => t.close());

  /** Moves the clock and signs in again (sessions expire after 30 idle minutes). */
  const travel = async (at: number) => {
    t.clock.set(new Date(at));
    holder = await signIn(t, 'cardholder@example.com');
    holder2 = await signIn(t, 'cardholder2@example.com');
    agent = await signIn(t, 'agent@example.com');
  };
  const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
  const post = (s: Session, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: s.headers, payload: payload as string });
  const upload = (s: Session, documentId: string) => {
    const m = multipart({ note: 'My latest pay stub' }, [{ name: 'paystub.png', type: 'image/png', bytes: tinyPng() }]);
    return t.app.inject({ method: 'POST', url: `/api/v1/reviews/${review.reviewId}/documents/${documentId}/uploads`, headers: { ...s.headers, ...m.headers }, payload: m.payload });
  };

  it('shows the cardholder the review: status, reason, documents due in 48 hours, the default estimate and why purchases decline', async () => {
    const res = await get(holder2, `/api/v1/accounts/${heldAccount}/review`);
    assert.equal(res.statusCode, 200, res.body);
    const v = res.json();
    assert.equal(v.status, 'open');
    assert.match(v.reason, /income verification/);
    assert.equal(v.documents.length, 2);
    for (const d of v.documents) {
      assert.equal(d.status, 'requested');
      assert.equal(new Date(d.dueAt).getTime() - new Date(d.requestedAt).getTime(), 48 * HOUR);
    }
    assert.equal(v.estimate.basis, 'default');
    assert.equal(v.estimate.medianHours, 48);
    assert.equal(v.declines.title, 'Your account is on hold');
    review = { reviewId: v.reviewId, caseId: v.caseId, documents: v.documents };
    const kase = (await get(holder2, `/api/v1/cases/${v.caseId}`)).json();
    assert.equal(kase.type, 'account_review');
    assert.ok(JSON.stringify(kase.messages).includes('What we need from you'), 'the request is written on the case');
  });

  it("another customer's account review is not found (404)", async () => {
    assert.equal(problem(await get(holder, `/api/v1/accounts/${heldAccount}/review`)).code, 'not_found');
    assert.equal((await upload(holder, review.documents[0]!.id)).statusCode, 404);
  });

  it('reminds once at 24 hours and escalates once when overdue (time travel)', async () => {
    assert.deepEqual(await sweep(), { reminded: 0, escalated: 0 }, 'nothing is due at the start');
    await travel(TEST_AS_OF.getTime() + 24 * HOUR - 60_000);
    assert.deepEqual(await sweep(), { reminded: 0, escalated: 0 }, 'one minute before 24 hours');
    await travel(TEST_AS_OF.getTime() + 24 * HOUR);
    assert.deepEqual(await sweep(), { reminded: 2, escalated: 0 });
    assert.deepEqual(await sweep(), { reminded: 0, escalated: 0 }, 'never twice');
    const kase = (await get(holder2, `/api/v1/cases/${review.caseId}`)).json();
    assert.ok(JSON.stringify(kase.messages).includes('A reminder: we still need'));
    await travel(TEST_AS_OF.getTime() + 48 * HOUR - 60_000);
    assert.deepEqual(await sweep(), { reminded: 0, escalated: 0 });
    await travel(TEST_AS_OF.getTime() + 48 * HOUR);
    assert.deepEqual(await sweep(), { reminded: 0, escalated: 2 });
    assert.deepEqual(await sweep(), { reminded: 0, escalated: 0 });
    const staffCase = (await get(agent, `/api/v1/cases/${review.caseId}`)).json();
    assert.equal(staffCase.queue, 'supervisor', 'an overdue request escalates the case');
    const v = (await get(holder2, `/api/v1/accounts/${heldAccount}/review`)).json();
    assert.ok(v.documents.every((d: { overdue: boolean }) => d.overdue));
  });

  it('the cardholder uploads through the Secure Message Center; the reviewer checks it off; uploading again is a 409', async () => {
    const [first, second] = review.documents;
    const res = await upload(holder2, first!.id);
    assert.equal(res.statusCode, 201, res.body);
    const v = res.json();
    const doc = v.documents.find((d: { id: string }) => d.id === first!.id);
    assert.equal(doc.status, 'received');
    assert.equal(doc.uploads, 1);
    const stored = await t.database.pool.query('SELECT count(*)::int AS n FROM attachments a JOIN review_uploads u ON u.message_id = a.message_id WHERE u.document_id = $1', [first!.id]);
    assert.equal(stored.rows[0].n, 1, 'the file is an encrypted Secure Message Center attachment');
    const bad = await t.app.inject({ method: 'POST', url: `/api/v1/reviews/${review.reviewId}/documents/${second!.id}/uploads`, headers: { ...holder2.headers, ...multipart({}, [{ name: 'x.exe', type: 'application/octet-stream', bytes: Buffer.from('MZ\x90\x00not a document') }]).headers }, payload: multipart({}, [{ name: 'x.exe', type: 'application/octet-stream', bytes: Buffer.from('MZ\x90\x00not a document') }]).payload });
    assert.equal(bad.statusCode, 415, 'attachment rules apply');
    const checked = await post(agent, `/api/v1/reviews/${review.reviewId}/documents/${first!.id}/check`, { satisfied: true });
    assert.equal(checked.statusCode, 200, checked.body);
    const again = await upload(holder2, first!.id);
    assert.equal(again.statusCode, 409);
    assert.equal(problem(again).code, 'conflict');
    const back = await post(agent, `/api/v1/reviews/${review.reviewId}/documents/${second!.id}/check`, { satisfied: false });
    assert.equal(back.statusCode, 400, 'sending back needs a reason');
  });

  it('the estimate counts from the last document once nothing is outstanding', async () => {
    const second = review.documents[1]!;
    assert.equal((await upload(holder2, second.id)).statusCode, 201);
    const v = (await get(holder2, `/api/v1/accounts/${heldAccount}/review`)).json();
    assert.match(v.nextStep, /a reviewer is deciding/);
    assert.equal(new Date(v.estimate.expectedBy).getTime() - t.clock.now().getTime(), 48 * HOUR);
  });

  it('closing the account sends an adverse-action notice; the closed request then refuses uploads (409)', async () => {
    const res = await post(agent, `/api/v1/reviews/${review.reviewId}/decide`, { decision: 'close', note: 'We could not verify the income stated on the application.' });
    assert.equal(res.statusCode, 200, res.body);
    const v = res.json();
    assert.equal(v.status, 'closed');
    assert.ok(v.documents.every((d: { status: string }) => d.status === 'closed' || d.status === 'satisfied'));
    const kase = (await get(holder2, `/api/v1/cases/${review.caseId}`)).json();
    const text = JSON.stringify(kase.messages);
    assert.ok(text.includes('Notice of action taken'));
    assert.ok(text.includes('Equal Credit Opportunity Act'));
    const letters = (await get(holder2, `/api/v1/cases/${review.caseId}/notices`)).json().items as Array<{ kind: string; pdfUrl: string }>;
    const letter = letters.find((n) => n.kind === 'adverse_action');
    assert.ok(letter, 'the adverse-action notice is also a letter (HTML and PDF) on the case');
    assert.equal((await get(holder2, letter.pdfUrl)).rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal((await get(holder2, `/api/v1/accounts/${heldAccount}`)).json().status, 'closed');
    assert.equal((await upload(holder2, review.documents[1]!.id)).statusCode, 409);
    assert.equal(problem(await post(agent, `/api/v1/reviews/${review.reviewId}/decide`, { decision: 'release', note: 'x' })).code, 'invalid_state_transition');
  });

  it('staff place a hold with a reason; a second review on the same account is a 409; release lifts the hold', async () => {
    const accounts = (await get(holder, '/api/v1/accounts')).json();
    const list = (Array.isArray(accounts) ? accounts : accounts.items) as Array<{ id: string; status: string }>;
    const target = list.find((a) => a.status === 'active')!;
    const body = { reason: 'Unusual payment pattern', reasonCode: 'payment_pattern', documents: [{ kind: 'identity' }, { kind: 'custom', label: 'A letter explaining the large payment', dueHours: 72 }] };
    assert.equal((await post(holder, `/api/v1/accounts/${target.id}/review`, body)).statusCode, 403);
    assert.equal((await post(agent, `/api/v1/accounts/${target.id}/review`, { ...body, documents: [{ kind: 'custom' }] })).statusCode, 400, 'a custom request needs a label');
    const res = await post(agent, `/api/v1/accounts/${target.id}/review`, body);
    assert.equal(res.statusCode, 201, res.body);
    const v = res.json();
    assert.equal(v.documents[1].label, 'A letter explaining the large payment');
    assert.equal(new Date(v.documents[1].dueAt).getTime() - new Date(v.documents[1].requestedAt).getTime(), 72 * HOUR);
    assert.equal((await get(holder, `/api/v1/accounts/${target.id}`)).json().status, 'on_hold');
    assert.equal(problem(await post(agent, `/api/v1/accounts/${target.id}/review`, body)).code, 'conflict');
    const extend = await post(agent, `/api/v1/reviews/${v.reviewId}/decide`, { decision: 'extend', note: 'Waiting on a bank reply', extendHours: 96 });
    assert.equal(extend.statusCode, 200, extend.body);
    assert.ok(extend.json().extendedUntil);
    const released = await post(agent, `/api/v1/reviews/${v.reviewId}/decide`, { decision: 'release', note: 'Everything checks out.' });
    assert.equal(released.json().status, 'released');
    assert.equal((await get(holder, `/api/v1/accounts/${target.id}`)).json().status, 'active');
  });
});
