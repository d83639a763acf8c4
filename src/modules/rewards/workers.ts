import type { Schedule } from '../../platform/jobs/index.ts';
import type { AppDeps } from '../../app-deps.ts';
import { caseDepsFrom } from '../cases/index.ts';
import { sweepRewards } from './sweep-rewards.ts';


/**
 * Background work of rewards: the posting sweep at start and every `seconds` (default 5 minutes), through the job runner when
 * one is given (one process per period), else on a local timer. Safe either way: the sync is idempotent and
 * serialized per account.
 */
export async function startRewardsWorkers(deps: AppDeps, options: { seconds?: number; schedule?: Schedule } = {}): Promise<() => void> {
  const c = caseDepsFrom(deps);
  const tick = () => sweepRewards(c).catch((error) => deps.logger.error({ err: error }, 'rewards posting sweep failed'));
  const seconds = options.seconds ?? 300;
  void tick(); // once at start (not awaited): a disagreement planted or imported while down opens its case now
  if (options.schedule) {
    await options.schedule('rewards.posting-sweep', seconds, tick);
    return () => {};
  }
  const timer = setInterval(() => void tick(), seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
