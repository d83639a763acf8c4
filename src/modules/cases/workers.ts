import type { Schedule } from '../../platform/jobs/index.ts';
import type { AppDeps } from '../../app-deps.ts';
import { backfillAssignments } from './assignment.ts';
import { caseDepsFrom } from './cases.routes.ts';
import { sweepSla } from './sla-sweep.ts';

/**
 * Background work of the case engine in this process: assignment shortly after cases open or capacity frees
 * (coalesced), and the SLA sweep on a timer. Safe with many processes: both claim rows with conditional
 * updates and row locks.
 */

export async function startCaseWorkers(deps: AppDeps, options: { slaSweepSeconds?: number; assignDelayMs?: number; schedule?: Schedule } = {}): Promise<() => void> {
  const c = caseDepsFrom(deps);
  let pending: NodeJS.Timeout | null = null;
  let running = false;
  const assignSoon = () => {
    if (pending) return;
    pending = setTimeout(async () => {
      pending = null;
      if (running) return assignSoon();
      running = true;
      try {
        await backfillAssignments(c);
      } catch (error) {
        deps.logger.error({ err: error }, 'assignment failed');
      } finally {
        running = false;
      }
    }, options.assignDelayMs ?? 50);
  };
  const unsubscribe = deps.events.subscribe((event) => {
    if (event.type === 'message.created' || event.type === 'case.updated') assignSoon();
  });
  const seconds = options.slaSweepSeconds ?? 30;
  const tick = async () => {
    await sweepSla(c).catch((error) => deps.logger.error({ err: error }, 'SLA sweep failed'));
    assignSoon();
  };
  // With a job runner the sweep runs in one process per period; without one, on a local timer (the sweep
  // is safe either way: each breach is claimed by a conditional UPDATE).
  let sweep: NodeJS.Timeout | null = null;
  if (options.schedule) await options.schedule('cases.sla-sweep', seconds, tick);
  else {
    sweep = setInterval(() => void tick(), seconds * 1000);
    sweep.unref();
  }
  return () => {
    unsubscribe();
    if (sweep) clearInterval(sweep);
    if (pending) clearTimeout(pending);
  };
}
