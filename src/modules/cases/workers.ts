import type { AppDeps } from '../../app-deps.ts';
import { backfillAssignments } from './assignment.ts';
import { caseDepsFrom } from './cases.routes.ts';
import { sweepSla } from './sla-sweep.ts';

/**
 * Background work of the case engine in this process: assignment shortly after cases open or capacity frees
 * (coalesced), and the SLA sweep on a timer. Safe with many processes: both claim rows with conditional
 * updates and row locks.
 */
export function startCaseWorkers(deps: AppDeps, options: { slaSweepMs?: number; assignDelayMs?: number } = {}): () => void {
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
  const sweep = setInterval(() => {
    sweepSla(c).catch((error) => deps.logger.error({ err: error }, 'SLA sweep failed'));
    assignSoon();
  }, options.slaSweepMs ?? 30_000);
  sweep.unref();
  return () => {
    unsubscribe();
    clearInterval(sweep);
    if (pending) clearTimeout(pending);
  };
}
