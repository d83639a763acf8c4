/** How a notification reaches a person. Push is planned; it would be one more adapter behind the port. */
export type Channel = 'email' | 'sms';

export type TemplateName = 'secure_message.new_reply' | 'case.opened' | 'fraud_alert' | 'document_request.reminder';

/**
 * Who should hear about it. Give a customer or user id and the address is looked up when the notification is
 * sent (so a changed contact address is honoured); give `email`/`phone` to send to that address as is.
 */
export type Recipient = { customerId?: string; userId?: string; email?: string; phone?: string };

/** What the outbox row's `payload` holds. `data` holds only the fields the template allows (see templates.ts). */
export type OutboxPayload = {
  v: 1;
  channel: Channel;
  template: TemplateName;
  recipient: Recipient;
  data: Record<string, string>;
};

/** A rendered notification, ready for an adapter. It never carries message content, amounts or card digits. */
export type Notification = {
  /** Stable per outbox row: adapters use it as an idempotency key (e-mail Message-ID). */
  id: string;
  topic: string;
  channel: Channel;
  template: TemplateName;
  to: string;
  subject: string;
  text: string;
  html: string;
};

/**
 * The Notifier port (DESIGN.md, Architecture). `send` resolves once the provider accepted the notification
 * and rejects when it did not, so the dispatcher can retry. Adapters must not log the content.
 */
export type Notifier = {
  send(notification: Notification): Promise<void>;
  close?(): Promise<void>;
};
