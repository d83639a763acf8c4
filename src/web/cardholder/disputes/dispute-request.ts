import { api } from '../../api-client.ts';
import type { Dispute, DisputeReasonOption } from '../../api-types.ts';
import { parseDollars } from './dispute-labels.ts';
import type { AnswerValues } from './reason-questions.tsx';

export type MerchantContact = { contactedOn: string; how: string; outcome: string };
export type DisputeDraft = { transactionId: string; reason: DisputeReasonOption; values: AnswerValues; amountCents: number | null; contact: MerchantContact };

/** Field errors found before sending, keyed like the server's (`answers.key`, `amount`). */
export function checkDraft(d: DisputeDraft, chargeCents: number): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const q of d.reason.questions) {
    const value = (d.values[q.key] ?? '').trim();
    if (!value) {
      if (q.required) errors[`answers.${q.key}`] = q.kind === 'boolean' ? 'Choose yes or no.' : 'Please answer this question.';
      continue;
    }
    if (q.kind === 'cents' && parseDollars(value) === null) errors[`answers.${q.key}`] = 'Enter an amount in dollars, for example 42.50.';
  }
  if (d.amountCents !== null && (d.amountCents <= 0 || d.amountCents > chargeCents)) errors.amount = 'Enter an amount above $0 and no more than the charge.';
  return errors;
}

/** The `answers` object the API expects: booleans, cents and text as declared by the reason's questions. */
export function answersOf(d: DisputeDraft): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of d.reason.questions) {
    const value = (d.values[q.key] ?? '').trim();
    if (!value) continue;
    answers[q.key] = q.kind === 'boolean' ? value === 'yes' : q.kind === 'cents' ? parseDollars(value) : value;
  }
  if (d.reason.asksMerchantContact) {
    const contact = Object.fromEntries(Object.entries(d.contact).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
    if (Object.keys(contact).length) answers.merchantContact = contact;
  }
  return answers;
}

/** JSON without files; multipart (text fields, `answers` as JSON, then `files`) with them, as the API expects. */
export function fileDispute(d: DisputeDraft, files: File[], idempotencyKey?: string): Promise<Dispute> {
  const fields: Record<string, unknown> = { transactionId: d.transactionId, reason: d.reason.reason, answers: answersOf(d) };
  if (d.amountCents !== null) fields.amount = d.amountCents;
  if (files.length === 0) return api<Dispute>('/api/v1/disputes', { method: 'POST', body: fields, idempotencyKey });
  const form = new FormData();
  form.append('transactionId', d.transactionId);
  form.append('reason', d.reason.reason);
  if (d.amountCents !== null) form.append('amount', String(d.amountCents));
  form.append('answers', JSON.stringify(fields.answers));
  for (const file of files) form.append('files', file, file.name);
  return api<Dispute>('/api/v1/disputes', { method: 'POST', body: form, idempotencyKey });
}
