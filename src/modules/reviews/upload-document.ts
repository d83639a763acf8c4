/**
 * The cardholder sends a requested document: the files go through the Secure Message Center's intake rules
 * (type sniffing, size, polyglots; card numbers redacted from the note and file names) and are stored
 * encrypted as a message on the review's case. Uploading to a request already satisfied or closed is a 409.
 */
import { recordAudit } from '../../platform/audit.ts';
import type { CardholderActor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { appendCaseEvents, type CaseDeps, type IncomingFile, prepareReply, type RequestMeta, writeReply } from '../cases/index.ts';
import { findDocument, findReview, insertUpload, updateDocument, updateReview } from './reviews.repo.ts';

type Doc = NonNullable<Awaited<ReturnType<typeof findDocument>>>;

function uploadBlocker(reviewStatus: string, doc: Doc): AppError | null {
  if (reviewStatus !== 'open' || doc.status === 'closed') return new AppError('conflict', 'This review is finished, so this request no longer takes documents');
  if (doc.status === 'satisfied') return new AppError('conflict', 'We already have what we need for this request; nothing more to upload here');
  return null;
}

export async function prepareUpload(deps: CaseDeps, actor: CardholderActor, reviewId: string, documentId: string, input: { note?: string | undefined; files: IncomingFile[] }) {
  const review = await findReview(deps.db, reviewId, actor.customerId);
  const doc = review ? await findDocument(deps.db, review.id, documentId) : null;
  if (!review || !doc) throw notFound('Document request');
  const blocker = uploadBlocker(review.status, doc);
  if (blocker) throw blocker;
  if (input.files.length === 0) throw new AppError('validation_failed', 'Attach at least one file', { errors: [{ field: 'files', message: 'at least one file is required' }] });
  const body = `Document for "${doc.label}"${input.note?.trim() ? `\n${input.note.trim()}` : ''}`;
  return { reply: await prepareReply(deps, actor, { body, files: input.files }), label: doc.label };
}

export async function writeUpload(deps: CaseDeps, unit: Unit, actor: CardholderActor, reviewId: string, documentId: string, prepared: Awaited<ReturnType<typeof prepareUpload>>, meta: RequestMeta): Promise<void> {
  const { tx } = unit;
  const review = await findReview(tx, reviewId, actor.customerId, true);
  const doc = review ? await findDocument(tx, review.id, documentId, true) : null;
  if (!review || !doc) throw notFound('Document request');
  const blocker = uploadBlocker(review.status, doc); // again under the lock: a reviewer may have just checked it off
  if (blocker) throw blocker;
  const now = deps.clock.now();
  const posted = await writeReply(deps, unit, actor, review.case_id, prepared.reply, meta);
  await insertUpload(tx, { document_id: doc.id, message_id: posted.message.id, files: prepared.reply.message.files.length, uploaded_at: now });
  await updateDocument(tx, doc.id, { status: 'received', received_at: now, updated_at: now });
  await updateReview(tx, review.id, { last_document_at: now, updated_at: now });
  await appendCaseEvents(tx, [
    { case_id: review.case_id, at: now, kind: 'review_document_received', actor_id: actor.userId, actor_role: 'cardholder', actor_name: actor.displayName, visible_to_cardholder: true, data: { reviewId: review.id, documentId: doc.id, label: doc.label, files: prepared.reply.message.files.length } },
  ]);
  await recordAudit(tx, { action: 'review.document_upload', actorId: actor.userId, actorRole: 'cardholder', targetType: 'account_review', targetId: review.id, requestId: meta.requestId, ip: meta.ip, at: now, detail: { documentId: doc.id, messageId: posted.message.id } });
}
