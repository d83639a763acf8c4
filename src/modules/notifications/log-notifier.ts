import type { Logger } from 'pino';
import type { Notification, Notifier } from './notification.types.ts';

/** j•••@example.com / •••••••67: enough to tell recipients apart in a log, not enough to harvest them. */
export function maskAddress(address: string): string {
  const at = address.indexOf('@');
  if (at > 0) return `${address[0]}•••${address.slice(at)}`;
  return `•••${address.slice(-2)}`;
}

/**
 * Logs that a notification would have been sent, without its content. Used for e-mail when SMTP_URL is not
 * set (so `npm start` works without a mail server) and for SMS.
 */
export function createLogNotifier(logger: Logger, reason: string): Notifier {
  return {
    async send(n: Notification): Promise<void> {
      logger.info({ notificationId: n.id, topic: n.topic, channel: n.channel, template: n.template, to: maskAddress(n.to), reason }, `would send ${n.channel} notification`);
    },
  };
}

/** LIMITATION: there is no SMS provider yet; text messages are only logged. */
export function createSmsLogNotifier(logger: Logger): Notifier {
  return createLogNotifier(logger, 'no SMS provider is configured');
}

export type CaptureNotifier = Notifier & {
  sent: Notification[];
  /** The next `count` sends reject with `message` (to test retries). */
  failNext(count: number, message?: string): void;
};

/** For tests: keeps what was sent in memory. */
export function createCaptureNotifier(): CaptureNotifier {
  let failures = 0;
  let failure = 'simulated delivery failure';
  const sent: Notification[] = [];
  return {
    sent,
    failNext(count, message = failure) {
      failures = count;
      failure = message;
    },
    async send(n) {
      if (failures > 0) {
        failures--;
        throw new Error(failure);
      }
      sent.push(n);
    },
  };
}
