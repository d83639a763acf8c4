import type { Db, Tx } from './db.ts';

/**
 * One transaction and what must happen after it (CONVENTIONS habit 8): use cases write through `tx` and
 * register notifications, live updates or cleanup with `afterCommit` / `afterRollback`. Guard work (reads,
 * parsing, redaction) happens before the unit starts, so a transaction never waits on another connection.
 */
export type Unit = {
  tx: Tx;
  afterCommit(fn: () => unknown): void;
  afterRollback(fn: () => unknown): void;
};

async function runAll(fns: Array<() => unknown>): Promise<void> {
  for (const fn of fns) {
    try {
      await fn();
    } catch {
      // after-commit work must not turn a committed change into an error for the caller
    }
  }
}

export async function inUnit<T>(db: Db, work: (unit: Unit) => Promise<T>): Promise<T> {
  const commits: Array<() => unknown> = [];
  const rollbacks: Array<() => unknown> = [];
  let result: T;
  try {
    result = await db.transaction().execute((tx) => work({ tx, afterCommit: (fn) => commits.push(fn), afterRollback: (fn) => rollbacks.push(fn) }));
  } catch (error) {
    await runAll(rollbacks);
    throw error;
  }
  await runAll(commits);
  return result;
}
