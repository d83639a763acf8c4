import type { Schedule } from '../../platform/jobs/index.ts';
import type { AppDeps } from '../../app-deps.ts';
import { backfillPass } from './assignment.ts';
import { caseDepsFrom } from './cases.routes.ts';
import { sweepSla } from './sla-sweep.ts';

/**
 * Background work of the case engine in this process: assignment shortly after cases open or capacity frees
 * (coalesced), and the SLA sweep on a timer. Safe with many processes: both claim rows with conditional
 * updates and row locks.
 */

export type CaseWorkerOptions = {
  slaSweepSeconds?: number;
  assignDelayMs?: number;
  schedule?: Schedule;
  /** Called after each assignment pass (observability: tests, metrics). */
  onAssignPass?: (pass: { assigned: number; full: boolean }) => void;
};

export async function startCaseWorkers(deps: AppDeps, options: CaseWorkerOptions = {}): Promise<() => void> {
  const c = caseDepsFrom(deps);
  let pending: NodeJS.Timeout | null = null;
  let running = false;
  // The last pass found every available agent at capacity. A new message cannot change that, so until a case
  // changes (a resolution or a reassignment frees room) or the timer comes round, messages start no pass: under
  // load a pass every 50 ms cost more database time than the messages it followed.
  let full = false;
  const assignSoon = () => {
    if (pending) return;
    pending = setTimeout(async () => {
      pending = null;
      if (running) return assignSoon();
      running = true;
      try {
        const pass = await backfillPass(c);
        full = pass.full;
        options.onAssignPass?.(pass);
      } catch (error) {
        deps.logger.error({ err: error }, 'assignment failed');
      } finally {
        running = false;
      }
    }, options.assignDelayMs ?? 50);
  };
  const unsubscribe = deps.events.subscribe((event) => {
    if (event.type === 'case.updated') {
      full = false;
      assignSoon();
    } else if (event.type === 'message.created' && !full) assignSoon();
  });
  const seconds = options.slaSweepSeconds ?? 30;
  const tick = async () => {
    await sweepSla(c).catch((error) => deps.logger.error({ err: error }, 'SLA sweep failed'));
    full = false;
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
