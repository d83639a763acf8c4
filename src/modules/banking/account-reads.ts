import { DateTime } from 'luxon';
import { AppError, notFound } from '../../platform/errors.ts';
import { canReadCustomer, customerScope } from '../../platform/policy.ts';
import { type AuditNote, auditedRead, type ReadContext } from './audited-read.ts';
import type { AccountDetailView, AccountView, StatementView, TransactionView } from './banking.schema.ts';
import { accountView, cardView, statementView, transactionView } from './banking.view.ts';
import type { Account, CoreBanking, TransactionStatus } from './core-banking.port.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

// Read use cases for accounts. A cardholder's reads are scoped to their own customer in SQL, so someone
// else's account is "not found" (404), never "forbidden".

export const STATEMENT_HISTORY = 36; // three years of statements is more than any dispute window needs

/** The customer whose accounts are listed: a cardholder's own; staff must say whom. */
function customerFor(ctx: ReadContext, asked: string | undefined): string {
  const scope = customerScope(ctx.actor);
  if (scope !== null) {
    if (asked !== undefined && asked !== scope) throw notFound('Customer');
    return scope;
  }
  if (asked === undefined) {
    throw new AppError('validation_failed', 'Staff must name the customer: ?customerId=cus_…', { errors: [{ field: 'customerId', message: 'is required for staff' }] });
  }
  if (!canReadCustomer(ctx.actor, asked)) throw new AppError('forbidden', 'Your role may not read customer accounts');
  return asked;
}

async function findScoped(ctx: ReadContext, banking: CoreBanking, accountId: string): Promise<Account> {
  const account = await banking.findAccount(accountId, { customerId: customerScope(ctx.actor) });
  if (!account) throw notFound('Account');
  return account;
}

export async function listAccounts(ctx: ReadContext, asked: string | undefined): Promise<AccountView[]> {
  const customerId = customerFor(ctx, asked);
  const note: AuditNote<AccountView[]> = { action: 'account.list', targetType: 'customer', targetId: customerId, detail: (r) => ({ accounts: r.length }) };
  return auditedRead(ctx, note, async (banking) => {
    if (customerScope(ctx.actor) === null && !(await banking.findCustomer(customerId))) throw notFound('Customer');
    const accounts = await banking.listAccounts(customerId);
    const balances = await banking.balances(accounts.map((a) => a.id));
    return accounts.map((a) => accountView(ctx.profile, a, balances.get(a.id)));
  });
}

export async function getAccount(ctx: ReadContext, accountId: string): Promise<AccountDetailView> {
  const note: AuditNote<AccountDetailView> = { action: 'account.read', targetType: 'account', targetId: accountId, detail: (r) => ({ customerId: r.customerId, cards: r.cards.length }) };
  return auditedRead(ctx, note, async (banking) => {
    const account = await findScoped(ctx, banking, accountId);
    const [balances, cards] = await Promise.all([banking.balances([account.id]), banking.listCards(account.id)]);
    return { ...accountView(ctx.profile, account, balances.get(account.id)), cards: cards.map(cardView) };
  });
}

export type TransactionListQuery = { limit: number; cursor?: string | undefined; from?: string | undefined; to?: string | undefined; status?: TransactionStatus | undefined };

/** A calendar day in the issuer's time zone, as the instant it starts. */
function startOfDay(day: string, zone: string): Date {
  return DateTime.fromISO(day, { zone }).startOf('day').toJSDate();
}

export async function listTransactions(ctx: ReadContext, accountId: string, query: TransactionListQuery): Promise<{ items: TransactionView[]; nextCursor: string | null }> {
  if (query.from && query.to && query.from > query.to) {
    throw new AppError('validation_failed', 'from must be on or before to', { errors: [{ field: 'from', message: 'must be on or before to' }] });
  }
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const zone = ctx.profile.issuer.timeZone;
  const from = query.from ? startOfDay(query.from, zone) : undefined;
  const before = query.to ? DateTime.fromJSDate(startOfDay(query.to, zone), { zone }).plus({ days: 1 }).toJSDate() : undefined;
  const note: AuditNote<{ items: TransactionView[] }> = {
    action: 'transaction.list',
    targetType: 'account',
    targetId: accountId,
    detail: (r) => ({ returned: r.items.length, from: query.from ?? null, to: query.to ?? null, status: query.status ?? null, page: after ? 'next' : 'first' }),
  };
  return auditedRead(ctx, note, async (banking) => {
    const account = await findScoped(ctx, banking, accountId);
    const page = await banking.listTransactions(account.id, { limit: query.limit, after, from, before, status: query.status });
    return { items: page.items.map(transactionView), nextCursor: page.next ? encodeCursor(page.next) : null };
  });
}

export async function listStatements(ctx: ReadContext, accountId: string): Promise<StatementView[]> {
  const note: AuditNote<StatementView[]> = { action: 'statement.list', targetType: 'account', targetId: accountId, detail: (r) => ({ returned: r.length }) };
  return auditedRead(ctx, note, async (banking) => {
    const account = await findScoped(ctx, banking, accountId);
    const statements = await banking.listStatements(account.id, STATEMENT_HISTORY);
    return statements.map((s) => statementView(s, account.currency));
  });
}
