import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { problem, type Session, signIn, type TestApp, buildTestApp } from '../../../test/helpers.ts';

describe('Ask for a supervisor (POST /api/v1/cases/:id/escalate)', () => {
  let t: TestApp;
  let holder: Session;
  let other: Session;
  let agent: Session;
  let supervisor: Session;
  before(async () => {
    t = await buildTestApp();
    holder = await signIn(t, 'cardholder@example.com');
    other = await signIn(t, 'cardholder2@example.com');
    agent = await signIn(t, 'agent@example.com');
    supervisor = await signIn(t, 'supervisor@example.com');
  });
  after(() => t.close());

  const post = (url: string, s: Session, payload: unknown, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, headers: { ...s.headers, ...headers }, payload: payload as string });
  const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: s.headers });
  const openCase = async (subject: string) => {
    const res = await post('/api/v1/messages', holder, { subject, body: 'I was charged an annual fee I was not told about.' });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  };

  let caseId = '';
  before(async () => {
    caseId = await openCase('Annual fee question');
    const assigned = await post(`/api/v1/cases/${caseId}/assign`, agent, { assigneeId: 'me' });
    assert.equal(assigned.statusCode, 200, assigned.body);
  });

  it('hides another cardholder\u2019s case: 404, and nothing changes', async () => {
    const res = await post(`/api/v1/cases/${caseId}/escalate`, other, { reason: 'let me in' });
    assert.equal(res.statusCode, 404);
    assert.equal(problem(res).code, 'not_found');
    assert.equal((await get(`/api/v1/cases/${caseId}`, supervisor)).json().escalation, null);
  });

  it('refuses an empty reason (400)', async () => {
    const res = await post(`/api/v1/cases/${caseId}/escalate`, holder, { reason: '' });
    assert.equal(res.statusCode, 400);
    assert.equal((await post(`/api/v1/cases/${caseId}/escalate`, holder, { reason: '   ' })).statusCode, 400);
  });

  it('moves the cardholder\u2019s case to the supervisor queue, unassigned, under the supervisor SLA, and says so', async () => {
    const before = (await get(`/api/v1/cases/${caseId}`, supervisor)).json();
    assert.equal(before.sla.policy, 'normal');
    assert.equal(before.sla.firstResponse.dueAt, '2026-06-16T14:00:00.000Z'); // 12 business hours, New York
    const res = await post(`/api/v1/cases/${caseId}/escalate`, holder, { reason: 'Nobody has answered my question about the fee.' }, { 'idempotency-key': 'esc-1' });
    assert.equal(res.statusCode, 200, res.body);
    const view = res.json();
    assert.equal(view.escalation, 'supervisor');
    assert.equal(view.statusLabel, 'With a supervisor');
    assert.equal(view.queue, 'supervisor');
    assert.equal(view.assignee, null);
    assert.equal(view.customerId, undefined, 'the cardholder gets the cardholder view');

    const staff = (await get(`/api/v1/cases/${caseId}`, supervisor)).json();
    assert.equal(staff.sla.policy, 'supervisor');
    assert.equal(staff.sla.firstResponse.dueAt, '2026-06-15T16:00:00.000Z'); // 120 minutes, around the clock
    assert.equal(staff.assigneeId, null);
    const escalated = staff.timeline.filter((e: { kind: string }) => e.kind === 'escalated');
    assert.equal(escalated.length, 1);
    assert.equal(escalated[0].actor.role, 'cardholder');
    assert.equal(escalated[0].at, '2026-06-15T14:00:00.000Z');
    assert.equal(escalated[0].data.reason, 'Nobody has answered my question about the fee.');

    const mine = (await get(`/api/v1/cases/${caseId}`, holder)).json();
    assert.equal(mine.escalation, 'supervisor');
    assert.equal(mine.statusLabel, 'With a supervisor');
    assert.ok(mine.timeline.some((e: { kind: string }) => e.kind === 'escalated'), 'the cardholder sees who, when and why');

    const audit = await t.database.pool.query("SELECT actor_role FROM audit_log WHERE action = 'case.escalate' AND target_id = $1", [caseId]);
    assert.equal(audit.rows.length, 1);
    assert.equal(audit.rows[0].actor_role, 'cardholder');
  });

  it('is idempotent: asking again, or retrying with the same key, adds nothing', async () => {
    const retry = await post(`/api/v1/cases/${caseId}/escalate`, holder, { reason: 'Nobody has answered my question about the fee.' }, { 'idempotency-key': 'esc-1' });
    assert.equal(retry.statusCode, 200);
    const again = await post(`/api/v1/cases/${caseId}/escalate`, holder, { reason: 'Still waiting' });
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().escalation, 'supervisor');
    const staff = (await get(`/api/v1/cases/${caseId}`, supervisor)).json();
    assert.equal(staff.timeline.filter((e: { kind: string }) => e.kind === 'escalated').length, 1);
  });

  it('shows who holds it once a supervisor picks it up', async () => {
    const res = await post(`/api/v1/cases/${caseId}/assign`, supervisor, { assigneeId: 'me' });
    assert.equal(res.statusCode, 200, res.body);
    const mine = (await get(`/api/v1/cases/${caseId}`, holder)).json();
    assert.deepEqual(mine.assignee, { displayName: 'Morgan Ortiz', agentCode: 'SUP-2001' });
    assert.equal(mine.statusLabel, 'With a supervisor');
  });

  it('lets staff escalate, and refuses a closed case with the reason (409)', async () => {
    const id = await openCase('Fee again');
    const byAgent = await post(`/api/v1/cases/${id}/escalate`, agent, { reason: 'Customer asked for a supervisor on the phone' });
    assert.equal(byAgent.statusCode, 200, byAgent.body);
    assert.equal(byAgent.json().sla.policy, 'supervisor');

    const closing = await openCase('To be closed');
    assert.equal((await post(`/api/v1/cases/${closing}/resolve`, agent, {})).statusCode, 200);
    assert.equal((await post(`/api/v1/cases/${closing}/close`, agent, {})).statusCode, 200);
    const res = await post(`/api/v1/cases/${closing}/escalate`, holder, { reason: 'Please look again' });
    assert.equal(res.statusCode, 409);
    const p = problem(res);
    assert.equal(p.code, 'case_closed');
    assert.match(p.detail ?? '', /is closed/);
  });

  it('measures the supervisor SLA from the escalation, not from the opening (an earlier agent reply does not count)', async () => {
    const id = await openCase('Fee still wrong');
    const answered = await post(`/api/v1/cases/${id}/messages`, agent, { body: 'We are looking into the fee.' });
    assert.equal(answered.statusCode, 201, answered.body);
    t.clock.advance(3 * 86_400_000); // Thursday 14:00 UTC: the supervisor targets (2 h, 48 h) measured from Monday would be long gone
    try {
      const later = await signIn(t, 'cardholder@example.com'); // the Monday sessions have expired by Thursday
      const res = await post(`/api/v1/cases/${id}/escalate`, later, { reason: 'Three days and still no fix' });
      assert.equal(res.statusCode, 200, res.body);
      const staff = (await get(`/api/v1/cases/${id}`, await signIn(t, 'supervisor@example.com'))).json();
      assert.equal(staff.sla.policy, 'supervisor');
      assert.equal(staff.sla.firstResponse.met, false, 'the agent\u2019s Monday reply is not the supervisor\u2019s answer');
      assert.equal(staff.sla.firstResponse.dueAt, '2026-06-18T16:00:00.000Z');
      assert.equal(staff.sla.firstResponse.breached, false);
      assert.equal(staff.sla.resolution.dueAt, '2026-06-20T14:00:00.000Z');
      assert.equal(staff.sla.resolution.breached, false);
      const row = await t.database.pool.query('SELECT first_response_due_at, sla_breached_at FROM cases WHERE id = $1', [id]);
      assert.equal(row.rows[0].first_response_due_at.toISOString(), '2026-06-18T16:00:00.000Z', 'the stored due time the breach sweep reads');
      assert.equal(row.rows[0].sla_breached_at, null);
    } finally {
      t.clock.set('2026-06-15T14:00:00Z');
    }
  });

  it('reopens a resolved case when the cardholder asks for a supervisor', async () => {
    const id = await openCase('Resolved but unhappy');
    assert.equal((await post(`/api/v1/cases/${id}/resolve`, agent, {})).statusCode, 200);
    const res = await post(`/api/v1/cases/${id}/escalate`, holder, { reason: 'This was not solved' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'open');
    assert.equal(res.json().statusLabel, 'With a supervisor');
  });
});
