import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildTestApp, signIn, type Session, type TestApp } from '../../../test/helpers.ts';
import { completeDeps } from '../../app.ts';
import type { AppDeps } from '../../app-deps.ts';
import { createEventBus } from '../../platform/events.ts';
import { createMemoryBlobStore } from '../attachments/index.ts';
import { startCaseWorkers } from './workers.ts';

describe('case workers: assignment passes', () => {
  let t: TestApp;
  let deps: AppDeps;
  let holder: Session;
  let stop: () => void;
  const passes: { assigned: number; full: boolean }[] = [];
  let waiter: ((pass: { assigned: number; full: boolean }) => void) | null = null;
  const nextPass = () => new Promise<{ assigned: number; full: boolean }>((resolve) => (waiter = resolve));

  before(async () => {
    t = await buildTestApp();
    deps = completeDeps({ db: t.database.db, engine: t.database.engine, clock: t.clock, config: t.config, profile: t.profile, logger: t.app.log as never, cipher: t.cipher, blobs: createMemoryBlobStore(), events: createEventBus() });
    stop = await startCaseWorkers(deps, {
      assignDelayMs: 5,
      slaSweepSeconds: 3600,
      onAssignPass: (pass) => {
        passes.push(pass);
        waiter?.(pass);
        waiter = null;
      },
    });
    holder = await signIn(t, 'cardholder@example.com');
  });
  after(async () => {
    stop();
    await t.database.pool.query("UPDATE users SET max_open_cases = 25 WHERE role = 'agent'");
    await t.close();
  });

  const open = async (subject: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/messages', headers: holder.headers, payload: { subject, body: 'Please help with my statement.' } });
    assert.equal(res.statusCode, 201, res.body);
    return (res.json() as { id: string }).id;
  };
  const assigneeOf = async (id: string) => (await t.database.pool.query('SELECT assignee_id FROM cases WHERE id = $1', [id])).rows[0].assignee_id as string | null;

  it('stops starting passes on new messages while every agent is full, and starts again when a case changes', async () => {
    await t.database.pool.query("UPDATE users SET max_open_cases = 0 WHERE role = 'agent'");
    const first = await open('statement question while everyone is busy');
    let pass = nextPass();
    deps.events.publish({ type: 'message.created', caseId: first });
    assert.deepEqual(await pass, { assigned: 0, full: true });

    // Room appears behind the workers' back: a new message alone does not look for it ...
    await t.database.pool.query("UPDATE users SET max_open_cases = 25 WHERE role = 'agent'");
    const second = await open('another statement question');
    const before = passes.length;
    deps.events.publish({ type: 'message.created', caseId: second });
    await sleep(150);
    assert.equal(passes.length, before, 'no pass for a message while the last pass found everyone full');
    assert.equal(await assigneeOf(second), null);

    // ... a changed case (a resolution, a reassignment) may have freed room: the next pass assigns both, FIFO.
    pass = nextPass();
    deps.events.publish({ type: 'case.updated', caseId: first });
    const after = await pass;
    assert.equal(after.full, false);
    assert.ok(after.assigned >= 2);
    assert.notEqual(await assigneeOf(first), null);
    assert.notEqual(await assigneeOf(second), null);

    // With room left, new messages start passes again.
    const third = await open('a third statement question');
    pass = nextPass();
    deps.events.publish({ type: 'message.created', caseId: third });
    // (a pass the assignments above started may come first; the one after the message assigns it)
    for (let i = 0; i < 10 && (await assigneeOf(third)) === null; i++) await Promise.race([pass, sleep(500)]).then(() => (pass = nextPass()));
    assert.notEqual(await assigneeOf(third), null);
  });
});
