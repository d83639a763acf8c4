import { aadFor } from '../../platform/crypto/index.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type AcceptedAttachment, type AttachmentInput, inspectMessageAttachments } from '../attachments/index.ts';
import { cardholderNotice, type Finding, redactInbound } from '../safety/index.ts';
import type { CaseDeps } from './case-deps.ts';
import { insertAttachments, insertMessage } from './messages.repo.ts';

export type IncomingFile = AttachmentInput;
export type Author = { id: string | null; role: string; name: string; agentCode: string | null };

/** A message made safe to store: redacted text and inspected files, checked before any transaction opens. */
export type PreparedMessage = {
  id: string;
  body: string;
  findings: Finding[];
  notice: string | null;
  files: Array<{ id: string; meta: AcceptedAttachment; bytes: Buffer }>;
};

export function checkLength(field: string, value: string, max: number): void {
  if (value.trim().length === 0) throw new AppError('validation_failed', `${field} must not be empty`, { errors: [{ field, message: 'must not be empty' }] });
  if (value.length > max) {
    throw new AppError('validation_failed', `${field} must be at most ${max} characters (it has ${value.length})`, {
      errors: [{ field, message: `must be at most ${max} characters` }],
    });
  }
}

/** Guard step: redaction (PCI DSS 3.3.1: never store a CVV, PIN or full PAN) and the attachment intake rules. */
export async function prepareMessage(deps: CaseDeps, body: string, files: IncomingFile[], extraFindings: Finding[] = []): Promise<PreparedMessage> {
  checkLength('body', body, deps.policy.messageLimits.bodyMaxChars);
  const redacted = redactInbound(body);
  const inspected = await inspectMessageAttachments(files, { maxBytes: deps.policy.attachments.maxBytes, maxPerMessage: deps.policy.attachments.maxPerMessage });
  if (!inspected.ok) {
    const index = inspected.results.findIndex((r) => !r.ok);
    const errors = inspected.results.flatMap((r, i) => (r.ok ? [] : [{ field: `files[${i}]`, message: r.reason }]));
    throw new AppError(inspected.code, inspected.reason, index >= 0 ? { errors } : {});
  }
  const nameFindings: Finding[] = [];
  const accepted = inspected.attachments.map((meta, i) => {
    const name = redactInbound(meta.safeFileName);
    nameFindings.push(...name.findings);
    return { id: newId('att'), meta: { ...meta, safeFileName: name.text }, bytes: files[i]!.bytes };
  });
  const findings = mergeFindings([...redacted.findings, ...extraFindings, ...nameFindings]);
  return { id: newId('msg'), body: redacted.text, findings, notice: cardholderNotice(findings), files: accepted };
}

function mergeFindings(list: Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const f of list) {
    const i = out.findIndex((o) => o.kind === f.kind);
    const seen = out[i];
    if (!seen) out.push(f);
    else if (seen.kind === 'card_number' && f.kind === 'card_number') out[i] = { kind: 'card_number', count: seen.count + f.count, last4: [...seen.last4, ...f.last4] };
    else out[i] = { ...seen, count: seen.count + f.count } as Finding;
  }
  return out;
}

/**
 * Write step, inside the caller's unit of work: the body and every attachment sealed under one data key,
 * attachment ciphertext put in the blob store (removed again if the transaction rolls back), and the rows.
 */
export async function storeMessage(
  deps: CaseDeps,
  unit: Unit,
  input: { caseId: string; message: PreparedMessage; author: Author; internal: boolean; at: Date },
): Promise<void> {
  const { message } = input;
  const { tx } = unit;
  const sealed = await deps.cipher.sealMany(tx, [
    { plaintext: message.body, aad: aadFor('messages', message.id, 'body') },
    ...message.files.map((f) => ({ plaintext: f.bytes, aad: aadFor('attachments', f.id, 'content') })),
  ]);
  await insertMessage(tx, {
    id: message.id,
    case_id: input.caseId,
    author_id: input.author.id,
    author_role: input.author.role,
    author_name: input.author.name,
    author_agent_code: input.author.agentCode,
    internal: input.internal,
    body: sealed[0]!,
    redactions: JSON.stringify(message.findings.map((f) => ({ kind: f.kind, count: f.count }))),
    created_at: input.at,
  });
  for (const [i, f] of message.files.entries()) {
    unit.afterRollback(() => deps.blobs.delete(f.id));
    await deps.blobs.put(f.id, sealed[i + 1]!);
  }
  await insertAttachments(
    tx,
    message.files.map((f) => ({
      id: f.id,
      message_id: message.id,
      case_id: input.caseId,
      file_name: f.meta.safeFileName,
      mime: f.meta.mime,
      size_bytes: f.meta.size,
      blob_key: f.id,
      created_at: input.at,
    })),
  );
}
