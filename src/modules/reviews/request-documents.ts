/**
 * Document requests on a review: each with a due time (the profile's default, 48 hours, unless the reviewer
 * sets one), a written message on the review's case listing what is needed and by when, and an audit row.
 * Runs in the caller's unit of work (opening a review, or `POST /api/v1/reviews/:id/documents`).
 */
import { recordAudit } from '../../platform/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import type { CaseDeps, RequestMeta } from '../cases/index.ts';
import { writeReviewerNotice, writeSystemNotice } from './review-notice.ts';
import { DOCUMENT_LABELS, formatWhen, HOUR_MS, reviewPolicyFor } from './review-policy.ts';
import { findReview, insertDocuments, type ReviewRow } from './reviews.repo.ts';
import type { DocumentKind } from './reviews.tables.ts';

export type DocumentInput = { kind: DocumentKind; label?: string | undefined; note?: string | undefined; dueHours?: number | undefined };

/** Review documents are `rdq_…` (the platform's id list has no prefix for them yet; same alphabet and length). */
export const newDocumentId = () => `rdq_${newId('evt').slice(4)}`;

/** Guard: a custom request says what it is; the others get their plain-words label. */
export function checkDocuments(documents: readonly DocumentInput[]): Array<DocumentInput & { label: string }> {
  if (documents.length === 0) throw new AppError('validation_failed', 'Ask for at least one document', { errors: [{ field: 'documents', message: 'must not be empty' }] });
  return documents.map((d, i) => {
    const label = d.label?.trim() || (d.kind === 'custom' ? '' : DOCUMENT_LABELS[d.kind]);
    if (!label) throw new AppError('validation_failed', 'A custom document request needs a label saying what to send', { errors: [{ field: `documents[${i}].label`, message: 'is required for a custom request' }] });
    return { ...d, label };
  });
}

export async function addDocuments(
  deps: CaseDeps,
  unit: Unit,
  review: ReviewRow,
  documents: ReadonlyArray<DocumentInput & { label: string }>,
  actor: StaffActor | null,
  meta: RequestMeta,
  intro: string,
): Promise<string[]> {
  const now = deps.clock.now();
  const policy = reviewPolicyFor(deps.profile);
  // created_at one millisecond apart keeps the checklist in the order the reviewer asked (ids are random).
  const rows = documents.map((d, i) => ({
    id: newDocumentId(),
    review_id: review.id,
    kind: d.kind,
    label: d.label,
    note: d.note?.trim() || null,
    status: 'requested' as const,
    requested_by: actor?.userId ?? null,
    requested_at: now,
    due_at: new Date(now.getTime() + (d.dueHours ?? policy.documentDueHours) * HOUR_MS),
    created_at: new Date(now.getTime() + i),
    updated_at: now,
  }));
  await insertDocuments(unit.tx, rows);
  const tz = deps.profile.issuer.timeZone;
  const list = rows.map((r) => `- ${r.label}${r.note ? ` (${r.note})` : ''}: please send it by ${formatWhen(r.due_at, tz)}`).join('\n');
  const body = `${intro}\n\nWhat we need from you:\n${list}\n\nUpload each document on the account review page (Accounts, then "Account review"), or reply here with the files attached. We will remind you once before each due time.`;
  if (actor) await writeReviewerNotice(deps, unit, actor, review.case_id, body, meta);
  else await writeSystemNotice(deps, unit, { caseId: review.case_id, customerId: review.customer_id, caseNumber: review.case_number, body, at: now, kind: 'documents_requested' });
  await recordAudit(unit.tx, {
    action: 'review.documents_request',
    actorId: actor?.userId ?? null,
    actorRole: actor?.role ?? 'system',
    targetType: 'account_review',
    targetId: review.id,
    requestId: meta.requestId,
    ip: meta.ip,
    at: now,
    detail: { documents: rows.map((r) => ({ id: r.id, kind: r.kind, dueAt: r.due_at.toISOString() })) },
  });
  return rows.map((r) => r.id);
}

/** `POST /api/v1/reviews/:id/documents` (staff): more documents on an open review. */
export async function requestDocuments(deps: CaseDeps, unit: Unit, actor: StaffActor, reviewId: string, documents: DocumentInput[], meta: RequestMeta): Promise<void> {
  const checked = checkDocuments(documents);
  const review = await findReview(unit.tx, reviewId, null, true);
  if (!review) throw notFound('Review');
  if (review.status !== 'open') throw new AppError('invalid_state_transition', `This review was decided (${review.status}); open a new one to ask for documents`);
  await addDocuments(deps, unit, review, checked, actor, meta, 'To finish reviewing your account we need some more documents.');
}
