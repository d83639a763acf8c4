import { sql } from 'kysely';
import type { Executor } from '../../platform/db.ts';
import type { Statement } from './core-banking.port.ts';
import './banking.tables.ts';

const STATEMENT_COLUMNS = [
  's.id',
  's.account_id',
  sql<string>`s.period_start::text`.as('period_start'),
  sql<string>`s.closing_date::text`.as('closing_date'),
  sql<string>`s.due_date::text`.as('due_date'),
  's.opening_balance_cents',
  's.debits_cents',
  's.credits_cents',
  's.closing_balance_cents',
  's.minimum_due_cents',
] as const;

type StatementRow = {
  id: string;
  account_id: string;
  period_start: string;
  closing_date: string;
  due_date: string;
  opening_balance_cents: number;
  debits_cents: number;
  credits_cents: number;
  closing_balance_cents: number;
  minimum_due_cents: number;
};

function toStatement(r: StatementRow): Statement {
  return {
    id: r.id,
    accountId: r.account_id,
    periodStart: r.period_start,
    closingDate: r.closing_date,
    dueDate: r.due_date,
    openingBalanceCents: r.opening_balance_cents,
    debitsCents: r.debits_cents,
    creditsCents: r.credits_cents,
    closingBalanceCents: r.closing_balance_cents,
    minimumDueCents: r.minimum_due_cents,
  };
}

/** Newest first. */
export async function listStatementsOf(db: Executor, accountId: string, limit: number): Promise<Statement[]> {
  const rows = await db
    .selectFrom('statements as s')
    .select(STATEMENT_COLUMNS)
    .where('s.account_id', '=', accountId)
    .orderBy('s.closing_date', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toStatement);
}

export async function statementCovering(db: Executor, accountId: string, day: string): Promise<Statement | null> {
  const row = await db
    .selectFrom('statements as s')
    .select(STATEMENT_COLUMNS)
    .where('s.account_id', '=', accountId)
    .where(sql<boolean>`${day}::date BETWEEN s.period_start AND s.closing_date`)
    .executeTakeFirst();
  return row ? toStatement(row) : null;
}
