import nodemailer from 'nodemailer';
import type { Notification, Notifier } from './notification.types.ts';

export type SmtpNotifierOptions = {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465; nodemailer URL options apply. */
  url: string;
  /** The From header, e.g. `Example Bank <no-reply@example.com>`. */
  from: string;
  /** Domain of the Message-ID; the host of PUBLIC_URL is a good choice. */
  messageIdDomain: string;
};

// Bounded so a hung server fails the attempt well within the dispatcher's lease (dispatcher.ts); the
// pool reuses connections between notifications.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** The default e-mail adapter: delivers over SMTP with nodemailer. */
export function createSmtpNotifier(options: SmtpNotifierOptions): Notifier {
  const transport = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: 2,
    ...TIMEOUTS,
    // Our messages have no attachments; refuse nodemailer's file/URL fetching outright.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(n: Notification): Promise<void> {
      if (n.channel !== 'email') throw new Error(`the SMTP adapter cannot send ${n.channel}`);
      await transport.sendMail({
        from: options.from,
        to: n.to,
        subject: n.subject,
        text: n.text,
        html: n.html,
        // Stable per outbox row: if a crash makes us send a row twice, mail systems can tell it is a repeat.
        messageId: `<${n.id}@${options.messageIdDomain}>`,
        headers: { 'Auto-Submitted': 'auto-generated' }, // RFC 3834: no vacation auto-replies
      });
    },
    async close(): Promise<void> {
      transport.close();
    },
  };
}
