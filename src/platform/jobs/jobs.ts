import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Engine } from '../db.ts';

/**
 * Background jobs on the application's own database, through pg-boss (STACK.md). The same code runs on
 * PostgreSQL and on embedded PGlite: pg-boss talks to our pg pool through its `db.executeSql` option, so it
 * opens no connections of its own (PGlite has exactly one). Its tables live in the `pgboss` schema, which
 * pg-boss creates and migrates itself at start (with an advisory lock, so concurrent starts are safe).
 */

export type JobInfo = { id: string; name: string };
export type JobHandler<T> = (data: T, job: JobInfo) => Promise<void>;
/** `slot` is the start of the period this run belongs to (database time): one run per slot, cluster-wide. */
export type RecurringHandler = (run: { slot: Date; jobId: string }) => Promise<void>;

export type WorkOptions = {
  /** How often idle workers look for jobs; pg-boss's minimum is 0.5. */
  pollingIntervalSeconds?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** A job still running after this long is failed (and retried per retryLimit). */
  expireInSeconds?: number;
};

export type SendOptions = {
  startAfterSeconds?: number;
  /** With singletonSeconds: at most one job per key per time slot. */
  singletonKey?: string;
  singletonSeconds?: number;
  retryLimit?: number;
};

export type EveryOptions = { timeoutSeconds?: number; pollingIntervalSeconds?: number };

export type Jobs = {
  start(): Promise<void>;
  /**
   * Stops ticking and fetching, waits up to `graceMs` for running handlers, then lets go of the pool (close
   * the pool after this). A stopped runner cannot be started again: create a new one.
   */
  stop(graceMs?: number): Promise<void>;
  work<T extends object>(name: string, handler: JobHandler<T>, options?: WorkOptions): Promise<void>;
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string | null>;
  every(name: string, intervalSeconds: number, handler: RecurringHandler, options?: EveryOptions): Promise<void>;
};

export type CreateJobsOptions = { pool: pg.Pool; engine: Engine; logger: Logger };

/** pg-boss checks option keys by presence (`'retryLimit' in options`), so undefined values must be left out. */
function defined<T extends object>(options: T): T {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as T;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * pg-boss keeps the slot in a `timestamp without time zone` computed in UTC, and pg reads such values as
 * local time: undo that shift so the slot is right whatever the process's TZ.
 */
function utcSlot(value: Date | null): Date | null {
  return value ? new Date(value.getTime() - value.getTimezoneOffset() * 60_000) : null;
}

export function createJobs({ pool, engine, logger }: CreateJobsOptions): Jobs {
  // pg-boss's stop() does not wait for its polling loops to finish their last query, and the caller closes
  // the pool right after stop(). So queries are counted, stop() waits for them, and once stopped the
  // adapter answers without touching the pool (an empty result: nothing fetched, nothing changed).
  let closed = false;
  const pending = new Set<Promise<unknown>>();
  const executeSql = (text: string, values?: unknown[]) => {
    if (closed) return Promise.resolve({ rows: [] });
    // Text without values goes through the simple protocol: pg-boss sends multi-statement scripts
    // (schema creation, migrations) that the extended protocol would refuse.
    const query = values?.length ? pool.query(text, values) : pool.query(text);
    pending.add(query);
    const forget = () => pending.delete(query);
    query.then(forget, forget);
    return query;
  };
  const boss = new PgBoss({
    db: { executeSql },
    schedule: false, // no cron: `every` below is ours, with sub-minute periods
    supervise: true, // expiry, archiving and retention; pg-boss runs it in one process at a time
    // Expiry is what frees a singleton job whose process died mid-run: check every minute, not every two.
    maintenanceIntervalSeconds: 60,
  });
  boss.on('error', (error) => logger.error({ error: errorText(error) }, 'job runner error'));
  const queues = new Set<string>();
  const tickers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  let started = false;

  /** Queue options (retries, expiry, policy) take effect when the queue is first created. */
  async function ensureQueue(name: string, options: PgBoss.Queue = { name }): Promise<void> {
    if (queues.has(name)) return;
    // Idempotent, also across processes; but two processes creating the same queue at the same moment can
    // deadlock inside pg-boss (PostgreSQL picks one victim), so the victim tries again.
    await retryTransient(() => boss.createQueue(name, defined({ ...options, name })));
    queues.add(name);
  }

  function requireStarted(): void {
    if (!started) throw new Error('jobs: call start() first');
  }

  function runHandler<T>(name: string, handler: JobHandler<T>) {
    return async (batch: PgBoss.Job<T>[]) => {
      for (const job of batch) {
        try {
          await handler(job.data, { id: job.id, name });
        } catch (error) {
          logger.error({ job: name, jobId: job.id, error: errorText(error) }, 'job failed');
          throw error; // pg-boss records the failure and retries per the queue's retryLimit
        }
      }
    };
  }

  return {
    async start() {
      if (started) return;
      if (closed) throw new Error('jobs: a stopped runner cannot be restarted');
      await retryTransient(() => boss.start());
      started = true;
      logger.info({ engine }, 'job runner started');
    },

    async stop(graceMs = 10_000) {
      for (const ticker of tickers) clearInterval(ticker);
      tickers.clear();
      if (!started) return;
      started = false;
      await Promise.all(inFlight); // an offer in flight must not outlive the pool the caller closes next
      await boss.stop({ graceful: true, timeout: graceMs, close: false });
      closed = true;
      await Promise.allSettled([...pending]);
    },

    async work(name, handler, options = {}) {
      requireStarted();
      await ensureQueue(name, {
        name,
        retryLimit: options.retryLimit,
        retryDelay: options.retryDelaySeconds,
        retryBackoff: options.retryBackoff,
        expireInSeconds: options.expireInSeconds,
      });
      await boss.work(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, runHandler(name, handler));
    },

    async send(name, data, options = {}) {
      requireStarted();
      await ensureQueue(name);
      return boss.send(
        name,
        data,
        defined({
          startAfter: options.startAfterSeconds,
          singletonKey: options.singletonKey,
          singletonSeconds: options.singletonSeconds,
          retryLimit: options.retryLimit,
        }),
      );
    },

    /**
     * A recurring job that runs once per `intervalSeconds` across all processes sharing the database. Every
     * process ticks a few times per period and offers a job for the current slot; pg-boss's throttle index
     * (name, singleton_on, singleton_key) keeps exactly one per slot, computed from the database's clock, and
     * the `singleton` queue policy lets only one run at a time, so a slow run is never overlapped. Whichever
     * process fetches the job runs it; a failed run is not retried (the next slot is the retry).
     */
    async every(name, intervalSeconds, handler, options = {}) {
      requireStarted();
      if (!Number.isInteger(intervalSeconds) || intervalSeconds < 1) throw new Error('jobs.every: intervalSeconds must be a whole number ≥ 1');
      const timeoutSeconds = options.timeoutSeconds ?? Math.max(60, intervalSeconds * 5);
      await ensureQueue(name, { name, policy: 'singleton', retryLimit: 0, expireInSeconds: timeoutSeconds });
      const workerId = await boss.work<object>(
        name,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? Math.min(2, Math.max(0.5, intervalSeconds / 2)), includeMetadata: true },
        async (batch) => {
          for (const job of batch) {
            try {
              await handler({ slot: utcSlot(job.singletonOn) ?? job.createdOn, jobId: job.id });
            } catch (error) {
              logger.error({ job: name, jobId: job.id, error: errorText(error) }, 'recurring job failed');
              throw error;
            }
          }
        },
      );
      let ticking = false;
      const offer = async () => {
        try {
          const id = await boss.send(name, {}, { singletonKey: name, singletonSeconds: intervalSeconds, retryLimit: 0 });
          if (id) boss.notifyWorker(workerId); // we created this slot's job: fetch it now rather than at the next poll
        } catch (error) {
          logger.warn({ job: name, error: errorText(error) }, 'could not offer a recurring job');
        }
      };
      const tick = async () => {
        if (ticking || !started) return;
        ticking = true;
        const pending = offer();
        inFlight.add(pending);
        await pending;
        inFlight.delete(pending);
        ticking = false;
      };
      // Several ticks per period, so a slot's job appears soon after the slot opens whichever process ticks.
      tickers.add(setInterval(tick, Math.max(250, Math.min(10_000, (intervalSeconds * 1000) / 4))));
      void tick();
    },
  };
}

const TRANSIENT = new Set(['40P01', '40001', '23505']); // deadlock, serialization failure, a concurrent creator won

/** Retries work that can lose a race with another process doing the same thing (schema or queue creation). */
async function retryTransient<T>(work: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (i >= attempts || !code || !TRANSIENT.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * i + Math.floor(Math.random() * 50)));
    }
  }
}
