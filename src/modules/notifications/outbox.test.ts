import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, TEST_AS_OF } from '../../../test/helpers.ts';
import { ManualClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { createLogger } from '../../platform/logger.ts';
import {
  createCaptureNotifier,
  createSmtpNotifier,
  type DispatcherOptions,
  dispatchOnce,
  enqueueNotification,
  type Notifier,
  nudgeDispatchers,
  startDispatcher,
} from './index.ts';
import { startTestSmtpServer, type TestSmtpServer } from './smtp-test-server.ts';

const PUBLIC_URL = 'https://cards.example.test';
const SECRET_BODY = 'Please refund the $912.40 charge from ACME on my card';
const logger = createLogger('silent');

type OutboxRow = { id: number; attempts: number; available_at: Date; delivered_at: Date | null; dead_at: Date | null; last_error: string | null; payload: unknown };

describe('notification outbox and dispatcher', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let smtp: TestSmtpServer;
  let smtpNotifier: Notifier;
  let clock: ManualClock;
  let customer: { id: string; email: string };

  const options = (notifier: Notifier = smtpNotifier, extra: Partial<DispatcherOptions> = {}): DispatcherOptions => ({
    db: database.db,
    clock,
    notifier,
    logger,
    publicUrl: PUBLIC_URL,
    issuerName: 'Example Bank',
    timeZone: 'America/New_York',
    ...extra,
  });

  const enqueueReply = (executor: Database['db'] = database.db) =>
    enqueueNotification(executor, {
      topic: 'case.message.agent_reply',
      recipient: { customerId: customer.id },
      template: 'secure_message.new_reply',
      data: { caseNumber: 'AX-100123', body: SECRET_BODY, amountCents: 91240 },
      now: clock.now(),
    });

  const outboxRow = async (id: number) => (await sql<OutboxRow>`SELECT * FROM outbox WHERE id = ${id}`.execute(database.db)).rows[0] as OutboxRow;

  before(async () => {
    ({ database, drop } = await openTestDatabase());
    smtp = await startTestSmtpServer();
    smtpNotifier = createSmtpNotifier({ url: smtp.url, from: 'Example Bank <no-reply@example.test>', messageIdDomain: 'cards.example.test' });
    const { rows } = await sql<{ id: string; email: string }>`SELECT id, email FROM customers ORDER BY id LIMIT 1`.execute(database.db);
    customer = rows[0] as { id: string; email: string };
  });

  after(async () => {
    await smtpNotifier.close?.();
    await smtp.close();
    await database.close();
    await drop();
  });

  beforeEach(async () => {
    clock = new ManualClock(TEST_AS_OF);
    await dispatchOnce(options(createCaptureNotifier())); // nothing left over from an earlier test
    smtp.received.length = 0;
  });

  test('a notification enqueued in a transaction that rolls back is never sent', async () => {
    let outboxId = 0;
    await assert.rejects(
      database.db.transaction().execute(async (tx) => {
        ({ outboxId } = await enqueueReply(tx));
        throw new Error('the change failed after the notification was written');
      }),
      /change failed/,
    );
    assert.ok(outboxId > 0);
    const result = await dispatchOnce(options());
    assert.equal(result.claimed, 0);
    assert.equal(await outboxRow(outboxId), undefined);
    assert.equal(smtp.received.length, 0);
  });

  test('a committed notification is delivered once over SMTP: case number and sign-in link, never the message', async () => {
    const { outboxId } = await database.db.transaction().execute((tx) => enqueueReply(tx));
    const result = await dispatchOnce(options());
    assert.deepEqual(result, { claimed: 1, delivered: 1, retrying: 0, dead: 0 });
    assert.deepEqual((await dispatchOnce(options())).claimed, 0, 'a delivered row is not sent again');

    assert.equal(smtp.received.length, 1);
    const mail = smtp.received[0];
    assert.ok(mail);
    assert.deepEqual(mail.to, [customer.email]);
    assert.match(mail.decoded, /Subject: New secure message about case AX-100123/);
    assert.ok(mail.decoded.includes('You have a new secure message about case AX-100123. Sign in to read it:'));
    assert.ok(mail.decoded.includes(`${PUBLIC_URL}/sign-in?next=%2Fmessages`));
    assert.match(mail.decoded, new RegExp(`Message-ID: <outbox-${outboxId}@cards\\.example\\.test>`, 'i'));
    // Everything but the MIME boundary, which is random hex and held "912" by chance in one CI run in ~300.
    const boundary = /boundary="([^"]+)"/.exec(mail.decoded)?.[1];
    assert.ok(boundary, 'a multipart mail names its boundary');
    const content = mail.decoded.split(boundary).join('');
    assert.ok(!content.includes('ACME') && !content.includes('912'), 'the message content never leaves');

    const row = await outboxRow(outboxId);
    assert.deepEqual(row.delivered_at, TEST_AS_OF);
    assert.equal(row.attempts, 1);
    assert.ok(!JSON.stringify(row.payload).includes('ACME'), 'the content is not even stored in the outbox');
  });

  test('an SMTP failure is retried with exponential backoff, then delivered', async () => {
    smtp.refuseNext(2);
    const { outboxId } = await enqueueReply();

    assert.equal((await dispatchOnce(options())).retrying, 1);
    let row = await outboxRow(outboxId);
    assert.equal(row.attempts, 1);
    assert.match(row.last_error ?? '', /451/);
    assert.deepEqual(row.available_at, new Date(TEST_AS_OF.getTime() + 30_000));
    assert.equal((await dispatchOnce(options())).claimed, 0, 'not before its retry time');

    clock.advance(30_000);
    assert.equal((await dispatchOnce(options())).retrying, 1);
    row = await outboxRow(outboxId);
    assert.deepEqual(row.available_at, new Date(clock.now().getTime() + 60_000), 'the second wait is twice the first');

    clock.advance(59_000);
    assert.equal((await dispatchOnce(options())).claimed, 0);
    clock.advance(1_000);
    assert.equal((await dispatchOnce(options())).delivered, 1);
    row = await outboxRow(outboxId);
    assert.equal(row.attempts, 3);
    assert.equal(row.last_error, null);
    assert.equal(smtp.received.length, 1);
  });

  test('after the last attempt a notification is marked dead and kept', async () => {
    const failing = createCaptureNotifier();
    failing.failNext(10, 'provider down');
    const { outboxId } = await enqueueReply();
    const opts = options(failing, { maxAttempts: 2, retryBaseMs: 1_000 });
    assert.equal((await dispatchOnce(opts)).retrying, 1);
    clock.advance(1_000);
    assert.equal((await dispatchOnce(opts)).dead, 1);
    clock.advance(24 * 3600_000);
    assert.equal((await dispatchOnce(opts)).claimed, 0);
    const row = await outboxRow(outboxId);
    assert.deepEqual(row.dead_at, new Date(TEST_AS_OF.getTime() + 1_000));
    assert.equal(row.attempts, 2);
    assert.equal(row.last_error, 'provider down');
  });

  test('a recipient who cannot be reached is marked dead at once, without retrying', async () => {
    const capture = createCaptureNotifier();
    const { outboxId } = await enqueueNotification(database.db, {
      topic: 'case.opened',
      recipient: { customerId: 'cus_0000000000000000' },
      template: 'case.opened',
      data: { caseNumber: 'AX-100124' },
      now: clock.now(),
    });
    assert.equal((await dispatchOnce(options(capture))).dead, 1);
    assert.equal((await outboxRow(outboxId)).last_error, 'customer not found');
    assert.equal(capture.sent.length, 0);
  });

  test('a user recipient and the SMS channel resolve the customer contact details', async () => {
    const capture = createCaptureNotifier();
    const { rows } = await sql<{ id: string; phone: string }>`
      SELECT u.id, c.phone FROM users u JOIN customers c ON c.id = u.customer_id ORDER BY u.id LIMIT 1`.execute(database.db);
    const user = rows[0] as { id: string; phone: string };
    await enqueueNotification(database.db, { topic: 'case.opened', recipient: { userId: user.id }, template: 'case.opened', data: { caseNumber: 'AX-100125' }, now: clock.now(), channel: 'sms' });
    assert.equal((await dispatchOnce(options(capture))).delivered, 1);
    assert.equal(capture.sent[0]?.to, user.phone);
    assert.match(capture.sent[0]?.text ?? '', /^Example Bank: we opened case AX-100125/);
  });

  test('invalid input throws inside the caller transaction, so nothing is written', async () => {
    await assert.rejects(
      enqueueNotification(database.db, { topic: 'case.opened', recipient: {}, template: 'case.opened', data: { caseNumber: 'AX-1' }, now: clock.now() }),
      /no way to reach the recipient/,
    );
    await assert.rejects(
      enqueueNotification(database.db, { topic: 'case.opened', recipient: { customerId: customer.id }, template: 'case.opened', data: {}, now: clock.now() }),
      /caseNumber is required/,
    );
    assert.equal((await dispatchOnce(options())).claimed, 0);
  });

  test('the dispatcher sends a freshly committed notification within moments, not at the next interval', async () => {
    const running = startDispatcher({ ...options(), intervalMs: 60_000 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 50)); // let the start-up pass finish: only the nudge remains
      const committedAt = performance.now();
      await database.db.transaction().execute(async (tx) => {
        await enqueueReply(tx);
        await new Promise((resolve) => setTimeout(resolve, 30)); // the wake arrives before the commit
      });
      await smtp.waitFor(1, 2_000);
      const latencyMs = performance.now() - committedAt - 30;
      assert.ok(latencyMs < 1_000, `sent ${Math.round(latencyMs)} ms after commit`);
    } finally {
      await running.stop();
    }
  });

  test('a steady stream of nudges (a message every few milliseconds) does not keep postponing the pass', async () => {
    const running = startDispatcher({ ...options(), intervalMs: 60_000, nudgePollMs: 25 });
    const stream = setInterval(nudgeDispatchers, 2); // each nudge used to push the pending pass 25 ms further
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await enqueueReply();
      await smtp.waitFor(1, 2_000); // with the interval at a minute, only a nudged pass can send it
    } finally {
      clearInterval(stream);
      await running.stop();
    }
  });
});
