import type { Message, StaffMessage } from '../api-types.ts';
import { formatDateTime, humanize } from '../components/format.ts';
import { AttachmentList } from './attachments.tsx';

const REDACTION_WORDS: Record<string, string> = {
  pan: 'a card number',
  card_number: 'a card number',
  cvv: 'a security code',
  cvc: 'a security code',
  security_code: 'a security code',
  pin: 'a PIN',
  otp: 'a one-time code',
  one_time_code: 'a one-time code',
  ssn: 'a Social Security number',
  password: 'a password',
};

export function redactionText(redactions: Message['redactions']): string | null {
  if (redactions.length === 0) return null;
  const words = [...new Set(redactions.map((r) => REDACTION_WORDS[r.kind] ?? humanize(r.kind).toLowerCase()))];
  const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words[0];
  return `We removed ${list} from this message to keep it safe.`;
}

type Audience = 'cardholder' | 'staff';

function isStaffAuthor(message: Message): boolean {
  return message.author.role !== 'cardholder' && message.author.role !== 'system';
}

function Author({ message, audience }: { message: Message; audience: Audience }) {
  const { author } = message;
  if (audience === 'cardholder' && author.role === 'cardholder') return <span className="message__name">You</span>;
  if (author.role === 'system') return <span className="message__name">{author.displayName || 'Automatic message'}</span>;
  return (
    <>
      <span className="message__name">{author.displayName}</span>
      {author.agentCode ? <span className="message__code">Agent ID {author.agentCode}</span> : null}
      {audience === 'staff' && author.role === 'cardholder' ? <span className="message__code">Cardholder</span> : null}
    </>
  );
}

/** One message of a conversation: who (name and agent ID), when, what, the files, and whether it was read. */
export function MessageItem({ message, audience }: { message: Message | StaffMessage; audience: Audience }) {
  const isInternal = 'internal' in message && message.internal;
  const isMine = audience === 'cardholder' ? message.author.role === 'cardholder' : isStaffAuthor(message);
  const removed = redactionText(message.redactions);
  const kind = isInternal ? 'message--internal' : isMine ? 'message--mine' : 'message--theirs';
  const headingId = `msg-${message.id}`;
  return (
    <article className={`message ${kind}`} aria-labelledby={headingId}>
      {isInternal ? <p className="message__internal-label">Internal note — not visible to the cardholder</p> : null}
      <h3 className="message__author" id={headingId}>
        <Author message={message} audience={audience} />
        <span className="visually-hidden">, </span>
        <time className="message__time" dateTime={message.createdAt}>
          {formatDateTime(message.createdAt)}
        </time>
      </h3>
      <div className="message__body">{message.body}</div>
      <AttachmentList items={message.attachments} />
      {removed ? <p className="message__removed">{removed}</p> : null}
      {isMine && !isInternal ? (
        <p className="message__receipt">{message.readAt ? `Read ${formatDateTime(message.readAt)}` : 'Delivered, not read yet'}</p>
      ) : null}
    </article>
  );
}
