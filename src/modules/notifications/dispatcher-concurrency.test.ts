import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ENGINE, openTestDatabase, TEST_AS_OF } from '../../../test/helpers.ts';
import { ManualClock } from '../../platform/clock.ts';
import { type Database, openDatabase } from '../../platform/db.ts';
import { createLogger } from '../../platform/logger.ts';
import { createCaptureNotifier, DISPATCH_DEFAULTS, type DispatcherOptions, dispatchOnce, enqueueNotification, type Notification } from './index.ts';
import { claimDueRows } from './outbox.repo.ts';

const logger = createLogger('silent');

/** A capture notifier whose sends take a little while, so two dispatchers really overlap. */
function slowCapture(delayMs: number) {
  const capture = createCaptureNotifier();
  return {
    sent: capture.sent,
    async send(n: Notification) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await capture.send(n);
    },
  };
}

describe('dispatchers in several processes', () => {
  let database: Database;
  let second: Database; // a second pool on the same database: what another server process would have
  let drop: () => Promise<void>;
  const clock = new ManualClock(TEST_AS_OF);

  before(async () => {
    ({ database, drop } = await openTestDatabase());
    const url = (database.pool as unknown as { options: { connectionString?: string } }).options.connectionString;
    // PGlite serves one process: there the "second dispatcher" shares the one connection.
    second = ENGINE === 'postgres' && url ? await openDatabase({ databaseUrl: url, poolMax: 4 }) : database;
  });

  after(async () => {
    if (second !== database) await second.close();
    await database.close();
    await drop();
  });

  const options = (db: Database, notifier: DispatcherOptions['notifier']): DispatcherOptions => ({
    db: db.db,
    clock,
    notifier,
    logger,
    publicUrl: 'https://cards.example.test',
    batchSize: 2,
  });

  async function enqueueMany(count: number): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const { outboxId } = await enqueueNotification(database.db, {
        topic: 'case.opened',
        recipient: { email: `holder${i}@example.test` },
        template: 'case.opened',
        data: { caseNumber: `AX-${200000 + i}` },
        now: clock.now(),
      });
      ids.push(outboxId);
    }
    return ids;
  }

  test('dispatchers running at once in two processes deliver each notification exactly once', async () => {
    const ids = await enqueueMany(40);
    // Three dispatch loops per process: their claims collide often, which is what SKIP LOCKED must handle.
    const a = slowCapture(2);
    const b = slowCapture(2);
    const drain = async (opts: DispatcherOptions) => {
      let claimed = 0;
      for (let pass = (await dispatchOnce(opts)).claimed; pass > 0; pass = (await dispatchOnce(opts)).claimed) claimed += pass;
      return claimed;
    };
    const loops = [a, a, a].map((n) => drain(options(database, n))).concat([b, b, b].map((n) => drain(options(second, n))));
    const claimed = (await Promise.all(loops)).reduce((x, y) => x + y, 0);

    const sentIds = [...a.sent, ...b.sent].map((n) => n.id).sort();
    assert.deepEqual(sentIds, ids.map((id) => `outbox-${id}`).sort(), 'every row sent, none twice');
    assert.equal(claimed, ids.length, 'no row was claimed twice');
    if (ENGINE === 'postgres') {
      assert.ok(a.sent.length > 0 && b.sent.length > 0, `both processes worked (${a.sent.length} + ${b.sent.length})`);
    }
  });

  test('a dispatcher skips rows another one is claiming, without waiting for it', { skip: ENGINE !== 'postgres' && 'one connection on PGlite' }, async () => {
    const ids = await enqueueMany(4);
    const other = await second.pool.connect(); // another process, in the middle of its claim
    try {
      await other.query('BEGIN');
      await other.query('SELECT id FROM outbox WHERE id = ANY($1) FOR UPDATE', [ids.slice(0, 2)]);
      const capture = createCaptureNotifier();
      let timer: NodeJS.Timeout | undefined;
      const result = await Promise.race([
        dispatchOnce(options(database, capture)),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('the dispatcher waited for the locked rows')), 3_000);
        }),
      ]).finally(() => clearTimeout(timer));
      assert.equal(result.delivered, 2);
      assert.deepEqual(capture.sent.map((n) => n.id), ids.slice(2).map((id) => `outbox-${id}`));
    } finally {
      await other.query('ROLLBACK');
      other.release();
    }
    const later = createCaptureNotifier();
    assert.equal((await dispatchOnce(options(database, later))).delivered, 2, 'released rows are sent next time');
  });

  test('a dispatcher that dies after claiming loses nothing: the row is sent when its lease ends', async () => {
    const [id] = await enqueueMany(1);
    const claimed = await claimDueRows(second.db, clock.now(), DISPATCH_DEFAULTS.leaseMs, 10); // …and then the process dies
    assert.deepEqual(claimed.map((r) => r.id), [id]);

    const survivor = createCaptureNotifier();
    assert.equal((await dispatchOnce(options(database, survivor))).claimed, 0, 'not while the lease holds');
    clock.advance(DISPATCH_DEFAULTS.leaseMs);
    assert.equal((await dispatchOnce(options(database, survivor))).delivered, 1);
    assert.deepEqual(survivor.sent.map((n) => n.id), [`outbox-${id}`]);
  });
});
