import { sql } from 'kysely';
import type { Executor } from '../../platform/db.ts';
import { type Account, type AccountBalance, type Card, type CardStatus, balanceSense } from './core-banking.port.ts';
import type { AccountKind } from './banking.tables.ts';
import './banking.tables.ts';

// `date` columns are read as text: pg would otherwise build a local-midnight Date and a day could shift.
const ACCOUNT_COLUMNS = [
  'a.id',
  'a.customer_id',
  'a.product_line',
  'a.card_product',
  'a.account_kind',
  'a.nickname',
  'a.currency',
  'a.annual_fee_cents',
  'a.credit_limit_cents',
  'a.billing_cycle_day',
  'a.status',
  'a.hold_reason',
  'a.hold_placed_at',
  sql<string>`a.opened_on::text`.as('opened_on'),
  sql<string | null>`a.closed_on::text`.as('closed_on'),
] as const;

type AccountRow = {
  id: string;
  customer_id: string;
  product_line: string;
  card_product: string;
  account_kind: AccountKind;
  nickname: string;
  currency: string;
  annual_fee_cents: number;
  credit_limit_cents: number | null;
  billing_cycle_day: number;
  status: Account['status'];
  hold_reason: string | null;
  hold_placed_at: Date | null;
  opened_on: string;
  closed_on: string | null;
};

function toAccount(r: AccountRow): Account {
  return {
    id: r.id,
    customerId: r.customer_id,
    productLine: r.product_line,
    cardProduct: r.card_product,
    kind: r.account_kind,
    nickname: r.nickname,
    currency: r.currency,
    annualFeeCents: r.annual_fee_cents,
    creditLimitCents: r.credit_limit_cents,
    billingCycleDay: r.billing_cycle_day,
    status: r.status,
    holdReason: r.hold_reason,
    holdPlacedAt: r.hold_placed_at,
    openedOn: r.opened_on,
    closedOn: r.closed_on,
  };
}

export async function listAccountsOf(db: Executor, customerId: string): Promise<Account[]> {
  const rows = await db.selectFrom('accounts as a').select(ACCOUNT_COLUMNS).where('a.customer_id', '=', customerId).orderBy('a.opened_on').orderBy('a.id').execute();
  return rows.map(toAccount);
}

/** Scoped by customer in SQL: another customer's account is simply not found. */
export async function findAccount(db: Executor, accountId: string, customerId: string | null): Promise<Account | null> {
  let query = db.selectFrom('accounts as a').select(ACCOUNT_COLUMNS).where('a.id', '=', accountId);
  if (customerId !== null) query = query.where('a.customer_id', '=', customerId);
  const row = await query.executeTakeFirst();
  return row ? toAccount(row) : null;
}

export async function setHold(db: Executor, accountId: string, hold: { reason: string; at: Date } | null): Promise<Account | null> {
  const row = await db
    .updateTable('accounts as a')
    .set(hold ? { status: 'on_hold', hold_reason: hold.reason, hold_placed_at: hold.at } : { status: 'active', hold_reason: null, hold_placed_at: null })
    .where('a.id', '=', accountId)
    .where('a.status', '!=', 'closed')
    .returning(ACCOUNT_COLUMNS)
    .executeTakeFirst();
  return row ? toAccount(row) : null;
}

/** Closes an account on a date (fee-refund cancellation, a review's close decision); a closed account stays closed. */
export async function setClosed(db: Executor, accountId: string, closedOn: string): Promise<Account | null> {
  const row = await db
    .updateTable('accounts as a')
    .set({ status: 'closed', closed_on: closedOn, hold_reason: null, hold_placed_at: null })
    .where('a.id', '=', accountId)
    .where('a.status', '!=', 'closed')
    .returning(ACCOUNT_COLUMNS)
    .executeTakeFirst();
  return row ? toAccount(row) : null;
}

/**
 * Current balance = last statement's closing balance + everything posted since (not yet on a statement);
 * pending = authorizations not yet posted.
 */
export async function balancesOf(db: Executor, accountIds: readonly string[]): Promise<Map<string, AccountBalance>> {
  const result = new Map<string, AccountBalance>();
  if (accountIds.length === 0) return result;
  const rows = await db
    .selectFrom('accounts as a')
    .leftJoin('transactions as t', (join) =>
      join.onRef('t.account_id', '=', 'a.id').on('t.statement_id', 'is', null).on('t.status', 'in', ['posted', 'authorized']),
    )
    .select([
      'a.id',
      'a.account_kind',
      'a.credit_limit_cents',
      sql<number>`COALESCE((SELECT s.closing_balance_cents FROM statements s WHERE s.account_id = a.id ORDER BY s.closing_date DESC LIMIT 1), 0)`.as('last_closing'),
      sql<number>`COALESCE(SUM(CASE WHEN t.status = 'posted' THEN CASE WHEN t.direction = 'debit' THEN t.amount_cents ELSE -t.amount_cents END END), 0)`.as('unbilled_owed'),
      sql<number>`COALESCE(SUM(CASE WHEN t.status = 'authorized' AND t.direction = 'debit' THEN t.amount_cents END), 0)`.as('pending'),
    ])
    .where('a.id', 'in', accountIds)
    .groupBy(['a.id', 'a.account_kind', 'a.credit_limit_cents'])
    .execute();
  for (const r of rows) {
    const owed = balanceSense(r.account_kind) === 'owed';
    const posted = Number(r.last_closing) + (owed ? 1 : -1) * Number(r.unbilled_owed);
    const pending = Number(r.pending);
    result.set(r.id, {
      accountId: r.id,
      postedBalanceCents: posted,
      pendingDebitsCents: pending,
      availableCreditCents: r.account_kind === 'credit' && r.credit_limit_cents !== null ? Math.max(0, r.credit_limit_cents - posted - pending) : null,
    });
  }
  return result;
}

const CARD_COLUMNS = ['k.id', 'k.account_id', 'k.last4', 'k.network', 'k.cardholder_name', 'k.expires', 'k.status', 'k.status_changed_at', 'k.replaced_by', 'k.issued_at'] as const;

type CardRow = {
  id: string;
  account_id: string;
  last4: string;
  network: string;
  cardholder_name: string;
  expires: string;
  status: CardStatus;
  status_changed_at: Date | null;
  replaced_by: string | null;
  issued_at: Date;
};

function toCard(r: CardRow): Card {
  return {
    id: r.id,
    accountId: r.account_id,
    last4: r.last4,
    network: r.network,
    cardholderName: r.cardholder_name,
    expires: r.expires,
    status: r.status,
    statusChangedAt: r.status_changed_at,
    replacedBy: r.replaced_by,
    issuedAt: r.issued_at,
  };
}

export async function listCardsOf(db: Executor, accountId: string): Promise<Card[]> {
  const rows = await db.selectFrom('cards as k').select(CARD_COLUMNS).where('k.account_id', '=', accountId).orderBy('k.issued_at', 'desc').orderBy('k.id').execute();
  return rows.map(toCard);
}

export async function findCard(db: Executor, cardId: string, customerId: string | null): Promise<Card | null> {
  let query = db.selectFrom('cards as k').innerJoin('accounts as a', 'a.id', 'k.account_id').select(CARD_COLUMNS).where('k.id', '=', cardId);
  if (customerId !== null) query = query.where('a.customer_id', '=', customerId);
  const row = await query.executeTakeFirst();
  return row ? toCard(row) : null;
}

/** A replaced card stays replaced: its successor carries the account on. */
export async function updateCardStatus(db: Executor, cardId: string, status: Exclude<CardStatus, 'replaced'>, at: Date): Promise<Card | null> {
  const row = await db
    .updateTable('cards as k')
    .set({ status, status_changed_at: at })
    .where('k.id', '=', cardId)
    .where('k.status', '!=', 'replaced')
    .returning(CARD_COLUMNS)
    .executeTakeFirst();
  return row ? toCard(row) : null;
}
