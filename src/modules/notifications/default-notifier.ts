import type { Logger } from 'pino';
import { createLogNotifier, createSmsLogNotifier } from './log-notifier.ts';
import type { Notifier } from './notification.types.ts';
import { createSmtpNotifier } from './smtp-notifier.ts';

export type DefaultNotifierOptions = {
  /** SMTP_URL; when unset, e-mail is only logged ("would send"), so Cardcare starts without a mail server. */
  smtpUrl: string | undefined;
  /** SMTP_FROM */
  smtpFrom: string;
  /** PUBLIC_URL: its host names the Message-IDs. */
  publicUrl: string;
  logger: Logger;
};

/** Routes by channel: e-mail over SMTP (or logged when SMTP_URL is unset), SMS logged only. */
export function createDefaultNotifier(options: DefaultNotifierOptions): Notifier {
  const email = options.smtpUrl
    ? createSmtpNotifier({ url: options.smtpUrl, from: options.smtpFrom, messageIdDomain: new URL(options.publicUrl).hostname })
    : createLogNotifier(options.logger, 'SMTP_URL is not set');
  const sms = createSmsLogNotifier(options.logger);
  return {
    send: (n) => (n.channel === 'email' ? email.send(n) : sms.send(n)),
    async close() {
      await email.close?.();
    },
  };
}
