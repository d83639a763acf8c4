import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { problem, type Session, signIn, type TestApp, buildTestApp } from '../../../test/helpers.ts';

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;
type Item = { id: string; number: string; breached: boolean; atRisk: boolean; escalation: string | null };
type Point = { start: string; casesOpened: number; casesWithinSla: number; slaAttainment: number | null; complaintsDue: number; complaintsOnTime: number; complaintOnTime: number | null };

describe('Supervisor dashboard (GET /api/v1/staff/dashboard)', () => {
  let t: TestApp;
  const post = (url: string, s: Session, payload: unknown): Promise<Res> => t.app.inject({ method: 'POST', url, headers: s.headers, payload: payload as string });
  const get = (url: string, s: Session): Promise<Res> => t.app.inject({ method: 'GET', url, headers: s.headers });
  const ids: Record<string, string> = {};

  // Monday 15 June 14:00Z (10:00 in New York): five cases are opened.
  //  A: a question (normal SLA: first response due Tue 16 June 14:00Z, 12 business hours)
  //  B: escalated at once (supervisor SLA: first response due 16:00Z the same day)
  //  C: the cardholder's formal complaint (its case; acknowledgment due 16 June, response 30 June)
  //  L1, L2: complaints an agent logs from letters received 1 June and 31 May (responses due 16 and 15 June).
  // Tuesday 16 June 12:30Z (08:30 New York): L1 is answered (on time), L2 never is; the dashboard is read.
  before(async () => {
    t = await buildTestApp();
    const holder = await signIn(t, 'cardholder@example.com');
    let agent = await signIn(t, 'agent@example.com');
    const { rows } = await t.database.pool.query("SELECT customer_id FROM users WHERE email = 'cardholder@example.com'");
    const customerId = rows[0].customer_id;
    const open = async (subject: string) => {
      const res = await post('/api/v1/messages', holder, { subject, body: 'When does my statement close this month?' });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    ids.A = await open('Statement date');
    ids.B = await open('Statement date again');
    assert.equal((await post(`/api/v1/cases/${ids.B}/escalate`, holder, { reason: 'Nobody answers' })).statusCode, 200);
    const c = await post('/api/v1/complaints', holder, { category: 'fees_interest', description: 'A late fee although I paid on time.', desiredOutcome: 'Refund it' });
    ids.C = c.json().caseId;
    ids.complaintC = c.json().id;
    for (const [name, receivedAt] of [['L1', '2026-06-01T15:00:00Z'], ['L2', '2026-05-31T15:00:00Z']] as const) {
      const res = await post('/api/v1/complaints', agent, { category: 'fees_interest', description: 'A late fee although I paid on time.', desiredOutcome: 'Refund it', customerId, channel: 'mail', receivedAt });
      assert.equal(res.statusCode, 201, res.body);
      ids[name] = res.json().id;
    }
    t.clock.set('2026-06-16T12:30:00Z');
    agent = await signIn(t, 'agent@example.com');
    assert.equal((await post(`/api/v1/complaints/${ids.L1}/respond`, agent, { response: 'We refunded the fee.' })).statusCode, 200);
  });
  after(() => t.close());

  it('is for supervisors, compliance and admins only (403 for agents and cardholders)', async () => {
    for (const email of ['agent@example.com', 'cardholder@example.com']) {
      const res = await get('/api/v1/staff/dashboard', await signIn(t, email));
      assert.equal(res.statusCode, 403);
      assert.equal(problem(res).code, 'forbidden');
    }
    assert.equal((await get('/api/v1/staff/dashboard?days=3', await signIn(t, 'supervisor@example.com'))).statusCode, 400);
  });

  it('lists escalated cases, breaches and cases at risk', async () => {
    const res = await get('/api/v1/staff/dashboard?days=7', await signIn(t, 'supervisor@example.com'));
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.asOf, '2026-06-16');
    assert.deepEqual(body.escalated.map((i: Item) => i.id), [ids.B]);
    assert.deepEqual(body.breached.map((i: Item) => i.id), [ids.B], 'the supervisor\u2019s 2 hours ran out on Monday');
    // A has 90 working minutes left of 720 (Tuesday 08:30–10:00 in New York): under the 20 % warning line.
    const risky = body.atRisk.map((i: Item) => i.id);
    assert.ok(risky.includes(ids.A), `${ids.A} at risk in ${risky}`);
    assert.ok(!risky.includes(ids.B));
    assert.equal(body.atRisk.find((i: Item) => i.id === ids.A).atRisk, true);
  });

  it('lists open complaints by their next deadline', async () => {
    const body = (await get('/api/v1/staff/dashboard?days=7', await signIn(t, 'compliance@example.com'))).json();
    const next = body.complaints.items.map((i: { id: string; nextClock: string; nextDueOn: string; overdue: boolean }) => [i.id, i.nextClock, i.nextDueOn, i.overdue]);
    // L2: logged (ack due Mon 1 June) and never acknowledged; L1: answered, so its acknowledgment is done too.
    assert.deepEqual(next, [
      [ids.L2, 'acknowledgment', '2026-06-01', true],
      [ids.complaintC, 'acknowledgment', '2026-06-16', false],
      [ids.L1, 'final', '2026-07-31', false],
    ]);
    assert.equal(body.complaints.overdue, 1);
  });

  it('charts volume, SLA attainment and complaint timeliness per day, matching the hand count', async () => {
    const body = (await get('/api/v1/staff/dashboard?days=7', await signIn(t, 'supervisor@example.com'))).json();
    assert.deepEqual(body.range, { unit: 'day', from: '2026-06-10', to: '2026-06-16' });
    const byDay = new Map(body.series.map((p: Point) => [p.start, p]));
    assert.equal(body.series.length, 7);
    // Monday: A, B, C, L1, L2 opened; only B has breached → 4 of 5.
    assert.deepEqual(byDay.get('2026-06-15'), { start: '2026-06-15', casesOpened: 5, casesWithinSla: 4, slaAttainment: 0.8, complaintsDue: 1, complaintsOnTime: 0, complaintOnTime: 0 });
    // Tuesday: nothing opened; L1 answered on its due date.
    assert.deepEqual(byDay.get('2026-06-16'), { start: '2026-06-16', casesOpened: 0, casesWithinSla: 0, slaAttainment: null, complaintsDue: 1, complaintsOnTime: 1, complaintOnTime: 1 });
    assert.deepEqual(byDay.get('2026-06-12'), { start: '2026-06-12', casesOpened: 0, casesWithinSla: 0, slaAttainment: null, complaintsDue: 0, complaintsOnTime: 0, complaintOnTime: null });
  });

  it('groups by ISO week over longer ranges', async () => {
    const body = (await get('/api/v1/staff/dashboard?days=35', await signIn(t, 'admin@example.com'))).json();
    assert.equal(body.range.unit, 'week');
    assert.deepEqual(body.series.map((p: Point) => p.start), ['2026-05-11', '2026-05-18', '2026-05-25', '2026-06-01', '2026-06-08', '2026-06-15']);
    const week = body.series.at(-1);
    assert.equal(week.casesOpened, 5);
    assert.equal(week.complaintsDue, 2);
    assert.equal(week.complaintOnTime, 0.5);
    const audit = await t.database.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'dashboard.read'");
    assert.ok(audit.rows[0].n >= 4);
  });
});
