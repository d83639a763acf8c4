import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { customerScope, isAuditedRead } from '../../platform/policy.ts';
import { inUnit, type Unit } from '../../platform/unit-of-work.ts';
import type { Account } from '../banking/index.ts';
import type { CaseDeps, RequestMeta } from '../cases/index.ts';
import { explainPoints } from './explain-points.ts';
import { syncRewards } from './post-points.ts';
import { listAdjustments, listHistory, pointsBalance, type HistoryCursor } from './rewards.repo.ts';
import type { ExplanationView, RewardsQuery, RewardsView } from './rewards.schema.ts';
import { adjustmentView, entryView, pendingPoints, programView } from './rewards.view.ts';

// Reads sync the account's ledger first (post-points.ts), so every answer reflects every posted transaction.
// A staff read is audited in the same transaction (PCI DSS 10.2.1); a cardholder's own read is not.

const encodeCursor = (c: HistoryCursor) => Buffer.from(JSON.stringify([c.on, c.at.toISOString(), c.id])).toString('base64url');

function decodeCursor(value: string): HistoryCursor {
  try {
    const [on, at, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as [string, string, string];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || Number.isNaN(Date.parse(at)) || !/^rwe_[0-9a-z]{16}$/.test(id)) throw new Error('bad cursor');
    return { on, at: new Date(at), id };
  } catch {
    throw new AppError('validation_failed', 'cursor is not one this endpoint gave out', { errors: [{ field: 'cursor', message: 'is not valid' }] });
  }
}

export async function findScopedAccount(deps: CaseDeps, unit: Unit, actor: Actor, accountId: string): Promise<Account> {
  const account = await deps.banking.withTransaction(unit.tx).findAccount(accountId, { customerId: customerScope(actor) });
  if (!account) throw notFound('Account');
  return account;
}

async function auditRead(unit: Unit, actor: Actor, action: 'rewards.read' | 'rewards.explain', targetType: string, targetId: string, meta: RequestMeta, at: Date, detail: Record<string, unknown>) {
  if (!isAuditedRead(actor)) return;
  await recordAudit(unit.tx, { action, actorId: actor.userId, actorRole: actor.role, targetType, targetId, requestId: meta.requestId, ip: meta.ip, at, detail });
}

export async function readRewards(deps: CaseDeps, actor: Actor, accountId: string, query: RewardsQuery, meta: RequestMeta): Promise<RewardsView> {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  return inUnit(deps.db, async (unit) => {
    const account = await findScopedAccount(deps, unit, actor, accountId);
    const synced = await syncRewards(deps, unit, account, meta);
    const [balance, page] = await Promise.all([pointsBalance(unit.tx, account.id), listHistory(unit.tx, account.id, query.limit ?? 25, after)]);
    const view: RewardsView = {
      accountId: account.id,
      program: synced ? programView(synced.rules, synced) : null,
      balance,
      pendingPoints: synced ? pendingPoints(synced) : 0,
      history: { items: page.items.map(entryView), nextCursor: page.next ? encodeCursor(page.next) : null },
    };
    if (actor.kind === 'staff') view.adjustments = (await listAdjustments(unit.tx, account.id, 20)).map((a) => adjustmentView(a, synced?.rules ?? null));
    await auditRead(unit, actor, 'rewards.read', 'account', account.id, meta, deps.clock.now(), { customerId: account.customerId, balance, page: after ? 'next' : 'first' });
    return view;
  });
}

export async function explainTransactionPoints(deps: CaseDeps, actor: Actor, transactionId: string, meta: RequestMeta): Promise<ExplanationView> {
  return inUnit(deps.db, async (unit) => {
    const banking = deps.banking.withTransaction(unit.tx);
    const txn = await banking.findTransaction(transactionId, { customerId: customerScope(actor) });
    if (!txn) throw notFound('Transaction');
    const account = await findScopedAccount(deps, unit, actor, txn.accountId);
    const synced = await syncRewards(deps, unit, account, meta);
    let view: ExplanationView;
    const earning = synced?.earnings.get(txn.id);
    if (!synced || !earning) {
      view = { transactionId: txn.id, accountId: account.id, expectedPoints: 0, postedPoints: 0, reason: 'no_rewards_program', detail: { message: `${account.nickname} does not earn points.` } };
    } else {
      const explained = explainPoints({
        rules: synced.rules,
        txn,
        earning,
        posting: synced.postingOf(txn),
        postedPoints: synced.posted.get(txn.id) ?? 0,
        discrepancy: synced.discrepancies.get(txn.id) ?? null,
      });
      view = { ...explained, accountId: account.id };
    }
    await auditRead(unit, actor, 'rewards.explain', 'transaction', txn.id, meta, deps.clock.now(), { accountId: account.id, reason: view.reason });
    return view;
  });
}
