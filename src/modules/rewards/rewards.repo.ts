import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db.ts';
import './rewards.tables.ts';
import type { RewardAdjustmentsTable, RewardLedgerEntriesTable } from './rewards.tables.ts';

export type LedgerEntryRow = Selectable<RewardLedgerEntriesTable>;
export type AdjustmentRow = Selectable<RewardAdjustmentsTable>;

// A `date` column is read as text, so a day never shifts zone (the column after selectAll wins).
const entries = (db: Executor) => db.selectFrom('reward_ledger_entries as e').selectAll('e').select(sql<string>`e.effective_on::text`.as('effective_on'));

/** Serializes the posting sync and adjustments of one account inside the caller's transaction. */
export async function lockRewardsAccount(db: Executor, accountId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`rewards:${accountId}`}))`.execute(db);
}

/** Entries tied to transactions (earned, reversed, bonus), for the posting sync. */
export async function listTransactionEntries(db: Executor, accountId: string): Promise<LedgerEntryRow[]> {
  return entries(db).where('e.account_id', '=', accountId).where('e.transaction_id', 'is not', null).execute();
}

/** Inserts postings; one already there for the same (transaction, kind, promotion) is left as it is. */
export async function insertEntries(db: Executor, rows: Insertable<RewardLedgerEntriesTable>[]): Promise<number> {
  if (rows.length === 0) return 0;
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const result = await sql<{ id: string }>`
      INSERT INTO reward_ledger_entries (id, account_id, customer_id, kind, points, transaction_id, promotion_id, adjustment_id, source, description, effective_on, created_at)
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 500))}::jsonb) AS r(id text, account_id text, customer_id text, kind text, points bigint, transaction_id text, promotion_id text, adjustment_id text, source text, description text, effective_on date, created_at timestamptz)
      ON CONFLICT (transaction_id, kind, (coalesce(promotion_id, ''))) WHERE transaction_id IS NOT NULL DO NOTHING
      RETURNING id`.execute(db);
    inserted += result.rows.length;
  }
  return inserted;
}

export async function insertEntry(db: Executor, row: Insertable<RewardLedgerEntriesTable>): Promise<void> {
  await db.insertInto('reward_ledger_entries').values(row).execute();
}

export async function pointsBalance(db: Executor, accountId: string): Promise<number> {
  const row = await db.selectFrom('reward_ledger_entries').select(sql<number>`coalesce(sum(points), 0)::bigint`.as('balance')).where('account_id', '=', accountId).executeTakeFirst();
  return Number(row?.balance ?? 0);
}

export type HistoryCursor = { on: string; at: Date; id: string };

/** Newest first, a page at a time (keyset on effective day, creation time, id). */
export async function listHistory(db: Executor, accountId: string, limit: number, after?: HistoryCursor): Promise<{ items: LedgerEntryRow[]; next: HistoryCursor | null }> {
  let q = entries(db).where('e.account_id', '=', accountId);
  if (after) q = q.where(sql<boolean>`(e.effective_on, e.created_at, e.id) < (${after.on}::date, ${after.at}::timestamptz, ${after.id})`);
  const rows = await q.orderBy('e.effective_on', 'desc').orderBy('e.created_at', 'desc').orderBy('e.id', 'desc').limit(limit + 1).execute();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? { on: last.effective_on, at: last.created_at, id: last.id } : null };
}

export async function listEnrollments(db: Executor, accountId: string): Promise<Map<string, Date>> {
  const rows = await db.selectFrom('reward_enrollments').select(['promotion_id', 'enrolled_at']).where('account_id', '=', accountId).execute();
  return new Map(rows.map((r) => [r.promotion_id, r.enrolled_at]));
}

/** True when this call enrolled the account; false when it already was. */
export async function insertEnrollment(db: Executor, row: { account_id: string; promotion_id: string; enrolled_by: string; enrolled_at: Date }): Promise<boolean> {
  const result = await db.insertInto('reward_enrollments').values(row).onConflict((oc) => oc.columns(['account_id', 'promotion_id']).doNothing()).returning('promotion_id').execute();
  return result.length > 0;
}

export async function listDiscrepancies(db: Executor, accountId: string): Promise<Map<string, { caseNumber: string | null; caseId: string | null }>> {
  const rows = await db.selectFrom('reward_discrepancies').select(['transaction_id', 'case_number', 'case_id']).where('account_id', '=', accountId).execute();
  return new Map(rows.map((r) => [r.transaction_id, { caseNumber: r.case_number, caseId: r.case_id }]));
}

/** True when this is the first time the discrepancy is recorded (so its case is opened once). */
export async function insertDiscrepancy(db: Executor, row: { transaction_id: string; account_id: string; expected_points: number; posted_points: number; detected_at: Date }): Promise<boolean> {
  const result = await db.insertInto('reward_discrepancies').values(row).onConflict((oc) => oc.column('transaction_id').doNothing()).returning('transaction_id').execute();
  return result.length > 0;
}

export async function setDiscrepancyCase(db: Executor, transactionId: string, caseId: string, caseNumber: string): Promise<void> {
  await db.updateTable('reward_discrepancies').set({ case_id: caseId, case_number: caseNumber }).where('transaction_id', '=', transactionId).execute();
}

/** Applied adjustments an agent tied to a transaction count as points posted for it. */
export async function adjustmentsByTransaction(db: Executor, accountId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('reward_adjustments')
    .select(['transaction_id', sql<number>`sum(points)::bigint`.as('points')])
    .where('account_id', '=', accountId)
    .where('status', '=', 'applied')
    .where('transaction_id', 'is not', null)
    .groupBy('transaction_id')
    .execute();
  return new Map(rows.map((r) => [r.transaction_id ?? '', Number(r.points)]));
}

export async function insertAdjustment(db: Executor, row: Insertable<RewardAdjustmentsTable>): Promise<void> {
  await db.insertInto('reward_adjustments').values(row).execute();
}

export async function findAdjustment(db: Executor, id: string, accountId: string, lock = false): Promise<AdjustmentRow | undefined> {
  let q = db.selectFrom('reward_adjustments').selectAll().where('id', '=', id).where('account_id', '=', accountId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function decideAdjustment(db: Executor, id: string, patch: { status: 'applied' | 'rejected'; decided_by: string; decision_note: string | null; ledger_entry_id: string | null; decided_at: Date }): Promise<void> {
  await db.updateTable('reward_adjustments').set(patch).where('id', '=', id).execute();
}

export async function listAdjustments(db: Executor, accountId: string, limit: number): Promise<AdjustmentRow[]> {
  return db.selectFrom('reward_adjustments').selectAll().where('account_id', '=', accountId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Accounts with any points posting, in id order after `after` (the posting sweep's work list). */
export async function listLedgerAccounts(db: Executor, after: string | null, limit: number): Promise<string[]> {
  let q = db.selectFrom('reward_ledger_entries').select('account_id').distinct();
  if (after) q = q.where('account_id', '>', after);
  const rows = await q.orderBy('account_id').limit(limit).execute();
  return rows.map((r) => r.account_id);
}
