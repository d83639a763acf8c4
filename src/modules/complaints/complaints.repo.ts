import { sql } from 'kysely';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db.ts';
import './complaints.tables.ts';
import type { ComplaintsTable } from './complaints.tables.ts';

export type ComplaintRow = Selectable<ComplaintsTable>;

export async function insertComplaint(db: Executor, row: Insertable<ComplaintsTable>, caseIds: string[]): Promise<void> {
  await db.insertInto('complaints').values(row).execute();
  const unique = [...new Set(caseIds)];
  if (unique.length > 0) await db.insertInto('complaint_cases').values(unique.map((case_id) => ({ complaint_id: row.id, case_id }))).execute();
}

export async function findComplaint(db: Executor, id: string, customerScope: string | null, forUpdate = false): Promise<ComplaintRow | undefined> {
  let q = db.selectFrom('complaints').selectAll().where('id', '=', id);
  if (customerScope) q = q.where('customer_id', '=', customerScope);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findByPortalId(db: Executor, portalComplaintId: string): Promise<ComplaintRow | undefined> {
  return db.selectFrom('complaints').selectAll().where('portal_complaint_id', '=', portalComplaintId).executeTakeFirst();
}

export async function updateComplaint(db: Executor, id: string, patch: Updateable<ComplaintsTable>): Promise<void> {
  await db.updateTable('complaints').set(patch).where('id', '=', id).execute();
}

export async function complaintCaseIds(db: Executor, id: string): Promise<string[]> {
  return (await db.selectFrom('complaint_cases').select('case_id').where('complaint_id', '=', id).orderBy('case_id').execute()).map((r) => r.case_id);
}

export type RegisterFilter = { statuses?: string[]; category?: string; productLine?: string; channel?: string; source?: string; customerId?: string };

/** The register's rows (deadline filters are applied in register.ts, from the pure clock outcomes). */
export async function listComplaints(db: Executor, f: RegisterFilter): Promise<ComplaintRow[]> {
  let q = db.selectFrom('complaints').selectAll();
  if (f.statuses?.length) q = q.where('status', 'in', f.statuses as ComplaintRow['status'][]);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.productLine) q = q.where('product_line', '=', f.productLine);
  if (f.channel) q = q.where('channel', '=', f.channel as ComplaintRow['channel']);
  if (f.source) q = q.where('source', '=', f.source as ComplaintRow['source']);
  if (f.customerId) q = q.where('customer_id', '=', f.customerId);
  // LIMITATION: the register is read whole (no paging); fine for thousands of complaints, not millions.
  return q.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(10_000).execute();
}

export type ComplaintSeriesRow = { bucket: string; due: number; onTime: number };

/**
 * Response-clock timeliness per day or ISO week of the response due date: complaints whose outcome is decided
 * by `today` (answered, or past the due date unanswered) and those answered on or before the due date. The
 * same rule as onTimeRate in complaint-clocks.ts, in SQL so the chart does not read every complaint.
 */
export async function complaintSeries(db: Executor, q: { unit: 'day' | 'week'; from: string; to: string; today: string }): Promise<ComplaintSeriesRow[]> {
  const bucket = sql<string>`to_char(date_trunc(${q.unit}::text, response_due_on::date::timestamp), 'YYYY-MM-DD')`;
  const rows = await db
    .selectFrom('complaints')
    .select([
      bucket.as('bucket'),
      sql<number>`(count(*) FILTER (WHERE responded_on IS NOT NULL OR response_due_on < ${q.today}))::int`.as('due'),
      sql<number>`(count(*) FILTER (WHERE responded_on IS NOT NULL AND responded_on <= response_due_on))::int`.as('onTime'),
    ])
    .where('response_due_on', '>=', q.from)
    .where('response_due_on', '<=', q.to)
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  return rows as ComplaintSeriesRow[];
}
