// Public door of the job runner (pg-boss on the application's database; see jobs.ts).
import type { Jobs } from './jobs.ts';

export {
  type CreateJobsOptions,
  createJobs,
  type EveryOptions,
  type JobHandler,
  type JobInfo,
  type Jobs,
  type RecurringHandler,
  type SendOptions,
  type WorkOptions,
} from './jobs.ts';

/**
 * How a module's background work asks for a recurring run: `run` every `seconds`, in one process per period.
 * The server passes `scheduleWith(jobs)`; a module without one (a test) falls back to a local timer.
 */
export type Schedule = (name: string, seconds: number, run: () => Promise<unknown>) => Promise<void>;

export function scheduleWith(jobs: Pick<Jobs, 'every'>): Schedule {
  return (name, seconds, run) => jobs.every(name, seconds, async () => void (await run()));
}
