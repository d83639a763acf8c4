import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type Session, signIn, type TestApp } from '../../../test/helpers.ts';
import { completeDeps } from '../../app.ts';
import { createMemoryBlobStore } from '../attachments/index.ts';
import { caseDepsFrom } from '../cases/index.ts';
import { type DisputeDeps, withCalendar } from './dispute-deps.ts';
import { customerOf, pickCharge } from './disputes.fixtures.ts';
import { sweepDisputeDeadlines } from './sweep-deadlines.ts';

const DAY = 86_400_000;

describe('the dispute deadline sweep', () => {
  let t: TestApp;
  let c: DisputeDeps;
  let holder2: Session;
  let agent: Session;
  before(async () => {
    t = await buildTestApp();
    c = withCalendar(caseDepsFrom(completeDeps({ db: t.database.db, engine: t.database.engine, clock: t.clock, config: t.config, profile: t.profile, logger: t.app.log as never, cipher: t.cipher, blobs: createMemoryBlobStore() })));
    holder2 = await signIn(t, 'cardholder2@example.com');
    agent = await signIn(t, 'agent@example.com');
  });
  after(() => t.close());

  const warnings = async (caseId: string) =>
    (await t.database.pool.query<{ clock: string; stage: string; visible: boolean }>(
      "SELECT data->>'clock' AS clock, data->>'stage' AS stage, visible_to_cardholder AS visible FROM case_events WHERE case_id = $1 AND kind = 'deadline_warning' ORDER BY id",
      [caseId],
    )).rows;

  it('warns once per stage before a clock falls due, when due and when missed, on the staff timeline only', async () => {
    const customer = await customerOf(t, 'cardholder2@example.com');
    const charge = await pickCharge(t, customer, 'prepaid', '2026-05-01', '2026-06-15', 5);
    const filed = await t.app.inject({ method: 'POST', url: '/api/v1/disputes', headers: holder2.headers, payload: { transactionId: charge.id, reason: 'other', answers: { description: 'I do not know this charge' } } });
    assert.equal(filed.statusCode, 201, filed.body);
    const { id, caseId } = filed.json() as { id: string; caseId: string };
    const clocks = (await t.app.inject({ method: 'GET', url: `/api/v1/disputes/${id}`, headers: agent.headers })).json().clocks as Array<{ name: string; dueOn: string; metOn: string | null }>;
    const first = [...clocks].sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0]!;

    assert.deepEqual(await sweepDisputeDeadlines(c), { warnings: 0 }, 'nothing is near its due date on the day of filing');
    // Five days before the earliest clock (the warning window), then again: one warning, not two.
    t.clock.set(new Date(new Date(`${first.dueOn}T15:00:00Z`).getTime() - 5 * DAY));
    await sweepDisputeDeadlines(c);
    await sweepDisputeDeadlines(c);
    assert.deepEqual((await warnings(caseId)).filter((w) => w.clock === first.name), [{ clock: first.name, stage: 'due_soon', visible: false }]);
    // Concurrent sweeps (two processes) on the due day raise it once.
    t.clock.set(`${first.dueOn}T15:00:00Z`);
    await Promise.all([sweepDisputeDeadlines(c), sweepDisputeDeadlines(c)]);
    t.clock.set(new Date(new Date(`${first.dueOn}T15:00:00Z`).getTime() + DAY));
    await sweepDisputeDeadlines(c);
    assert.deepEqual(
      (await warnings(caseId)).filter((w) => w.clock === first.name).map((w) => w.stage),
      ['due_soon', 'due_today', 'overdue'],
    );
    // The agent sees it on the case's timeline; the cardholder's view of the case does not show it.
    agent = await signIn(t, 'agent@example.com'); // days later: the earlier sessions have expired
    holder2 = await signIn(t, 'cardholder2@example.com');
    const staffView = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: agent.headers })).json();
    assert.ok(staffView.timeline.some((e: { kind: string }) => e.kind === 'deadline_warning'));
    const holderView = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: holder2.headers })).json();
    assert.ok(!holderView.timeline.some((e: { kind: string }) => e.kind === 'deadline_warning'));
  });
});
