// Public door of the job runner (pg-boss on the application's database; see jobs.ts).
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
