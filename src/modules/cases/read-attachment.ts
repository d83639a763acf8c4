import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { aadFor } from '../../platform/crypto/index.ts';
import { notFound } from '../../platform/errors.ts';
import { isAuditedRead } from '../../platform/policy.ts';
import type { CaseDeps, RequestMeta } from './case-deps.ts';
import { findAttachment } from './messages.repo.ts';

/** An attachment for the case's own cardholder (never one on an internal note) or for staff, decrypted. */
export async function readAttachment(deps: CaseDeps, actor: Actor, id: string, meta: RequestMeta) {
  const row = await findAttachment(deps.db, id);
  if (!row || (actor.kind === 'cardholder' && (row.customer_id !== actor.customerId || row.internal))) throw notFound('Attachment');
  const sealed = await deps.blobs.get(row.blob_key);
  if (!sealed) throw notFound('Attachment content');
  const bytes = await deps.cipher.open(deps.db, sealed, aadFor('attachments', row.id, 'content'));
  if (isAuditedRead(actor)) {
    await recordAudit(deps.db, { action: 'attachment.read', actorId: actor.userId, actorRole: actor.role, targetType: 'attachment', targetId: id, requestId: meta.requestId, ip: meta.ip, at: deps.clock.now(), detail: { caseId: row.case_id } });
  }
  return { bytes, mime: row.mime, fileName: row.file_name };
}

/** RFC 6266 filename with an ASCII fallback and the UTF-8 form. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
