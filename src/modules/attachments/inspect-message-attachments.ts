/**
 * The intake rule for all attachments of one message: a count limit, every file inspected, and one answer.
 * A message is all-or-nothing — storing three of five files would leave the cardholder believing they sent
 * everything an account review asked for.
 */
import {
  ATTACHMENT_ERROR_STATUS, type AcceptedAttachment, type AttachmentInput, type AttachmentInspection,
  type AttachmentLimits, DEFAULT_LIMITS, type MessageRefusalCode, resolveLimits,
} from './attachment.types.ts';
import { MAX_FILE_NAME_LENGTH } from './file-name.ts';
import { inspectAttachment } from './inspect-attachment.ts';

export type MessageAttachmentsInspection =
  | { ok: true; attachments: AcceptedAttachment[] }
  | {
      ok: false;
      code: MessageRefusalCode;
      status: 400 | 413 | 415;
      reason: string;
      /** One result per input, in order (empty when the count alone refused the message). */
      results: AttachmentInspection[];
    };

export async function inspectMessageAttachments(
  list: readonly AttachmentInput[],
  limits: Partial<AttachmentLimits> = DEFAULT_LIMITS,
): Promise<MessageAttachmentsInspection> {
  const resolved = resolveLimits(limits);
  // Counted before any file is read: the cheap refusal comes first.
  if (list.length > resolved.maxPerMessage) {
    return {
      ok: false,
      code: 'too_many_attachments',
      status: ATTACHMENT_ERROR_STATUS.too_many_attachments,
      reason: `A message can carry at most ${resolved.maxPerMessage} attachments; this one has ${list.length}. Please send the rest in another message.`,
      results: [],
    };
  }
  const results: AttachmentInspection[] = [];
  for (const input of list) results.push(await inspectAttachment(input, resolved)); // one at a time: CPU-bound
  const refusedAt = results.findIndex((result) => !result.ok);
  const refused = results[refusedAt];
  if (refused && !refused.ok) {
    const count = results.filter((result) => !result.ok).length;
    const others = count > 1 ? ` (${count - 1} more file${count > 2 ? 's were' : ' was'} refused too)` : '';
    return {
      ok: false,
      code: refused.code,
      status: refused.status,
      reason: `File ${refusedAt + 1} ("${displayName(list[refusedAt]?.fileName)}"): ${refused.reason}${others}`,
      results,
    };
  }
  return { ok: true, attachments: withDistinctNames(results as AcceptedAttachment[]) };
}

/** The name as it may be echoed back: invisible and control characters removed, shortened. */
function displayName(fileName: unknown): string {
  const text = typeof fileName === 'string' ? fileName : '';
  return text.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}"]/gu, '').slice(0, 60);
}

/** "scan.pdf", "scan (2).pdf": an agent must be able to tell the files of one message apart. */
function withDistinctNames(accepted: AcceptedAttachment[]): AcceptedAttachment[] {
  const seen = new Set<string>();
  return accepted.map((attachment) => {
    const original = attachment.safeFileName;
    const dot = original.lastIndexOf('.');
    const stem = Array.from(original.slice(0, dot));
    const extension = original.slice(dot);
    let name = original;
    for (let n = 2; seen.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      let cut = stem.join('');
      while (cut.length + suffix.length + extension.length > MAX_FILE_NAME_LENGTH) cut = Array.from(cut).slice(0, -1).join('');
      name = `${cut}${suffix}${extension}`;
    }
    seen.add(name.toLowerCase());
    return { ...attachment, safeFileName: name };
  });
}
