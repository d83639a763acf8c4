import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ENGINE, openTestDatabase } from '../../../test/helpers.ts';
import { type Database, openDatabase } from '../db.ts';
import { createLogger } from '../logger.ts';
import { createJobs, type Jobs } from './index.ts';

const logger = createLogger('silent');
/**
 * Database.close() ends the pool through Kysely, which ends it only if Kysely itself was used; these tests
 * use the pool alone (as pg-boss does), so end it here or an idle client keeps the process alive ~10 s.
 */
async function closeDatabase(database: Database): Promise<void> {
  if (!(database.pool as unknown as { ending: boolean }).ending) await database.pool.end();
  await database.close();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with the handler's argument the n-th time it is called (or rejects after timeoutMs). */
function callCounter<T>() {
  const calls: T[] = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  return {
    calls,
    record(value: T) {
      calls.push(value);
      for (const w of waiters.filter((w) => calls.length >= w.n)) w.resolve();
    },
    async waitFor(n: number, timeoutMs = 5_000) {
      if (calls.length >= n) return;
      let timer: NodeJS.Timeout | undefined;
      try {
        await new Promise<void>((resolve, reject) => {
          waiters.push({ n, resolve });
          timer = setTimeout(() => reject(new Error(`expected ${n} call(s) within ${timeoutMs} ms, got ${calls.length}`)), timeoutMs);
        });
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

describe('job runner', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let jobs: Jobs;

  before(async () => {
    ({ database, drop } = await openTestDatabase());
    jobs = createJobs({ pool: database.pool, engine: database.engine, logger });
    await jobs.start();
  });

  after(async () => {
    await jobs.stop();
    await closeDatabase(database);
    await drop();
  });

  test('a job sent to a queue is handed to its worker with its data', async () => {
    const seen = callCounter<{ caseId: string }>();
    await jobs.work<{ caseId: string }>('test-reminder', async (data) => seen.record(data), { pollingIntervalSeconds: 0.5 });
    const id = await jobs.send('test-reminder', { caseId: 'case_0123456789abcdef' });
    assert.ok(id);
    await seen.waitFor(1);
    assert.deepEqual(seen.calls, [{ caseId: 'case_0123456789abcdef' }]);
  });

  test('a failing job is retried up to its retry limit', async () => {
    const attempts = callCounter<number>();
    await jobs.work(
      'test-flaky',
      async () => {
        attempts.record(attempts.calls.length + 1);
        if (attempts.calls.length === 1) throw new Error('first attempt fails');
      },
      { pollingIntervalSeconds: 0.5, retryLimit: 1, retryDelaySeconds: 0 },
    );
    await jobs.send('test-flaky', {});
    await attempts.waitFor(2);
    await sleep(700); // a third attempt would come within one poll
    assert.deepEqual(attempts.calls, [1, 2]);
  });

  test('a recurring job runs once per period', async () => {
    const runs = callCounter<Date>();
    const started = performance.now();
    await jobs.every('test-every-second', 1, async ({ slot }) => runs.record(slot));
    await runs.waitFor(3, 6_000);
    const elapsedSeconds = (performance.now() - started) / 1000;
    const slots = runs.calls.map((d) => d.getTime());
    assert.equal(new Set(slots).size, slots.length, 'never twice in one period');
    assert.ok(slots.length <= Math.ceil(elapsedSeconds) + 1, `${slots.length} runs in ${elapsedSeconds.toFixed(1)} s`);
    for (const slot of slots) assert.equal(slot % 1000, 0, 'slots start on period boundaries');
  });
});

describe('job runner with several processes on one PostgreSQL database', { skip: ENGINE !== 'postgres' && 'PGlite serves one process' }, () => {
  let database: Database;
  let second: Database;
  let drop: () => Promise<void>;
  let runners: Jobs[] = [];

  before(async () => {
    ({ database, drop } = await openTestDatabase());
    const url = (database.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    second = await openDatabase({ databaseUrl: url, poolMax: 4 });
    runners = [createJobs({ pool: database.pool, engine: 'postgres', logger }), createJobs({ pool: second.pool, engine: 'postgres', logger })];
    await Promise.all(runners.map((r) => r.start())); // concurrent starts: pg-boss installs its schema once
  });

  after(async () => {
    await Promise.all(runners.map((r) => r.stop()));
    await closeDatabase(second);
    await closeDatabase(database);
    await drop();
  });

  test('a recurring job registered in two processes runs once per period, in one of them', async () => {
    const runs: Array<{ runner: number; slot: number; startedAt: number; endedAt: number }> = [];
    const started = performance.now();
    await Promise.all(
      runners.map((runner, i) =>
        runner.every('test-sweep', 1, async ({ slot }) => {
          const startedAt = performance.now();
          await sleep(50);
          runs.push({ runner: i, slot: slot.getTime(), startedAt, endedAt: performance.now() });
        }),
      ),
    );
    await sleep(3_300);
    const elapsedSeconds = (performance.now() - started) / 1000;
    const slots = runs.map((r) => r.slot);
    assert.ok(runs.length >= 2, `ran ${runs.length} times`);
    assert.equal(new Set(slots).size, slots.length, `one run per period: ${JSON.stringify(runs.map((r) => [r.runner, r.slot]))}`);
    assert.ok(runs.length <= Math.ceil(elapsedSeconds) + 1, `${runs.length} runs in ${elapsedSeconds.toFixed(1)} s`);
    const sorted = [...runs].sort((a, b) => a.startedAt - b.startedAt);
    for (let i = 1; i < sorted.length; i++) {
      assert.ok((sorted[i]?.startedAt ?? 0) >= (sorted[i - 1]?.endedAt ?? 0), 'runs never overlap');
    }
  });
});
