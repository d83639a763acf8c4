import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../platform/db.ts';
import './notices.tables.ts';
import type { NoticesTable } from './notices.tables.ts';

export type NoticeRow = Selectable<NoticesTable>;
export type NoticeListRow = Omit<NoticeRow, 'html'>;

const LIST_COLUMNS = ['id', 'case_id', 'customer_id', 'kind', 'template_version', 'title', 'subject_type', 'subject_id', 'message_id', 'attachment_id', 'issued_by', 'issued_by_name', 'issued_on', 'issued_at'] as const;

export async function insertNotice(db: Executor, row: Insertable<NoticesTable>): Promise<void> {
  await db.insertInto('notices').values(row).execute();
}

/** One notice; with a customer scope, another customer's notice is simply not found. */
export async function findNotice(db: Executor, id: string, customerScope: string | null): Promise<NoticeRow | undefined> {
  let q = db.selectFrom('notices').selectAll().where('id', '=', id);
  if (customerScope) q = q.where('customer_id', '=', customerScope);
  return q.executeTakeFirst();
}

export async function listCaseNotices(db: Executor, caseId: string): Promise<NoticeListRow[]> {
  return db.selectFrom('notices').select(LIST_COLUMNS).where('case_id', '=', caseId).orderBy('issued_at').orderBy('id').execute();
}

export async function listSubjectNotices(db: Executor, subjectType: string, subjectId: string): Promise<NoticeListRow[]> {
  return db.selectFrom('notices').select(LIST_COLUMNS).where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).orderBy('issued_at').orderBy('id').execute();
}
