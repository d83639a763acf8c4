import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { problem, type Session, signIn, type TestApp, buildTestApp } from '../../../test/helpers.ts';

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;

function client(t: TestApp) {
  return {
    post: (url: string, s: Session, payload: unknown, headers: Record<string, string> = {}): Promise<Res> => t.app.inject({ method: 'POST', url, headers: { ...s.headers, ...headers }, payload: payload as string }),
    get: (url: string, s: Session): Promise<Res> => t.app.inject({ method: 'GET', url, headers: s.headers }),
  };
}

async function customerIdOf(t: TestApp, email: string): Promise<string> {
  const { rows } = await t.database.pool.query('SELECT customer_id FROM users WHERE email = $1', [email]);
  return rows[0].customer_id;
}

const complaint = { category: 'fees_interest', description: 'I was charged a late fee although I paid on time.', desiredOutcome: 'Refund the late fee' };

describe('Formal complaints', () => {
  let t: TestApp;
  let holder: Session;
  let other: Session;
  let agent: Session;
  let compliance: Session;
  let c: ReturnType<typeof client>;
  before(async () => {
    t = await buildTestApp();
    c = client(t);
    holder = await signIn(t, 'cardholder@example.com');
    other = await signIn(t, 'cardholder2@example.com');
    agent = await signIn(t, 'agent@example.com');
    compliance = await signIn(t, 'compliance@example.com');
  });
  after(() => t.close());

  let complaintId = '';
  let complaintCaseId = '';

  it('files a complaint: 201 with its case and the three due dates', async () => {
    const res = await c.post('/api/v1/complaints', holder, complaint);
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.match(body.id, /^cmp_[0-9a-z]{16}$/);
    assert.match(body.caseId, /^case_/);
    // Received Monday 15 June 2026, 10:00 in New York.
    assert.deepEqual(body.dueDates, { acknowledgment: '2026-06-16', response: '2026-06-30', final: '2026-08-14' });
    assert.equal(body.status, 'received');
    assert.equal(body.channel, 'secure_message');
    complaintId = body.id;
    complaintCaseId = body.caseId;
    const theCase = (await c.get(`/api/v1/cases/${body.caseId}`, holder)).json();
    assert.equal(theCase.type, 'complaint');
    assert.equal(theCase.queue, 'personal.complaint');
    assert.match(theCase.messages[0].body, /late fee although I paid on time[\s\S]*What I would like: Refund the late fee/);
    assert.ok(theCase.timeline.some((e: { kind: string }) => e.kind === 'complaint_filed'));
  });

  it('refuses a complaint without a description, or with an unknown category (400)', async () => {
    const { description: _d, ...noDescription } = complaint;
    for (const payload of [noDescription, { ...complaint, description: '' }, { ...complaint, description: '   ' }, { ...complaint, category: 'nonsense' }]) {
      const res = await c.post('/api/v1/complaints', holder, payload);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(problem(res).code, 'validation_failed');
    }
  });

  it('answers a duplicate submission with the first complaint (Idempotency-Key)', async () => {
    const first = await c.post('/api/v1/complaints', holder, { ...complaint, category: 'rewards' }, { 'idempotency-key': 'cmp-dup-1' });
    const second = await c.post('/api/v1/complaints', holder, { ...complaint, category: 'rewards' }, { 'idempotency-key': 'cmp-dup-1' });
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(second.statusCode, 201);
    assert.equal(second.json().id, first.json().id);
    const { rows } = await t.database.pool.query("SELECT count(*)::int AS n FROM complaints WHERE category = 'rewards'");
    assert.equal(rows[0].n, 1);
  });

  it('links a complaint to the cardholder\u2019s own case; another\u2019s case is a 404', async () => {
    const opened = await c.post('/api/v1/messages', holder, { subject: 'Late fee', body: 'Why a late fee?' });
    const caseId = opened.json().id;
    assert.equal((await c.post('/api/v1/complaints', other, { ...complaint, caseId })).statusCode, 404);
    const res = await c.post('/api/v1/complaints', holder, { ...complaint, caseId });
    assert.equal(res.statusCode, 201, res.body);
    const related = (await c.get(`/api/v1/cases/${caseId}`, holder)).json();
    const filed = related.timeline.find((e: { kind: string }) => e.kind === 'complaint_filed');
    assert.equal(filed.data.complaintId, res.json().id);
    const detail = (await c.get(`/api/v1/complaints/${res.json().id}`, agent)).json();
    assert.deepEqual(detail.cases.map((x: { caseId: string }) => x.caseId).sort(), [res.json().caseId, caseId].sort());
  });

  it('lets an agent log a phone complaint received on a Saturday; cardholders cannot set the channel', async () => {
    const customerId = await customerIdOf(t, 'cardholder@example.com');
    const res = await c.post('/api/v1/complaints', agent, { ...complaint, customerId, channel: 'phone', receivedAt: '2026-06-13T15:00:00Z' });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().channel, 'phone');
    assert.equal(res.json().source, 'staff');
    assert.deepEqual(res.json().dueDates, { acknowledgment: '2026-06-15', response: '2026-06-28', final: '2026-08-12' });
    assert.equal((await c.post('/api/v1/complaints', holder, { ...complaint, channel: 'phone' })).statusCode, 400);
    assert.equal((await c.post('/api/v1/complaints', agent, { ...complaint, customerId, channel: 'mail', receivedAt: '2026-06-16T15:00:00Z' })).statusCode, 400, 'not in the future');
    assert.equal((await c.post('/api/v1/complaints', agent, complaint)).statusCode, 400, 'staff must say whose complaint');
  });

  it('cannot be closed without a written response (409) nor without a root cause (409)', async () => {
    const early = await c.post(`/api/v1/complaints/${complaintId}/close`, agent, { rootCause: 'policy' });
    assert.equal(early.statusCode, 409);
    assert.equal(problem(early).code, 'complaint_response_required');
    assert.equal((await c.post(`/api/v1/complaints/${complaintId}/close`, holder, { rootCause: 'policy' })).statusCode, 403);

    const ack = await c.post(`/api/v1/complaints/${complaintId}/acknowledge`, agent, {});
    assert.equal(ack.statusCode, 200, ack.body);
    assert.equal(ack.json().status, 'acknowledged');
    assert.equal(ack.json().clocks.acknowledgment, 'on_time');

    const respond = await c.post(`/api/v1/complaints/${complaintId}/respond`, agent, { response: 'We have refunded the late fee; our payment posting was delayed.' });
    assert.equal(respond.statusCode, 200, respond.body);
    assert.equal(respond.json().status, 'responded');
    const theCase = (await c.get(`/api/v1/cases/${complaintCaseId}`, holder)).json();
    const answer = theCase.messages.at(-1);
    assert.match(answer.body, /refunded the late fee/);
    assert.deepEqual(answer.author, { role: 'agent', displayName: 'Jordan Lee', agentCode: 'AGT-1042' });

    const noCause = await c.post(`/api/v1/complaints/${complaintId}/close`, agent, {});
    assert.equal(noCause.statusCode, 409);
    assert.equal(problem(noCause).code, 'complaint_root_cause_required');
    assert.equal((await c.post(`/api/v1/complaints/${complaintId}/close`, agent, { rootCause: 'made_up' })).statusCode, 400);

    const closed = await c.post(`/api/v1/complaints/${complaintId}/close`, agent, { rootCause: 'process_failure' });
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json().status, 'closed');
    assert.equal(closed.json().rootCause, 'process_failure');
    assert.deepEqual(closed.json().clocks, { acknowledgment: 'on_time', response: 'on_time', final: 'on_time' });
  });

  it('opens each complaint with its whole timeline; a cardholder sees only their own', async () => {
    const mine = await c.get(`/api/v1/complaints/${complaintId}`, holder);
    assert.equal(mine.statusCode, 200, mine.body);
    const kinds = mine.json().timeline.map((e: { kind: string }) => e.kind);
    for (const k of ['opened', 'message', 'complaint_filed', 'complaint_acknowledged', 'complaint_responded', 'complaint_closed']) assert.ok(kinds.includes(k), `${k} in ${kinds}`);
    assert.equal((await c.get(`/api/v1/complaints/${complaintId}`, other)).statusCode, 404);
  });

  it('records a CFPB portal complaint with 15- and 60-day deadlines, linked to the customer\u2019s cases, and the response sent', async () => {
    const customerId = await customerIdOf(t, 'cardholder@example.com');
    const otherCustomer = await customerIdOf(t, 'cardholder2@example.com');
    const opened = await c.post('/api/v1/messages', holder, { subject: 'Fee', body: 'A fee question' });
    const payload = { portalComplaintId: '260610-000123', receivedOn: '2026-06-10', narrative: 'The bank charged me a fee and nobody answers.', product: 'Credit card', customerId, caseIds: [opened.json().id] };
    assert.equal((await c.post('/api/v1/regulator-complaints', agent, payload)).statusCode, 403);
    assert.equal((await c.post('/api/v1/regulator-complaints', compliance, { ...payload, customerId: otherCustomer })).statusCode, 404);
    const res = await c.post('/api/v1/regulator-complaints', compliance, payload);
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(res.json().dueDates, { acknowledgment: null, response: '2026-06-25', final: '2026-08-09' });
    assert.equal(res.json().channel, 'regulator');
    assert.equal((await c.post('/api/v1/regulator-complaints', compliance, payload)).statusCode, 409, 'the same portal complaint twice');
    const linked = (await c.get(`/api/v1/cases/${opened.json().id}`, agent)).json();
    assert.ok(linked.timeline.some((e: { kind: string }) => e.kind === 'regulator_complaint_linked'));

    const sent = await c.post(`/api/v1/regulator-complaints/${res.json().id}/response`, compliance, { response: 'Fee reversed; explanation sent.', portalStatus: 'closed_with_monetary_relief' });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal(sent.json().status, 'responded');
    assert.equal(sent.json().regulatorResponse, 'closed_with_monetary_relief');
    assert.equal(sent.json().clocks.response, 'on_time');
  });

  it('asks for a callback: a case in the phone queue with the number and time', async () => {
    const bad = await c.post('/api/v1/callbacks', holder, { phone: '+1555', preferredTime: '2026-06-16T15:00:00Z', reason: 'Fee' });
    assert.equal(bad.statusCode, 400);
    assert.equal((await c.post('/api/v1/callbacks', holder, { phone: '+12125550123', preferredTime: '2026-06-14T15:00:00Z', reason: 'Fee' })).statusCode, 400, 'in the past');
    const res = await c.post('/api/v1/callbacks', holder, { phone: '+12125550123', preferredTime: '2026-06-16T15:00:00Z', reason: 'Question about my fee' });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(body.queue, 'phone');
    assert.equal(body.channel, 'phone');
    assert.equal(body.nextSteps, null);
    const theCase = (await c.get(`/api/v1/cases/${body.caseId}`, agent)).json();
    assert.equal(theCase.channel, 'phone');
    assert.match(theCase.messages[0].body, /\+12125550123/);
    assert.match(theCase.messages[0].body, /11:00 AM/); // 15:00Z is 11:00 in New York
  });

  it('escalates a callback whose reason asks for a supervisor, and tells the cardholder what happens next', async () => {
    const res = await c.post('/api/v1/callbacks', holder, { phone: '+12125550123', preferredTime: '2026-06-16T15:00:00Z', reason: 'This is unacceptable. I want to speak to a supervisor!' });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(body.queue, 'supervisor');
    assert.equal(body.nextSteps.kind, 'supervisor');
    assert.equal(body.nextSteps.escalated, true);
    const theCase = (await c.get(`/api/v1/cases/${body.caseId}`, holder)).json();
    assert.equal(theCase.statusLabel, 'With a supervisor');
    assert.ok(theCase.timeline.some((e: { kind: string }) => e.kind === 'rights_invoked'));

    const dispute = (await c.post('/api/v1/callbacks', holder, { phone: '+12125550123', preferredTime: '2026-06-16T15:00:00Z', reason: 'I dispute this charge' })).json();
    assert.equal(dispute.queue, 'phone', 'dispute words flag the case, they do not escalate it');
    assert.equal(dispute.nextSteps.kind, 'dispute');
    const flagged = (await c.get(`/api/v1/cases/${dispute.caseId}`, agent)).json();
    assert.equal(flagged.timeline.find((e: { kind: string }) => e.kind === 'rights_invoked').data.kind, 'dispute');
  });
});

describe('The complaint register', () => {
  let t: TestApp;
  let c: ReturnType<typeof client>;
  let agent: Session;
  let holder: Session;
  const ids: Record<string, string> = {};
  const at = async (iso: string) => {
    t.clock.set(iso);
    agent = await signIn(t, 'agent@example.com');
    holder = await signIn(t, 'cardholder@example.com');
  };
  const act = async (id: string, action: string, payload: unknown = {}) => {
    const res = await c.post(`/api/v1/complaints/${id}/${action}`, agent, payload);
    assert.equal(res.statusCode, 200, res.body);
  };

  before(async () => {
    t = await buildTestApp();
    c = client(t);
    await at('2026-06-15T14:00:00Z');
    const customerId = await customerIdOf(t, 'cardholder@example.com');
    const log = async (name: string, channel: string, receivedAt: string, category = 'fees_interest') => {
      const res = await c.post('/api/v1/complaints', agent, { ...complaint, category, customerId, channel, receivedAt });
      assert.equal(res.statusCode, 201, res.body);
      ids[name] = res.json().id;
    };
    await log('C1', 'phone', '2026-06-01T15:00:00Z'); // ack due 06-02, response 06-16, final 07-31
    await log('C2', 'mail', '2026-06-12T15:00:00Z', 'rewards'); // ack due 06-15, response 06-27, final 08-11
    await log('C3', 'phone', '2026-06-15T13:00:00Z'); // ack due 06-16, response 06-30, final 08-14
    const c4 = await c.post('/api/v1/complaints', holder, complaint); // online, 06-15: ack 06-16, response 06-30, final 08-14
    ids.C4 = c4.json().id;
    // Monday 15 June: C1 acknowledged (late), answered and closed (on time); C2 acknowledged on its due date; C4 acknowledged and answered.
    await act(ids.C1!, 'acknowledge');
    await act(ids.C1!, 'respond', { response: 'Answer one' });
    await act(ids.C1!, 'close', { rootCause: 'policy' });
    await act(ids.C2!, 'acknowledge');
    await act(ids.C4!, 'acknowledge');
    await act(ids.C4!, 'respond', { response: 'Answer four' });
    // Friday 26 June: C2 answered a day before its response deadline.
    await at('2026-06-26T14:00:00Z');
    await act(ids.C2!, 'respond', { response: 'Answer two' });
    // The register is read on Wednesday 1 July: C3 was never touched.
    await at('2026-07-01T14:00:00Z');
  });
  after(() => t.close());

  it('computes on-time rates that match the hand count', async () => {
    const supervisor = await signIn(t, 'supervisor@example.com');
    const res = await c.get('/api/v1/complaints', supervisor);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.asOf, '2026-07-01');
    assert.equal(body.items.length, 4);
    // acknowledgment: C1 late, C2 on time, C3 overdue, C4 on time → 2 of 4
    assert.deepEqual(body.onTime.acknowledgment, { onTime: 2, dueSoFar: 4, rate: 0.5 });
    // response: C1, C2, C4 on time, C3 overdue → 3 of 4
    assert.deepEqual(body.onTime.response, { onTime: 3, dueSoFar: 4, rate: 0.75 });
    // final: C1 closed on time; the others are not due until August → 1 of 1
    assert.deepEqual(body.onTime.final, { onTime: 1, dueSoFar: 1, rate: 1 });
    const byId = new Map(body.items.map((i: { id: string }) => [i.id, i]));
    assert.deepEqual((byId.get(ids.C3!) as { clocks: unknown }).clocks, { acknowledgment: 'overdue', response: 'overdue', final: 'pending' });
  });

  it('filters by status, category, channel, overdue and due date', async () => {
    const compliance = await signIn(t, 'compliance@example.com');
    const list = async (q: string) => {
      const res = await c.get(`/api/v1/complaints?${q}`, compliance);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items.map((i: { id: string }) => i.id).sort();
    };
    assert.deepEqual(await list('status=closed'), [ids.C1]);
    assert.deepEqual(await list('category=rewards'), [ids.C2]);
    assert.deepEqual(await list('channel=phone'), [ids.C1, ids.C3].sort());
    assert.deepEqual(await list('overdue=true'), [ids.C3]);
    assert.deepEqual(await list('dueBefore=2026-07-05'), [ids.C3]);
    assert.deepEqual(await list('status=received,acknowledged,responded&overdue=false'), [ids.C2, ids.C4].sort());
  });

  it('is for supervisors and compliance only', async () => {
    assert.equal((await c.get('/api/v1/complaints', agent)).statusCode, 403);
    assert.equal((await c.get('/api/v1/complaints', holder)).statusCode, 403);
  });

  it('exports the register as RFC 4180 CSV', async () => {
    const supervisor = await signIn(t, 'supervisor@example.com');
    const res = await c.get('/api/v1/complaints.csv?channel=phone', supervisor);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(String(res.headers['content-disposition']), /complaints-2026-07-01\.csv/);
    const lines = res.body.split('\r\n');
    assert.equal(lines.at(-1), '', 'every record ends with CRLF');
    assert.equal(lines.length, 4);
    assert.match(lines[0]!, /^complaint_id,case_id,customer_id,source,channel,category/);
    assert.ok(lines.some((l) => l.startsWith(`${ids.C3},`) && l.includes(',overdue,')));
  });
});
