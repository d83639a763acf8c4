import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../platform/db.ts';
import './cases.tables.ts';
import type { AttachmentsTable, MessagesTable } from './cases.tables.ts';

export type MessageRow = Selectable<MessagesTable>;
export type AttachmentRow = Selectable<AttachmentsTable>;

export async function insertMessage(db: Executor, row: Insertable<MessagesTable>): Promise<void> {
  await db.insertInto('messages').values(row).execute();
}

export async function insertAttachments(db: Executor, rows: Insertable<AttachmentsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('attachments').values(rows).execute();
}

export async function listMessages(db: Executor, caseId: string, includeInternal: boolean): Promise<MessageRow[]> {
  let q = db.selectFrom('messages').selectAll().where('case_id', '=', caseId).orderBy('seq');
  if (!includeInternal) q = q.where('internal', '=', false);
  return q.execute();
}

export async function listAttachments(db: Executor, caseId: string): Promise<AttachmentRow[]> {
  return db.selectFrom('attachments').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
}

export async function findAttachment(db: Executor, id: string): Promise<(AttachmentRow & { internal: boolean; customer_id: string }) | undefined> {
  return db
    .selectFrom('attachments as a')
    .innerJoin('messages as m', 'm.id', 'a.message_id')
    .innerJoin('cases as c', 'c.id', 'a.case_id')
    .selectAll('a')
    .select(['m.internal', 'c.customer_id'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

/** Read receipts: the reader marks what the other side wrote. Returns how many were newly marked. */
export async function markRead(db: Executor, caseId: string, reader: 'cardholder' | 'staff', at: Date): Promise<number> {
  let q = db.updateTable('messages').set({ read_at: at }).where('case_id', '=', caseId).where('read_at', 'is', null).where('internal', '=', false);
  q = reader === 'cardholder' ? q.where('author_role', '<>', 'cardholder') : q.where('author_role', '=', 'cardholder');
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
