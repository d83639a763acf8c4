import type { Executor } from '../../platform/db.ts';
import type { Direction, Transaction, TransactionKind, TransactionPage, TransactionQuery } from './core-banking.port.ts';
import type { TransactionStatus } from './banking.tables.ts';
import './banking.tables.ts';

const TRANSACTION_COLUMNS = [
  't.id',
  't.account_id',
  't.card_id',
  'k.last4 as card_last4',
  't.kind',
  't.direction',
  't.status',
  't.amount_cents',
  't.currency',
  't.description',
  't.merchant_name',
  't.merchant_id',
  't.mcc',
  't.merchant_country',
  't.card_present',
  't.authorized_at',
  't.posted_at',
  't.refund_of',
  't.related_to',
  't.statement_id',
  't.decline_reason',
  't.reference',
] as const;

type TransactionRow = {
  id: string;
  account_id: string;
  card_id: string | null;
  card_last4: string | null;
  kind: TransactionKind;
  direction: Direction;
  status: TransactionStatus;
  amount_cents: number;
  currency: string;
  description: string;
  merchant_name: string | null;
  merchant_id: string | null;
  mcc: string | null;
  merchant_country: string | null;
  card_present: boolean | null;
  authorized_at: Date;
  posted_at: Date | null;
  refund_of: string | null;
  related_to: string | null;
  statement_id: string | null;
  decline_reason: string | null;
  reference: string | null;
};

function toTransaction(r: TransactionRow): Transaction {
  return {
    id: r.id,
    accountId: r.account_id,
    cardId: r.card_id,
    cardLast4: r.card_last4,
    kind: r.kind,
    direction: r.direction,
    status: r.status,
    amountCents: r.amount_cents,
    currency: r.currency,
    description: r.description,
    merchantName: r.merchant_name,
    merchantId: r.merchant_id,
    mcc: r.mcc,
    merchantCountry: r.merchant_country,
    cardPresent: r.card_present,
    authorizedAt: r.authorized_at,
    postedAt: r.posted_at,
    refundOf: r.refund_of,
    relatedTo: r.related_to,
    statementId: r.statement_id,
    declineReason: r.decline_reason,
    reference: r.reference,
  };
}

const selectTransactions = (db: Executor) =>
  db.selectFrom('transactions as t').leftJoin('cards as k', 'k.id', 't.card_id').select(TRANSACTION_COLUMNS);

/**
 * Keyset pagination in (authorized_at desc, id desc) order, served by transactions_account_time_idx. Every
 * timestamp is written from a JS Date (millisecond precision, one write path), so a cursor built from a
 * Date compares exactly.
 */
export async function listTransactionsOf(db: Executor, accountId: string, query: TransactionQuery): Promise<TransactionPage> {
  let q = selectTransactions(db).where('t.account_id', '=', accountId);
  if (query.from) q = q.where('t.authorized_at', '>=', query.from);
  if (query.before) q = q.where('t.authorized_at', '<', query.before);
  if (query.status) q = q.where('t.status', '=', query.status);
  if (query.kind) q = q.where('t.kind', '=', query.kind);
  const after = query.after;
  if (after) q = q.where(({ eb, refTuple, tuple }) => eb(refTuple('t.authorized_at', 't.id'), '<', tuple(after.at, after.id)));
  const rows = await q.orderBy('t.authorized_at', 'desc').orderBy('t.id', 'desc').limit(query.limit + 1).execute();
  const items = rows.slice(0, query.limit).map(toTransaction);
  const last = items.at(-1);
  return { items, next: rows.length > query.limit && last ? { at: last.authorizedAt, id: last.id } : null };
}

export async function findTransaction(db: Executor, transactionId: string, customerId: string | null): Promise<Transaction | null> {
  let q = selectTransactions(db).where('t.id', '=', transactionId);
  if (customerId !== null) {
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('accounts as a').select('a.id').whereRef('a.id', '=', 't.account_id').where('a.customer_id', '=', customerId)),
    );
  }
  const row = await q.executeTakeFirst();
  return row ? toTransaction(row) : null;
}

export async function listRefundsOf(db: Executor, transactionId: string): Promise<Transaction[]> {
  const rows = await selectTransactions(db).where('t.refund_of', '=', transactionId).orderBy('t.authorized_at').orderBy('t.id').execute();
  return rows.map(toTransaction);
}

export async function findByReference(db: Executor, reference: string): Promise<Transaction | null> {
  const row = await selectTransactions(db).where('t.reference', '=', reference).executeTakeFirst();
  return row ? toTransaction(row) : null;
}

export type NewPosting = {
  id: string;
  accountId: string;
  cardId: string | null;
  kind: 'credit' | 'adjustment';
  direction: Direction;
  amountCents: number;
  currency: string;
  description: string;
  relatedTo: string | null;
  reference: string;
  at: Date;
};

/**
 * Inserts a posted ledger entry unless one with the same reference exists (ON CONFLICT DO NOTHING keeps two
 * racing retries from both posting). Returns whether this call created it.
 */
export async function insertPosting(db: Executor, p: NewPosting): Promise<boolean> {
  const inserted = await db
    .insertInto('transactions')
    .values({
      id: p.id,
      account_id: p.accountId,
      card_id: p.cardId,
      kind: p.kind,
      direction: p.direction,
      status: 'posted',
      amount_cents: p.amountCents,
      currency: p.currency,
      description: p.description,
      related_to: p.relatedTo,
      reference: p.reference,
      authorized_at: p.at,
      posted_at: p.at,
      created_at: p.at,
    })
    .onConflict((oc) => oc.column('reference').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}
