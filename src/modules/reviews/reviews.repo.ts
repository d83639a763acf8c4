import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db.ts';
import type { PastReview } from './estimate-review-time.ts';
import type { AccountReviewsTable, ReviewDocumentsTable } from './reviews.tables.ts';
import './reviews.tables.ts';

export type ReviewRow = Selectable<AccountReviewsTable> & { case_number: string };
export type DocumentRow = Selectable<ReviewDocumentsTable> & { uploads: number };

function reviews(db: Executor) {
  return db.selectFrom('account_reviews as r').innerJoin('cases as c', 'c.id', 'r.case_id').selectAll('r').select('c.number as case_number');
}

/** Scoped by customer in SQL: another customer's review is simply not found. */
export async function findReview(db: Executor, id: string, customerId: string | null, forUpdate = false): Promise<ReviewRow | null> {
  let q = reviews(db).where('r.id', '=', id);
  if (customerId !== null) q = q.where('r.customer_id', '=', customerId);
  if (forUpdate) q = q.forUpdate('r');
  return (await q.executeTakeFirst()) ?? null;
}

/** The open review of an account, else its latest. */
export async function latestReviewOf(db: Executor, accountId: string): Promise<ReviewRow | null> {
  const row = await reviews(db)
    .where('r.account_id', '=', accountId)
    .orderBy(sql`(r.status = 'open')`, 'desc')
    .orderBy('r.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

export async function listReviews(db: Executor, filter: { status?: string | undefined; limit: number }): Promise<ReviewRow[]> {
  let q = reviews(db).orderBy('r.placed_at', 'desc').limit(filter.limit);
  if (filter.status) q = q.where('r.status', '=', filter.status as ReviewRow['status']);
  return q.execute();
}

export async function insertReview(db: Executor, row: Insertable<AccountReviewsTable>): Promise<void> {
  await db.insertInto('account_reviews').values(row).execute();
}

export async function updateReview(db: Executor, id: string, patch: Updateable<AccountReviewsTable>): Promise<void> {
  await db.updateTable('account_reviews').set(patch).where('id', '=', id).execute();
}

export async function listDocuments(db: Executor, reviewId: string): Promise<DocumentRow[]> {
  return db
    .selectFrom('review_documents as d')
    .selectAll('d')
    .select((eb) => eb.selectFrom('review_uploads as u').select(sql<number>`count(*)::int`.as('n')).whereRef('u.document_id', '=', 'd.id').as('uploads'))
    .where('d.review_id', '=', reviewId)
    .orderBy('d.created_at')
    .orderBy('d.id')
    .execute() as Promise<DocumentRow[]>;
}

export async function findDocument(db: Executor, reviewId: string, documentId: string, forUpdate = false): Promise<Selectable<ReviewDocumentsTable> | null> {
  let q = db.selectFrom('review_documents').selectAll().where('id', '=', documentId).where('review_id', '=', reviewId);
  if (forUpdate) q = q.forUpdate();
  return (await q.executeTakeFirst()) ?? null;
}

export async function insertDocuments(db: Executor, rows: Insertable<ReviewDocumentsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('review_documents').values(rows).execute();
}

export async function updateDocument(db: Executor, id: string, patch: Updateable<ReviewDocumentsTable>): Promise<void> {
  await db.updateTable('review_documents').set(patch).where('id', '=', id).execute();
}

/** Every document still open on a review is closed with it. */
export async function closeOpenDocuments(db: Executor, reviewId: string, at: Date): Promise<void> {
  await db.updateTable('review_documents').set({ status: 'closed', closed_at: at, updated_at: at }).where('review_id', '=', reviewId).where('status', 'in', ['requested', 'received']).execute();
}

export async function insertUpload(db: Executor, row: { document_id: string; message_id: string; files: number; uploaded_at: Date }): Promise<void> {
  await db.insertInto('review_uploads').values(row).execute();
}

/** Decided reviews with a last document: the history the estimate is computed from (newest first). */
export async function pastReviews(db: Executor, reasonCode: string, limit = 500): Promise<PastReview[]> {
  const rows = await db
    .selectFrom('account_reviews')
    .select(['reason_code', 'product_line', 'last_document_at', 'decided_at'])
    .where('reason_code', '=', reasonCode)
    .where('decided_at', 'is not', null)
    .where('last_document_at', 'is not', null)
    .orderBy('decided_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ reasonCode: r.reason_code, productLine: r.product_line, lastDocumentAt: r.last_document_at!, decidedAt: r.decided_at! }));
}

/** Documents whose reminder is due (requested long enough ago, not yet due, not yet reminded). */
export async function documentsToRemind(db: Executor, now: Date, remindBefore: Date, limit: number): Promise<Array<{ id: string }>> {
  return db.selectFrom('review_documents').select('id').where('status', '=', 'requested').where('reminded_at', 'is', null).where('requested_at', '<=', remindBefore).where('due_at', '>', now).orderBy('requested_at').limit(limit).execute();
}

export async function documentsOverdue(db: Executor, now: Date, limit: number): Promise<Array<{ id: string }>> {
  return db.selectFrom('review_documents').select('id').where('status', '=', 'requested').where('escalated_at', 'is', null).where('due_at', '<=', now).orderBy('due_at').limit(limit).execute();
}

/** Claims a one-time act on a document (reminder, escalation): only one transaction can win it. */
export async function claimDocument(db: Executor, id: string, column: 'reminded_at' | 'escalated_at', now: Date): Promise<boolean> {
  const result = await db.updateTable('review_documents').set({ [column]: now, updated_at: now }).where('id', '=', id).where(column, 'is', null).where('status', '=', 'requested').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function documentWithReview(db: Executor, id: string) {
  return db
    .selectFrom('review_documents as d')
    .innerJoin('account_reviews as r', 'r.id', 'd.review_id')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .select(['d.id', 'd.label', 'd.due_at', 'd.review_id', 'r.case_id', 'r.customer_id', 'r.account_id', 'c.number as case_number'])
    .where('d.id', '=', id)
    .executeTakeFirst();
}
