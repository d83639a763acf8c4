import { aadFor, insertDataKey } from '../../platform/crypto/index.ts';
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

export type MessageInput = { caseId: string; message: PreparedMessage; author: Author; internal: boolean; at: Date };

/**
 * The records of a message, sealed but not written: the body and every attachment under one data key (its
 * data_keys row must be written with them), the message and attachment rows (jsonb columns as values), and the
 * attachment ciphertext for the blob store.
 */
export function sealMessage(deps: CaseDeps, input: MessageInput) {
  const { message } = input;
  const { dataKey, sealed } = deps.cipher.sealManyDetached([
    { plaintext: message.body, aad: aadFor('messages', message.id, 'body') },
    ...message.files.map((f) => ({ plaintext: f.bytes, aad: aadFor('attachments', f.id, 'content') })),
  ]);
  const row = {
    id: message.id,
    case_id: input.caseId,
    author_id: input.author.id,
    author_role: input.author.role,
    author_name: input.author.name,
    author_agent_code: input.author.agentCode,
    internal: input.internal,
    body: sealed[0]!,
    redactions: message.findings.map((f) => ({ kind: f.kind, count: f.count })),
    created_at: input.at,
  };
  const attachments = message.files.map((f) => ({
    id: f.id,
    message_id: message.id,
    case_id: input.caseId,
    file_name: f.meta.safeFileName,
    mime: f.meta.mime,
    size_bytes: f.meta.size,
    blob_key: f.id,
    created_at: input.at,
  }));
  const blobs = message.files.map((f, i) => ({ key: f.id, bytes: sealed[i + 1]! }));
  return { dataKey, row, attachments, blobs };
}

export type SealedMessage = ReturnType<typeof sealMessage>;

/** The data_keys row of a sealed message, as a table row. */
export function dataKeyRow(sealed: SealedMessage) {
  return { id: sealed.dataKey.id, kek_id: sealed.dataKey.kekId, wrapped_key: sealed.dataKey.wrappedKey };
}

/** Puts attachment ciphertext in the blob store before the rows that point at it are written. */
export async function putBlobs(deps: CaseDeps, sealed: SealedMessage, onRollback: (fn: () => unknown) => void): Promise<void> {
  for (const blob of sealed.blobs) {
    onRollback(() => deps.blobs.delete(blob.key));
    await deps.blobs.put(blob.key, blob.bytes);
  }
}

/** Removes a message's attachment ciphertext again: its rows were not written (a failure, or a replayed key). */
export async function discardBlobs(deps: CaseDeps, sealed: SealedMessage): Promise<void> {
  await Promise.all(sealed.blobs.map((b) => deps.blobs.delete(b.key)));
}

/**
 * A write outside a unit of work (a one-statement batch): the attachment ciphertext is put in the blob store
 * first and removed again if the write fails or writes nothing (a replayed key, a case that moved).
 */
export async function writeWithBlobs<R extends { applied: boolean }>(deps: CaseDeps, sealed: SealedMessage, write: () => Promise<R>): Promise<R> {
  let result: R;
  try {
    await putBlobs(deps, sealed, () => {}); // no unit to roll back: discarded below if the rows are not written
    result = await write();
  } catch (error) {
    await discardBlobs(deps, sealed);
    throw error;
  }
  if (!result.applied) await discardBlobs(deps, sealed);
  return result;
}

/**
 * Write step, inside the caller's unit of work: the sealed records written, attachment ciphertext put in the
 * blob store first (removed again if the transaction rolls back).
 */
export async function storeMessage(deps: CaseDeps, unit: Unit, input: MessageInput): Promise<void> {
  const sealed = sealMessage(deps, input);
  await insertDataKey(unit.tx, sealed.dataKey);
  await insertMessage(unit.tx, { ...sealed.row, redactions: JSON.stringify(sealed.row.redactions) });
  await putBlobs(deps, sealed, (fn) => unit.afterRollback(fn));
  await insertAttachments(unit.tx, sealed.attachments);
}
