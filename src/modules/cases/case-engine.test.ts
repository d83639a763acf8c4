import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, problem, type Session, signIn, type TestApp } from '../../../test/helpers.ts';
import { backfillAssignments } from './assignment.ts';
import { caseDepsFrom } from './cases.routes.ts';
import type { CaseDeps } from './case-deps.ts';
import { sweepSla } from './sla-sweep.ts';
import { completeDeps } from '../../app.ts';

describe('case engine: assignment, SLA sweep, macros, merge, CSAT', () => {
  let t: TestApp;
  let c: CaseDeps;
  let holder: Session;
  let agent: Session;
  let supervisor: Session;
  before(async () => {
    t = await buildTestApp();
    c = caseDepsFrom(completeDeps({ db: t.database.db, engine: t.database.engine, clock: t.clock, config: t.config, profile: t.profile, logger: t.app.log as never, cipher: t.cipher, blobs: (t.app as unknown as { blobs?: never }).blobs ?? (await import('../attachments/index.ts')).createMemoryBlobStore() }));
    holder = await signIn(t, 'cardholder@example.com');
    agent = await signIn(t, 'agent@example.com');
    supervisor = await signIn(t, 'supervisor@example.com');
  });
  after(() => t.close());

  /** Sessions expire when the test clock jumps hours ahead; sign in again. */
  const refresh = async () => {
    holder = await signIn(t, 'cardholder@example.com');
    agent = await signIn(t, 'agent@example.com');
    supervisor = await signIn(t, 'supervisor@example.com');
  };
  const post = (url: string, s: Session, payload: unknown) => t.app.inject({ method: 'POST', url, headers: s.headers, payload: payload as string });
  const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: s.headers });
  const open = async (subject: string, body = 'Please help.') => {
    const res = await post('/api/v1/messages', holder, { subject, body });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; number: string };
  };
  const assigneeOf = async (id: string) => (await t.database.pool.query('SELECT assignee_id FROM cases WHERE id = $1', [id])).rows[0].assignee_id as string | null;

  it('assigns round-robin to agents with the skill, within capacity, and backfills FIFO when capacity frees', async () => {
    const { rows: agents } = await t.database.pool.query("SELECT id, email FROM users WHERE role = 'agent' AND 'gift_card' = ANY(skills)");
    assert.equal(agents.length, 1, 'only one demo agent has the gift card skill');
    await t.database.pool.query("UPDATE users SET max_open_cases = 2 WHERE role = 'agent'");
    const a = await open('gift card balance question one');
    t.clock.advance(1000);
    const b = await open('gift card balance question two');
    t.clock.advance(1000);
    const d = await open('gift card balance question three');
    assert.equal(await backfillAssignments(c), 2);
    assert.equal(await assigneeOf(a.id), agents[0].id);
    assert.equal(await assigneeOf(b.id), agents[0].id);
    assert.equal(await assigneeOf(d.id), null, 'the third waits: the only skilled agent is at capacity');
    await post(`/api/v1/cases/${a.id}/resolve`, agent, {});
    assert.equal(await backfillAssignments(c), 1);
    assert.equal(await assigneeOf(d.id), agents[0].id, 'FIFO backfill once capacity freed');
    await t.database.pool.query("UPDATE users SET max_open_cases = 25 WHERE role = 'agent'");
    const personal1 = await open('question about my statement');
    t.clock.advance(1000);
    await backfillAssignments(c);
    const personal2 = await open('another statement question');
    t.clock.advance(1000);
    await backfillAssignments(c);
    const owners = new Set([await assigneeOf(personal1.id), await assigneeOf(personal2.id)]);
    assert.equal(owners.size, 2, 'round-robin spreads cases over the two agents with the personal skill');
    await t.database.pool.query("UPDATE users SET max_open_cases = 25 WHERE role = 'agent'");
  });

  it('lets a supervisor reassign, but an agent only take a case themselves', async () => {
    const x = await open('statement copy please');
    const { rows } = await t.database.pool.query("SELECT id FROM users WHERE email = 'agent2@example.com'");
    const other = rows[0].id;
    const denied = await post(`/api/v1/cases/${x.id}/assign`, agent, { assigneeId: other });
    assert.equal(denied.statusCode, 403);
    const ok = await post(`/api/v1/cases/${x.id}/assign`, supervisor, { assigneeId: other });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().assigneeId, other);
    const mine = await post(`/api/v1/cases/${x.id}/assign`, agent, { assigneeId: 'me' });
    assert.equal(mine.json().assignee.agentCode, 'AGT-1042');
  });

  it('acts on each SLA breach exactly once, escalating the priority', async () => {
    const x = await open('urgent: my card was stolen');
    const detail = (await get(`/api/v1/cases/${x.id}`, agent)).json();
    assert.equal(detail.priority, 'high');
    const due = new Date(detail.sla.firstResponse.dueAt);
    assert.equal(due.getTime() - t.clock.now().getTime(), 240 * 60_000, 'high priority: first response within 4 h, 24/7');
    t.clock.set(new Date(due.getTime() + 60_000));
    await refresh();
    const [r1, r2] = await Promise.all([sweepSla(c), sweepSla(c)]);
    assert.ok(r1.breached + r2.breached >= 1);
    const events = (await t.database.pool.query("SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND kind = 'sla_breached'", [x.id])).rows[0].n;
    assert.equal(events, 1);
    assert.equal((await sweepSla(c)).breached, 0, 'a swept breach is not acted on again');
    const after = (await get(`/api/v1/cases/${x.id}`, agent)).json();
    assert.equal(after.priority, 'urgent');
    assert.equal(after.sla.firstResponse.breached, true);
    const breached = (await get('/api/v1/cases?breached=true', agent)).json();
    assert.ok(breached.items.some((i: { id: string }) => i.id === x.id));
  });

  it('pauses the SLA while waiting for the cardholder and resumes on their reply', async () => {
    const x = await open('question about interest');
    await post(`/api/v1/cases/${x.id}/messages`, agent, { body: 'Could you tell us which statement?' });
    const waiting = await post(`/api/v1/cases/${x.id}/await-customer`, agent, {});
    assert.equal(waiting.json().status, 'pending_customer');
    assert.equal(waiting.json().sla.resolution.paused, true);
    t.clock.advance(5 * 86_400_000);
    await refresh();
    await sweepSla(c);
    const still = (await get(`/api/v1/cases/${x.id}`, agent)).json();
    assert.equal(still.sla.resolution.breached, false, 'time waiting for the cardholder does not count');
    await post(`/api/v1/cases/${x.id}/messages`, holder, { body: 'The May statement.' });
    const resumed = (await get(`/api/v1/cases/${x.id}`, agent)).json();
    assert.equal(resumed.status, 'open');
    assert.equal(resumed.sla.resolution.paused, false);
    assert.ok(resumed.sla.nextResponse.dueAt);
  });

  it('renders macros with the cardholder\u2019s name and the case number; refuses unknown placeholders', async () => {
    const x = await open('fraud on my card');
    const macros = (await get('/api/v1/macros', agent)).json().items;
    assert.ok(macros.length >= 3);
    const rendered = await post(`/api/v1/macros/${macros[0].id}/render`, agent, { caseId: x.id });
    assert.match(rendered.json().body, new RegExp(`Hello Maya,[\\s\\S]*${x.number}[\\s\\S]*Jordan Lee \\(AGT-1042\\)`));
    const bad = await post('/api/v1/macros', supervisor, { title: 'x', body: 'Hi {{customer.ssn}}' });
    assert.equal(problem(bad).code, 'validation_failed');
    const denied = await post('/api/v1/macros', agent, { title: 'x', body: 'Hi' });
    assert.equal(denied.statusCode, 403);
    assert.equal((await get('/api/v1/macros', holder)).statusCode, 403);
  });

  it('merges a duplicate into the survivor: timelines joined, the duplicate points to it', async () => {
    const first = await open('charged twice at the grocery store');
    const dup = await open('charged twice again', 'Same problem as before.');
    const merged = await post(`/api/v1/cases/${dup.id}/merge`, agent, { intoCaseId: first.id });
    assert.equal(merged.statusCode, 200, merged.body);
    assert.equal(merged.json().status, 'closed');
    const survivor = (await get(`/api/v1/cases/${first.id}`, holder)).json();
    assert.equal(survivor.messages.length, 2);
    assert.ok(survivor.messages.some((m: { body: string }) => m.body === 'Same problem as before.'));
    assert.ok(survivor.timeline.some((e: { kind: string }) => e.kind === 'merged'));
    const gone = (await get(`/api/v1/cases/${dup.id}`, holder)).json();
    assert.equal(gone.mergedInto, first.number);
    assert.equal(gone.canReply, false);
    const otherCustomer = await signIn(t, 'cardholder2@example.com');
    const theirs = (await post('/api/v1/messages', otherCustomer, { subject: 'x', body: 'y' })).json();
    const cross = await post(`/api/v1/cases/${theirs.id}/merge`, agent, { intoCaseId: first.id });
    assert.equal(cross.statusCode, 409);
  });

  it('takes CSAT once per resolution', async () => {
    const x = await open('thanks in advance');
    const early = await post(`/api/v1/cases/${x.id}/csat`, holder, { rating: 5 });
    assert.equal(early.statusCode, 409);
    await post(`/api/v1/cases/${x.id}/messages`, agent, { body: 'Done.' });
    await post(`/api/v1/cases/${x.id}/resolve`, agent, {});
    assert.equal((await post(`/api/v1/cases/${x.id}/csat`, holder, { rating: 4, comment: 'quick' })).statusCode, 204);
    assert.equal((await post(`/api/v1/cases/${x.id}/csat`, holder, { rating: 5 })).statusCode, 409);
    assert.equal((await post(`/api/v1/cases/${x.id}/csat`, holder, { rating: 9 })).statusCode, 400);
    await post(`/api/v1/cases/${x.id}/messages`, holder, { body: 'Actually, one more thing.' });
    await post(`/api/v1/cases/${x.id}/resolve`, agent, {});
    assert.equal((await post(`/api/v1/cases/${x.id}/csat`, holder, { rating: 5 })).statusCode, 204, 'a new resolution can be rated again');
  });
});
