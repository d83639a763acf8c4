import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { createLogger } from '../../platform/logger.ts';
import { createDefaultNotifier, type Notification } from './index.ts';

function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

const notification: Notification = {
  id: 'outbox-7',
  topic: 'case.message.agent_reply',
  channel: 'email',
  template: 'secure_message.new_reply',
  to: 'jordan.lee@example.test',
  subject: 'New secure message about case AX-100123',
  text: 'You have a new secure message about case AX-100123.',
  html: '<p>You have a new secure message about case AX-100123.</p>',
};

test('without SMTP_URL, e-mail is logged as "would send" with a masked address and no content', async () => {
  const { logger, lines } = capturedLogger();
  const notifier = createDefaultNotifier({ smtpUrl: undefined, smtpFrom: 'x@example.test', publicUrl: 'http://localhost:3000', logger });
  await notifier.send(notification);
  await notifier.close?.();
  assert.equal(lines.length, 1);
  const entry = JSON.parse(lines[0] as string) as Record<string, unknown>;
  assert.equal(entry.msg, 'would send email notification');
  assert.equal(entry.level, 30);
  assert.equal(entry.to, 'j•••@example.test');
  assert.equal(entry.reason, 'SMTP_URL is not set');
  assert.ok(!lines[0]?.includes('AX-100123') && !lines[0]?.includes('jordan.lee'));
});

test('text messages are logged only (no SMS provider yet)', async () => {
  const { logger, lines } = capturedLogger();
  const notifier = createDefaultNotifier({ smtpUrl: 'smtp://127.0.0.1:9', smtpFrom: 'x@example.test', publicUrl: 'http://localhost:3000', logger });
  await notifier.send({ ...notification, channel: 'sms', to: '+15555550123' });
  await notifier.close?.();
  const entry = JSON.parse(lines[0] as string) as Record<string, unknown>;
  assert.equal(entry.msg, 'would send sms notification');
  assert.equal(entry.to, '•••23');
});
