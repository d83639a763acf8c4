import { ApiError, api } from '../api-client.ts';
import type { MessagePosted } from '../api-types.ts';

type Fields = Record<string, string | boolean | undefined>;

/** JSON when there are no files; multipart/form-data (text fields first, then `files`) when there are. */
export function messageBody(fields: Fields, files: File[]): unknown {
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== ''));
  if (files.length === 0) return defined;
  const form = new FormData();
  for (const [key, value] of Object.entries(defined)) form.append(key, String(value));
  for (const file of files) form.append('files', file, file.name);
  return form;
}

export function startConversation(fields: { subject: string; body: string; accountId?: string | undefined; transactionId?: string | undefined }, files: File[], idempotencyKey?: string): Promise<MessagePosted> {
  return api<MessagePosted>('/api/v1/messages', { method: 'POST', body: messageBody(fields, files), idempotencyKey });
}

export function postReply(caseId: string, fields: { body: string; internal?: boolean | undefined }, files: File[], idempotencyKey?: string): Promise<MessagePosted> {
  return api<MessagePosted>(`/api/v1/cases/${encodeURIComponent(caseId)}/messages`, { method: 'POST', body: messageBody(fields, files), idempotencyKey });
}

const ATTACHMENT_CODES = new Set(['attachment_too_large', 'attachment_type_refused', 'attachment_empty', 'attachment_name_invalid', 'too_many_attachments', 'payload_too_large', 'unsupported_media_type']);

export function isAttachmentError(error: unknown): error is ApiError {
  return error instanceof ApiError && ATTACHMENT_CODES.has(error.code);
}

/**
 * A refusal names the file: `File 2 ("scan.pdf"): …` in the detail, or errors[] with field `files[1]`. Returns
 * the reason by file position, so it is shown beside that file.
 */
export function fileErrors(error: ApiError, files: File[]): Record<number, string> {
  const found: Record<number, string> = {};
  for (const e of error.errors) {
    const match = /^files?[[./]?(\d+)/.exec(e.field);
    if (match) found[Number(match[1])] = e.message;
  }
  const detail = /^File (\d+) \("[^"]*"\): (.*)$/s.exec(error.detail ?? '');
  if (detail && found[Number(detail[1]) - 1] === undefined) found[Number(detail[1]) - 1] = detail[2] ?? error.userMessage;
  if (Object.keys(found).length === 0 && files.length === 1 && error.code.startsWith('attachment_')) found[0] = error.userMessage;
  return found;
}
