/**
 * Staff point adjustments (issue 6): a reason is required and every adjustment is audited. One above the
 * product's threshold (`adjustmentApprovalAbovePoints`, default 10,000 points either way) waits for a
 * supervisor's approval and touches the ledger only then; a supervisor may not approve their own request (four
 * eyes). An adjustment that would take the balance below zero is refused.
 */
import { recordAudit } from '../../platform/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import type { Account } from '../banking/index.ts';
import { localDate } from '../calendars/index.ts';
import type { CaseDeps, RequestMeta } from '../cases/index.ts';
import { approvalThreshold, type RewardRules } from './earn-rules.ts';
import { rulesFor } from './post-points.ts';
import { findScopedAccount } from './read-rewards.ts';
import { type AdjustmentRow, decideAdjustment, findAdjustment, insertAdjustment, insertEntry, lockRewardsAccount, pointsBalance } from './rewards.repo.ts';
import type { AdjustmentBody } from './rewards.schema.ts';
import { adjustmentView } from './rewards.view.ts';

const invalid = (field: string, message: string) => new AppError('validation_failed', `${field} ${message}`, { errors: [{ field, message }] });

function programOf(deps: CaseDeps, account: Account): RewardRules {
  const rules = rulesFor(deps, account);
  if (!rules) throw new AppError('conflict', `${account.nickname} does not earn points, so its points cannot be adjusted`);
  return rules;
}

async function applyToLedger(deps: CaseDeps, unit: Unit, a: AdjustmentRow | { id: string; account_id: string; customer_id: string; points: number; reason: string }, now: Date): Promise<string> {
  const balance = await pointsBalance(unit.tx, a.account_id);
  if (balance + a.points < 0) throw new AppError('conflict', `This would take the balance below zero (balance ${balance} points)`);
  const id = newId('rwe');
  await insertEntry(unit.tx, {
    id,
    account_id: a.account_id,
    customer_id: a.customer_id,
    kind: 'adjustment',
    points: a.points,
    transaction_id: null,
    promotion_id: null,
    adjustment_id: a.id,
    source: 'staff',
    description: `Adjustment: ${a.reason}`.slice(0, 300),
    effective_on: localDate(now, deps.profile.issuer.timeZone),
    created_at: now,
  });
  return id;
}

export async function requestAdjustment(deps: CaseDeps, unit: Unit, actor: StaffActor, accountId: string, body: AdjustmentBody, meta: RequestMeta) {
  const reason = body.reason.trim();
  if (!reason) throw invalid('reason', 'is required: say why the points change');
  if (body.points === 0) throw invalid('points', 'must not be 0');
  const account = await findScopedAccount(deps, unit, actor, accountId);
  const rules = programOf(deps, account);
  if (body.transactionId) {
    const txn = await deps.banking.withTransaction(unit.tx).findTransaction(body.transactionId, { customerId: null });
    if (!txn || txn.accountId !== account.id) throw invalid('transactionId', 'is not a transaction of this account');
  }
  await lockRewardsAccount(unit.tx, account.id);
  const now = deps.clock.now();
  const needsApproval = Math.abs(body.points) > approvalThreshold(rules);
  const id = newId('rwa');
  const base = { id, account_id: account.id, customer_id: account.customerId, points: body.points, reason };
  const entryId = needsApproval ? null : await applyToLedger(deps, unit, base, now);
  await insertAdjustment(unit.tx, {
    ...base,
    transaction_id: body.transactionId ?? null,
    status: needsApproval ? 'pending_approval' : 'applied',
    requested_by: actor.userId,
    decided_by: null,
    decision_note: null,
    ledger_entry_id: entryId,
    created_at: now,
    decided_at: needsApproval ? null : now,
  });
  await recordAudit(unit.tx, {
    action: 'reward_adjustment.create',
    actorId: actor.userId,
    actorRole: actor.role,
    targetType: 'account',
    targetId: account.id,
    requestId: meta.requestId,
    ip: meta.ip,
    at: now,
    detail: { adjustmentId: id, points: body.points, reason, transactionId: body.transactionId ?? null, status: needsApproval ? 'pending_approval' : 'applied', threshold: approvalThreshold(rules) },
  });
  const row = await findAdjustment(unit.tx, id, account.id);
  if (!row) throw new Error(`adjustment ${id} vanished`);
  return adjustmentView(row, rules);
}

export async function decidePendingAdjustment(deps: CaseDeps, unit: Unit, actor: StaffActor, accountId: string, adjustmentId: string, decision: 'approve' | 'reject', note: string | undefined, meta: RequestMeta) {
  const account = await findScopedAccount(deps, unit, actor, accountId);
  const rules = programOf(deps, account);
  await lockRewardsAccount(unit.tx, account.id);
  const row = await findAdjustment(unit.tx, adjustmentId, account.id, true);
  if (!row) throw notFound('Adjustment');
  if (row.status !== 'pending_approval') throw new AppError('invalid_state_transition', `This adjustment is already ${row.status.replace('_', ' ')}`);
  if (row.requested_by === actor.userId) throw new AppError('forbidden', 'A second person must decide: you requested this adjustment');
  const now = deps.clock.now();
  const entryId = decision === 'approve' ? await applyToLedger(deps, unit, row, now) : null;
  await decideAdjustment(unit.tx, row.id, { status: decision === 'approve' ? 'applied' : 'rejected', decided_by: actor.userId, decision_note: note?.trim() || null, ledger_entry_id: entryId, decided_at: now });
  await recordAudit(unit.tx, {
    action: decision === 'approve' ? 'reward_adjustment.approve' : 'reward_adjustment.reject',
    actorId: actor.userId,
    actorRole: actor.role,
    targetType: 'account',
    targetId: account.id,
    requestId: meta.requestId,
    ip: meta.ip,
    at: now,
    detail: { adjustmentId: row.id, points: row.points, requestedBy: row.requested_by, note: note ?? null },
  });
  const updated = await findAdjustment(unit.tx, row.id, account.id);
  if (!updated) throw new Error(`adjustment ${row.id} vanished`);
  return adjustmentView(updated, rules);
}
