import type { Executor } from '../../platform/db.ts';
import type { Channel, OutboxPayload, Recipient, TemplateName } from './notification.types.ts';
import { nudgeDispatchers } from './nudge.ts';
import { insertOutboxRow } from './outbox.repo.ts';
import { isTemplateName, pickTemplateData, supportsChannel } from './templates.ts';

export type EnqueueNotificationInput = {
  /** What happened, for operators and metrics: `case.message.agent_reply`, `case.opened` … */
  topic: string;
  recipient: Recipient;
  template: TemplateName;
  /** Only the fields the template declares are kept (see templates.ts); anything else is dropped. */
  data: Record<string, unknown>;
  now: Date;
  channel?: Channel;
};

function checkRecipient(recipient: Recipient, channel: Channel): Recipient {
  const out: Recipient = {};
  if (recipient.customerId) out.customerId = recipient.customerId;
  if (recipient.userId) out.userId = recipient.userId;
  if (recipient.email) {
    if (!/^[^\s@<>]+@[^\s@<>]+$/.test(recipient.email)) throw new Error('notification: recipient.email is not an e-mail address');
    out.email = recipient.email;
  }
  if (recipient.phone) {
    if (!/^\+[1-9][0-9]{6,14}$/.test(recipient.phone)) throw new Error('notification: recipient.phone must be E.164');
    out.phone = recipient.phone;
  }
  const direct = channel === 'email' ? out.email : out.phone;
  if (!direct && !out.customerId && !out.userId) throw new Error(`notification: no way to reach the recipient by ${channel}`);
  return out;
}

/**
 * Writes a notification into the outbox in the caller's transaction (CONVENTIONS habit 8): it is sent after
 * commit by the dispatcher, and not at all if the transaction rolls back. Invalid input throws, which rolls
 * the caller's transaction back: a bug should not commit a change whose notification is lost.
 */
export async function enqueueNotification(executor: Executor, input: EnqueueNotificationInput): Promise<{ outboxId: number }> {
  const row = outboxRowFor(input);
  const outboxId = await insertOutboxRow(executor, { topic: row.topic, payload: row.payload, now: input.now });
  nudgeDispatchers(); // the dispatcher keeps polling briefly until the row is committed and visible
  return { outboxId };
}

export type OutboxRow = { topic: string; payload: OutboxPayload; created_at: Date; available_at: Date };

/**
 * The checked outbox row without writing it, for a caller that writes everything in one statement
 * (platform/write-batch.ts); it calls `nudgeDispatchers()` after that statement.
 */
export function outboxRowFor(input: EnqueueNotificationInput): OutboxRow {
  if (!isTemplateName(input.template)) throw new Error(`notification: unknown template ${String(input.template)}`);
  const channel = input.channel ?? 'email';
  if (!supportsChannel(input.template, channel)) throw new Error(`notification: ${input.template} cannot be sent by ${channel}`);
  if (!/^[a-z][a-z0-9_.]{0,99}$/.test(input.topic)) throw new Error('notification: topic must be a dotted lower-case name');
  const payload: OutboxPayload = {
    v: 1,
    channel,
    template: input.template,
    recipient: checkRecipient(input.recipient, channel),
    data: pickTemplateData(input.template, input.data),
  };
  return { topic: input.topic, payload, created_at: input.now, available_at: input.now };
}
