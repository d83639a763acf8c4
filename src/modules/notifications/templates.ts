import type { Channel, TemplateName } from './notification.types.ts';

/**
 * Notification templates, in our own words. A notification only says that something is waiting and links to
 * the signed-in site: e-mail and SMS are not confidential channels, and messages that carry details are
 * what phishing imitates. So a template can read only the fields it declares (an allow-list, like the
 * response schemas): message content, amounts and card digits cannot reach it even if a caller passes them.
 */

export type RenderContext = { publicUrl: string; issuerName: string; timeZone: string };
export type Rendered = { subject: string; text: string; html: string; sms: string };

type FieldKind = 'caseNumber' | 'time' | 'id' | 'linkToken';
type FieldSpec = { kind: FieldKind; required: boolean };
type Paragraph = { text: string; link?: string };
type Body = { subject: string; paragraphs: Paragraph[]; sms: string };

const CASE_NUMBER = /^[A-Za-z0-9][A-Za-z0-9-]{2,31}$/; // e.g. AX-100123: letters, digits and hyphens only
const ID = /^[a-z]{2,5}_[0-9a-z]{16}$/; // platform/ids.ts
const LINK_TOKEN = /^[A-Za-z0-9_-]{20,100}$/; // a one-time link token (base64url), e.g. a fraud alert's

const SECURE_MESSAGES_PATH = '/sign-in?next=%2Fmessages';

function signInLink(ctx: RenderContext, next: string = SECURE_MESSAGES_PATH): string {
  return `${ctx.publicUrl}${next}`;
}

function securityNote(ctx: RenderContext): Paragraph {
  return {
    text:
      `${ctx.issuerName} will never ask for your password, PIN, card security code or a one-time code by e-mail, ` +
      'text or phone. If you are unsure about this e-mail, do not use the link: open our app or type our web address yourself.',
  };
}

/** "Tuesday, June 16, 2026 at 10:00 AM EDT": concrete dates in the issuer's time zone (DESIGN.md principles). */
const formatters = new Map<string, Intl.DateTimeFormat>(); // building one costs ~0.2 ms; one per zone is enough

export function formatWhen(iso: string, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  const text = formatter.format(new Date(iso));
  return text.replace(/[\u202f\u00a0]/g, ' '); // newer ICU puts a narrow no-break space before AM/PM
}

type TemplateSpec = { fields: Record<string, FieldSpec>; channels: Channel[]; body(data: Record<string, string>, ctx: RenderContext): Body };

const TEMPLATES: Record<TemplateName, TemplateSpec> = {
  'secure_message.new_reply': {
    fields: { caseNumber: { kind: 'caseNumber', required: true } },
    channels: ['email', 'sms'],
    body: (d, ctx) => ({
      subject: `New secure message about case ${d.caseNumber}`,
      paragraphs: [
        { text: `You have a new secure message about case ${d.caseNumber}. Sign in to read it:`, link: signInLink(ctx) },
        { text: 'For your privacy, the message itself is never sent by e-mail.' },
        securityNote(ctx),
      ],
      sms: `${ctx.issuerName}: you have a new secure message about case ${d.caseNumber}. Sign in to read it: ${signInLink(ctx)}`,
    }),
  },
  'case.opened': {
    fields: { caseNumber: { kind: 'caseNumber', required: true }, respondBy: { kind: 'time', required: false } },
    channels: ['email', 'sms'],
    body: (d, ctx) => {
      const when = d.respondBy ? ` We will answer by ${formatWhen(d.respondBy, ctx.timeZone)}.` : '';
      return {
        subject: `We received your message: case ${d.caseNumber}`,
        paragraphs: [
          { text: `We received your message and opened case ${d.caseNumber}.${when}` },
          { text: 'You can follow the case and add to it in the Secure Message Center:', link: signInLink(ctx) },
          securityNote(ctx),
        ],
        sms: `${ctx.issuerName}: we opened case ${d.caseNumber} for your message.${when} Follow it at ${signInLink(ctx)}`,
      };
    },
  },
  // A link only, never the merchant, amount or card. With the alert's one-time token the link answers the
  // alert without signing in (it works once and expires); without it, it leads to sign-in.
  fraud_alert: {
    fields: { alertId: { kind: 'id', required: false }, token: { kind: 'linkToken', required: false }, linkExpiresAt: { kind: 'time', required: false } },
    channels: ['email', 'sms'],
    body: (d, ctx) => {
      if (d.alertId && d.token) {
        const oneTime = `${ctx.publicUrl}/alerts/${d.alertId}?token=${encodeURIComponent(d.token)}`;
        const until = d.linkExpiresAt ? ` until ${formatWhen(d.linkExpiresAt, ctx.timeZone)}` : '';
        return {
          subject: 'Please review recent activity on your card',
          paragraphs: [
            { text: `We noticed activity on your card that we would like you to confirm. Tell us whether it was you (this link works once${until}):`, link: oneTime },
            { text: 'You can also sign in to review it:', link: signInLink(ctx, `/sign-in?next=${encodeURIComponent(`/alerts/${d.alertId}`)}`) },
            { text: 'This e-mail does not include any details of the activity. We will never ask for your card number, PIN or a code through this link.' },
            securityNote(ctx),
          ],
          sms: `${ctx.issuerName}: was this you? Review recent activity on your card (one-time link): ${oneTime}`,
        };
      }
      const link = signInLink(ctx, `/sign-in?next=${encodeURIComponent(d.alertId ? `/alerts/${d.alertId}` : '/alerts')}`);
      return {
        subject: 'Please review recent activity on your card',
        paragraphs: [
          { text: 'We noticed activity on your card that we would like you to confirm. Sign in to review it:', link },
          { text: 'This e-mail does not include any details of the activity.' },
          securityNote(ctx),
        ],
        sms: `${ctx.issuerName}: please review recent activity on your card. Sign in: ${link}`,
      };
    },
  },
  'document_request.reminder': {
    fields: { caseNumber: { kind: 'caseNumber', required: true }, dueAt: { kind: 'time', required: false } },
    channels: ['email', 'sms'],
    body: (d, ctx) => {
      const by = d.dueAt ? ` by ${formatWhen(d.dueAt, ctx.timeZone)}` : '';
      return {
        subject: `Reminder: documents needed for case ${d.caseNumber}`,
        paragraphs: [
          { text: `We still need documents from you for case ${d.caseNumber}${by}.` },
          { text: 'Sign in to upload them in the Secure Message Center:', link: signInLink(ctx) },
          securityNote(ctx),
        ],
        sms: `${ctx.issuerName}: we still need documents for case ${d.caseNumber}${by}. Upload them at ${signInLink(ctx)}`,
      };
    },
  },
};

export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

export function isTemplateName(value: unknown): value is TemplateName {
  return typeof value === 'string' && Object.hasOwn(TEMPLATES, value);
}

function normalizeField(template: string, name: string, spec: FieldSpec, value: unknown): string | undefined {
  if (value === undefined || value === null) {
    if (spec.required) throw new Error(`notification ${template}: data.${name} is required`);
    return undefined;
  }
  if (spec.kind === 'time') {
    const at = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(at.getTime())) throw new Error(`notification ${template}: data.${name} must be a time`);
    return at.toISOString();
  }
  const pattern = spec.kind === 'caseNumber' ? CASE_NUMBER : spec.kind === 'linkToken' ? LINK_TOKEN : ID;
  if (typeof value !== 'string' || !pattern.test(value)) throw new Error(`notification ${template}: data.${name} is not a valid ${spec.kind}`);
  return value;
}

/**
 * Keeps only the fields the template declares, checked and as strings (times as ISO). Anything else the
 * caller passed — a message body, an amount — is dropped here, before it reaches the outbox.
 */
export function pickTemplateData(template: TemplateName, data: Record<string, unknown>): Record<string, string> {
  const spec = TEMPLATES[template];
  const out: Record<string, string> = {};
  for (const [name, field] of Object.entries(spec.fields)) {
    const value = normalizeField(template, name, field, data[name]);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

export function supportsChannel(template: TemplateName, channel: Channel): boolean {
  return TEMPLATES[template].channels.includes(channel);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function toHtml(subject: string, paragraphs: Paragraph[]): string {
  const body = paragraphs
    .map((p) => {
      const link = p.link ? `<br><a href="${escapeHtml(p.link)}">${escapeHtml(p.link)}</a>` : '';
      return `<p>${escapeHtml(p.text)}${link}</p>`;
    })
    .join('\n');
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n` +
    `<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5">\n${body}\n</body></html>\n`
  );
}

/** Renders a template. The data is re-filtered, so a row written by an older version cannot leak a field. */
export function renderTemplate(template: TemplateName, data: Record<string, unknown>, ctx: RenderContext): Rendered {
  const safe = pickTemplateData(template, data);
  const { subject, paragraphs, sms } = TEMPLATES[template].body(safe, ctx);
  const text = `${paragraphs.map((p) => (p.link ? `${p.text}\n${p.link}` : p.text)).join('\n\n')}\n`;
  return { subject, text, html: toHtml(subject, paragraphs), sms };
}
