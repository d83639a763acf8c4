import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../../platform/db.ts';
import type { FeeRefundStatus, FeeRefundsTable, StoredQuoteLine } from './fees.tables.ts';
import './fees.tables.ts';

export type FeeRefundRow = Selectable<FeeRefundsTable> & { case_number: string };

function base(db: Executor) {
  return db
    .selectFrom('fee_refunds as f')
    .innerJoin('cases as c', 'c.id', 'f.case_id')
    .selectAll('f')
    .select([sql<string>`f.close_on::text`.as('close_on'), 'c.number as case_number']);
}

/** Scoped by customer in SQL: another customer's refund is simply not found. */
export async function findFeeRefund(db: Executor, id: string, customerId: string | null, forUpdate = false): Promise<FeeRefundRow | null> {
  let q = base(db).where('f.id', '=', id);
  if (customerId !== null) q = q.where('f.customer_id', '=', customerId);
  if (forUpdate) q = q.forUpdate('f');
  return ((await q.executeTakeFirst()) as FeeRefundRow | undefined) ?? null;
}

export async function findRefundForFee(db: Executor, feeTransactionId: string): Promise<FeeRefundRow | null> {
  return ((await base(db).where('f.fee_transaction_id', '=', feeTransactionId).executeTakeFirst()) as FeeRefundRow | undefined) ?? null;
}

export async function listFeeRefunds(db: Executor, filter: { status?: FeeRefundStatus | undefined; accountId?: string | undefined; limit: number }): Promise<FeeRefundRow[]> {
  let q = base(db).orderBy('f.created_at', 'desc').orderBy('f.id', 'desc').limit(filter.limit);
  if (filter.status) q = q.where('f.status', '=', filter.status);
  if (filter.accountId) q = q.where('f.account_id', '=', filter.accountId);
  return (await q.execute()) as FeeRefundRow[];
}

export type NewFeeRefund = Omit<Insertable<FeeRefundsTable>, 'quote' | 'decided_by' | 'decided_at' | 'decision_note'> & { quote: StoredQuoteLine[] };

export async function insertFeeRefund(db: Executor, row: NewFeeRefund): Promise<void> {
  await db
    .insertInto('fee_refunds')
    .values({ ...row, quote: JSON.stringify(row.quote), decided_by: null, decided_at: null, decision_note: null })
    .execute();
}

export async function updateFeeRefund(
  db: Executor,
  id: string,
  patch: { status: FeeRefundStatus; ledger_transaction_id?: string | null; decided_by: string; decided_at: Date; decision_note: string | null; updated_at: Date },
): Promise<void> {
  await db.updateTable('fee_refunds').set(patch).where('id', '=', id).execute();
}
