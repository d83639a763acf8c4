/**
 * Regulatory clocks nobody can switch off (issue 5, item 4): a background sweep raises a warning on the
 * dispute's case when a clock comes within DEADLINE_WARN_BEFORE_DAYS of its due date, again on the day it is
 * due, and once more if it passes unmet — each stage once per clock, recorded in the dispute's own `clocks`
 * (`warned`), under the dispute's row lock, so several server processes sweeping together raise it once.
 * The warning is a staff-only timeline entry (with the clock, its citation and days left) and a live update
 * to the agents' queue; the on-screen warnings on the dispute views come from the same pure function.
 */
import type { Schedule } from '../../platform/jobs/index.ts';
import { inUnit } from '../../platform/unit-of-work.ts';
import { localDate } from '../calendars/index.ts';
import { addTimeline } from './case-engine.ts';
import type { DisputeDeps } from './dispute-deps.ts';
import { listOpenDisputeClocks, lockDispute, updateDispute } from './disputes.repo.ts';
import { type Deadline, deadlineWarnings } from './regulation/index.ts';
import { DEADLINE_WARN_BEFORE_DAYS } from './regulatory-track.ts';

const SYSTEM = { id: null, role: 'system', name: 'Dispute clocks' };

export async function sweepDisputeDeadlines(deps: DisputeDeps): Promise<{ warnings: number }> {
  const now = deps.clock.now();
  const today = localDate(now, deps.profile.issuer.timeZone);
  const freshWarnings = (clocks: readonly Deadline[]) =>
    deadlineWarnings(clocks, today, DEADLINE_WARN_BEFORE_DAYS).filter((w) => !clocks.find((c) => c.name === w.name)?.warned?.includes(w.status));
  let warnings = 0;
  // Only a dispute with a stage not yet raised is locked, and checked again under the lock.
  for (const { id } of (await listOpenDisputeClocks(deps.db)).filter((d) => freshWarnings(d.clocks).length > 0)) {
    warnings += await inUnit(deps.db, async (unit) => {
      const d = await lockDispute(unit.tx, id);
      if (!d || d.status !== 'open') return 0;
      const fresh = freshWarnings(d.clocks);
      if (fresh.length === 0) return 0;
      const clocks: Deadline[] = d.clocks.map((c) => {
        const raised = fresh.filter((w) => w.name === c.name).map((w) => w.status);
        return raised.length ? { ...c, warned: [...(c.warned ?? []), ...raised] } : c;
      });
      await updateDispute(unit.tx, d.id, { clocks: JSON.stringify(clocks), updated_at: now });
      await addTimeline(
        unit,
        fresh.map((w) => ({
          caseId: d.case_id,
          at: now,
          kind: 'deadline_warning',
          actor: SYSTEM,
          visibleToCardholder: false,
          data: { disputeId: d.id, clock: w.name, dueOn: w.dueOn, citation: w.citation, stage: w.status, daysLeft: w.daysLeft },
        })),
      );
      unit.afterCommit(() => deps.publish({ type: 'case.updated', caseId: d.case_id, customerId: d.customer_id, internal: true }));
      return fresh.length;
    });
  }
  return { warnings };
}


/** The deadline sweep hourly (and at start) through the job runner: one process per period. */
export async function startDisputeWorkers(deps: DisputeDeps, schedule: Schedule, seconds = 3600): Promise<void> {
  const tick = () => sweepDisputeDeadlines(deps).catch((error) => deps.logger.error({ err: error }, 'dispute deadline sweep failed'));
  void tick();
  await schedule('disputes.deadline-sweep', seconds, tick);
}
