import type { Schedule } from '../../platform/jobs/index.ts';
import type { AppDeps } from '../../app-deps.ts';
import { caseDepsFrom } from '../cases/index.ts';
import { reviewHeldDemoAccount } from './review-rules.ts';
import { sweepReviews } from './sweep-reviews.ts';


/**
 * Background work of account reviews: at start, the rule that gives a held account without a review one;
 * then the document sweep (reminders, overdue escalation) every `seconds`, through the job runner when one is
 * given (one process per period), else on a local timer (the sweep is safe either way: each act is claimed).
 */
export async function startReviewWorkers(deps: AppDeps, options: { seconds?: number; schedule?: Schedule } = {}): Promise<() => void> {
  const c = caseDepsFrom(deps);
  await reviewHeldDemoAccount(c).catch((error) => deps.logger.error({ err: error }, 'review rule at start failed'));
  const tick = () => sweepReviews(c).catch((error) => deps.logger.error({ err: error }, 'review sweep failed'));
  const seconds = options.seconds ?? 60;
  if (options.schedule) {
    await options.schedule('reviews.document-sweep', seconds, tick);
    return () => {};
  }
  const timer = setInterval(() => void tick(), seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
