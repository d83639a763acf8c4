import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db.ts';
import './disputes.tables.ts';
import type { DisputeMoneyStepsTable, DisputesTable } from './disputes.tables.ts';

export type DisputeRow = Selectable<DisputesTable>;
export type MoneyStepRow = Selectable<DisputeMoneyStepsTable>;
export type DisputeWithCase = DisputeRow & { case_number: string };

// A `date` column is read as text, so a day never shifts zone (the column after selectAll wins).
const withCase = (db: Executor) =>
  db
    .selectFrom('disputes as d')
    .innerJoin('cases as c', 'c.id', 'd.case_id')
    .selectAll('d')
    .select([sql<string>`d.notice_received_on::text`.as('notice_received_on'), 'c.number as case_number']);

/** A dispute as this actor may see it: a cardholder only their customer's. */
export async function findDispute(db: Executor, id: string, customerScope: string | null): Promise<DisputeWithCase | undefined> {
  let q = withCase(db).where('d.id', '=', id);
  if (customerScope) q = q.where('d.customer_id', '=', customerScope);
  return q.executeTakeFirst();
}

/** Locks the dispute row for the rest of the transaction: money steps and moves on one dispute run one at a time. */
export async function lockDispute(db: Executor, id: string): Promise<DisputeWithCase | undefined> {
  const locked = await db.selectFrom('disputes').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return locked ? findDispute(db, id, null) : undefined;
}

export async function findOpenDisputeFor(db: Executor, transactionId: string): Promise<DisputeWithCase | undefined> {
  return withCase(db).where('d.transaction_id', '=', transactionId).where('d.status', '=', 'open').executeTakeFirst();
}

/** Serializes filings on one transaction inside the caller's transaction (released at commit or rollback). */
export async function lockTransactionForFiling(db: Executor, transactionId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`dispute:${transactionId}`}))`.execute(db);
}

export async function insertDispute(db: Executor, row: Insertable<DisputesTable>): Promise<void> {
  await db.insertInto('disputes').values(row).execute();
}

export async function updateDispute(db: Executor, id: string, patch: Updateable<DisputesTable>): Promise<void> {
  await db.updateTable('disputes').set(patch).where('id', '=', id).execute();
}

export type DisputeListFilter = { customerId: string | null; status?: 'open' | 'resolved' | undefined; networkStatus?: string | undefined; caseId?: string | undefined; limit: number };

export async function listDisputes(db: Executor, f: DisputeListFilter): Promise<DisputeWithCase[]> {
  let q = withCase(db);
  if (f.customerId) q = q.where('d.customer_id', '=', f.customerId);
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.caseId) q = q.where('d.case_id', '=', f.caseId);
  if (f.networkStatus) q = q.where('d.network_status', '=', f.networkStatus as DisputeRow['network_status']);
  return q.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(f.limit).execute();
}

export async function listMoneySteps(db: Executor, disputeId: string): Promise<MoneyStepRow[]> {
  return db.selectFrom('dispute_money_steps').selectAll().where('dispute_id', '=', disputeId).orderBy('created_at').orderBy('id').execute();
}

export async function insertMoneyStep(db: Executor, row: Insertable<DisputeMoneyStepsTable>): Promise<void> {
  await db.insertInto('dispute_money_steps').values(row).execute();
}

export async function markStepReversed(db: Executor, id: string, at: Date): Promise<void> {
  await db.updateTable('dispute_money_steps').set({ state: 'reversed', reversed_at: at }).where('id', '=', id).execute();
}

/** Open disputes and their clocks: the deadline sweep's worklist (read without locks; a candidate is then locked). */
export async function listOpenDisputeClocks(db: Executor): Promise<Array<Pick<DisputeRow, 'id' | 'clocks'>>> {
  return db.selectFrom('disputes').select(['id', 'clocks']).where('status', '=', 'open').orderBy('id').execute();
}
