import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import type { IsoDate } from '../calendars/index.ts';
import type { Fact, Letterhead, NoticeBlock, NoticeDocument } from './notice-document.ts';
import { longDate } from './notice-text.ts';

/** What every letter knows besides its own data: the case, the day, who writes and to whom. */
export type NoticeContext = {
  caseNumber: string;
  issuedOn: IsoDate;
  recipientName: string | null;
  representative: { name: string; agentCode: string | null; role: string };
  letterhead: Letterhead;
  regulator: { name: string; shortName: string; complaintUrl: string };
};

export type NoticeContent = {
  /** Extra reference lines under the date and case number (complaint reference, dispute number …). */
  reference: Fact[];
  blocks: NoticeBlock[];
  /** The Secure Message Center message the letter is attached to, in plain words. */
  message: string;
};

/**
 * A letter template: our own words as code, versioned (a stored notice records the version it was issued
 * with), with a TypeBox schema for the data it needs. Other modules add theirs with `registerNoticeTemplate`
 * (disputes: acknowledgment, provisional credit, resolution, reversal; reviews: adverse action).
 */
export type NoticeTemplate<S extends TSchema = TSchema> = {
  kind: string;
  version: number;
  title: string;
  /** Base of the PDF's file name, e.g. "complaint-acknowledgment" (the case number is appended). */
  fileName: string;
  schema: S;
  compose(ctx: NoticeContext, data: Static<S>): NoticeContent;
};

const KIND = /^[a-z][a-z0-9_]{1,59}$/;
// biome-ignore lint/suspicious/noExplicitAny: the registry holds templates of every data shape
const registry = new Map<string, NoticeTemplate<any>>();

export function registerNoticeTemplate<S extends TSchema>(template: NoticeTemplate<S>): void {
  if (!KIND.test(template.kind)) throw new Error(`notice kind "${template.kind}" must be lowercase letters, digits and underscores`);
  const existing = registry.get(template.kind);
  if (existing && existing !== template) throw new Error(`a notice template "${template.kind}" is already registered`);
  registry.set(template.kind, template);
}

export function noticeTemplate(kind: string): NoticeTemplate {
  const template = registry.get(kind);
  if (!template) throw new Error(`no notice template "${kind}" (registered: ${noticeKinds().join(', ')})`);
  return template;
}

export function noticeKinds(): string[] {
  return [...registry.keys()].sort();
}

/** The data a caller passes must fit the template: a mismatch is a programming error, named precisely. */
export function checkNoticeData(template: NoticeTemplate, data: unknown): void {
  const errors = [...Value.Errors(template.schema, data)];
  if (errors.length > 0) throw new Error(`notice "${template.kind}" data is invalid: ${errors.slice(0, 5).map((e) => `${e.instancePath || '(root)'} ${e.message}`).join('; ')}`);
}

/** Pure: the template's content inside the common frame (letterhead, date, case number, signature, footer). */
export function composeNotice(template: NoticeTemplate, ctx: NoticeContext, data: unknown): { document: NoticeDocument; message: string } {
  checkNoticeData(template, data);
  const content = template.compose(ctx, data);
  const lh = ctx.letterhead;
  const document: NoticeDocument = {
    title: template.title,
    letterhead: lh,
    reference: [{ label: 'Date', value: longDate(ctx.issuedOn) }, { label: 'Case number', value: ctx.caseNumber }, ...content.reference],
    greeting: ctx.recipientName ? `Dear ${ctx.recipientName},` : 'Dear cardholder,',
    blocks: content.blocks,
    signOff: 'Sincerely,',
    signature: ctx.representative,
    footer:
      `Please quote case ${ctx.caseNumber} whenever you contact us about this letter. It was sent to you in the ${lh.issuerName} Secure Message Center, where you can reply.\n` +
      'We will never ask for your full card number, security code, PIN or a one-time code.',
  };
  return { document, message: content.message };
}

/** "call +1-800-… (24 hours a day, 7 days a week)", or a pointer to the contact page when the profile has none. */
export function callUs(lh: Letterhead): string {
  return lh.phone ? `call us on ${lh.phone}${lh.phoneHours ? ` (${lh.phoneHours.toLowerCase()})` : ''}` : 'contact us through the numbers on our website';
}
