import { recordAudit } from '../../platform/audit.ts';
import type { Actor, StaffActor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { customerScope } from '../../platform/policy.ts';
import { type CaseEvent, transition } from './case.machine.ts';
import type { CaseDeps, RequestMeta } from './case-deps.ts';
import { type CaseRow, findCase } from './cases.repo.ts';
import type { Tx } from '../../platform/db.ts';
import { markRead } from './messages.repo.ts';
import { inUnit, type Unit } from '../../platform/unit-of-work.ts';
import { saveCase, stateChangeEvent } from './save-case.ts';
import type { Priority } from './service-policy.ts';

export const ACTION_EVENTS = {
  start: 'start_work',
  'await-customer': 'await_customer',
  'await-internal': 'await_internal',
  resolve: 'resolve',
  reopen: 'reopen',
  close: 'close',
} as const satisfies Record<string, CaseEvent>;
export type CaseActionName = keyof typeof ACTION_EVENTS;

/** Staff actions on a case share one shape: lock the row, check, save with timeline and audit, publish after commit. */
export async function withCase(
  deps: CaseDeps,
  unit: Unit,
  actor: Actor,
  caseId: string,
  meta: RequestMeta,
  audit: Parameters<typeof recordAudit>[1]['action'],
  work: (tx: Tx, row: CaseRow, now: Date) => Promise<{ row: CaseRow; detail: Record<string, unknown> }>,
): Promise<CaseRow> {
  const { tx } = unit;
  const row = await findCase(tx, caseId, customerScope(actor), true);
  if (!row) throw notFound('Case');
  const now = deps.clock.now();
  const result = await work(tx, row, now);
  await recordAudit(tx, { action: audit, actorId: actor.userId, actorRole: actor.role, targetType: 'case', targetId: caseId, requestId: meta.requestId, ip: meta.ip, at: now, detail: result.detail });
  unit.afterCommit(() => deps.publish({ type: 'case.updated', caseId, customerId: result.row.customer_id }));
  return result.row;
}

const who = (actor: StaffActor) => ({ id: actor.userId, role: actor.role, name: actor.displayName });

export function applyAction(deps: CaseDeps, unit: Unit, actor: StaffActor, caseId: string, action: CaseActionName, note: string | undefined, meta: RequestMeta): Promise<CaseRow> {
  return withCase(deps, unit, actor, caseId, meta, 'case.transition', async (tx, row, now) => {
    if (row.merged_into) throw new AppError('conflict', 'This case was merged into another case');
    const to = transition(row.status, ACTION_EVENTS[action]);
    const patch: Parameters<typeof saveCase>[3] = { status: to };
    if (to === 'resolved') {
      patch.resolved_at = now;
      patch.resolution_count = row.resolution_count + 1;
    }
    if (row.status === 'resolved' && to === 'open') patch.resolved_at = null;
    if (to === 'closed') patch.closed_at = now;
    const saved = await saveCase(deps, tx, row, patch, stateChangeEvent(row, to, who(actor), now, note ? { note } : {}), now);
    return { row: saved, detail: { from: row.status, to } };
  });
}

export async function assignCase(deps: CaseDeps, unit: Unit, actor: StaffActor, caseId: string, assigneeId: string | null, meta: RequestMeta): Promise<CaseRow> {
  const target = assigneeId === 'me' ? actor.userId : assigneeId;
  if (target !== actor.userId && !['supervisor', 'admin'].includes(actor.role)) {
    throw new AppError('forbidden', 'Agents can assign cases to themselves; a supervisor assigns them to others');
  }
  return withCase(deps, unit, actor, caseId, meta, 'case.assign', async (tx, row, now) => {
    let assignee: { display_name: string; agent_code: string | null } | undefined;
    if (target) {
      assignee = await tx.selectFrom('users').select(['display_name', 'agent_code']).where('id', '=', target).where('role', '<>', 'cardholder').where('disabled_at', 'is', null).executeTakeFirst();
      if (!assignee) throw new AppError('validation_failed', 'No active staff member with that id', { errors: [{ field: 'assigneeId', message: 'is not an active staff member' }] });
    }
    if (row.assignee_id === target) return { row, detail: { unchanged: true } };
    const saved = await saveCase(deps, tx, row, { assignee_id: target }, [
      {
        case_id: row.id,
        at: now,
        kind: target ? 'assigned' : 'unassigned',
        actor_id: actor.userId,
        actor_role: actor.role,
        actor_name: actor.displayName,
        visible_to_cardholder: true,
        data: target ? { assigneeId: target, assigneeName: assignee?.display_name, agentCode: assignee?.agent_code, previous: row.assignee_id } : { previous: row.assignee_id },
      },
    ], now);
    if (target) await tx.updateTable('users').set({ last_assigned_at: now }).where('id', '=', target).execute();
    return { row: saved, detail: { from: row.assignee_id, to: target } };
  });
}

export function changePriority(deps: CaseDeps, unit: Unit, actor: StaffActor, caseId: string, priority: Priority, meta: RequestMeta): Promise<CaseRow> {
  return withCase(deps, unit, actor, caseId, meta, 'case.priority', async (tx, row, now) => {
    if (row.priority === priority) return { row, detail: { unchanged: true } };
    const saved = await saveCase(deps, tx, row, { priority }, [
      { case_id: row.id, at: now, kind: 'priority_changed', actor_id: actor.userId, actor_role: actor.role, actor_name: actor.displayName, visible_to_cardholder: false, data: { from: row.priority, to: priority } },
    ], now);
    return { row: saved, detail: { from: row.priority, to: priority } };
  });
}

/** Read receipts: the reader marks what the other side wrote; recorded once in the timeline per call that marks something. */
export async function markCaseRead(deps: CaseDeps, actor: Actor, caseId: string): Promise<void> {
  await inUnit(deps.db, async ({ tx, afterCommit }) => {
    const row = await findCase(tx, caseId, customerScope(actor));
    if (!row) throw notFound('Case');
    const count = await markRead(tx, caseId, actor.kind === 'cardholder' ? 'cardholder' : 'staff', deps.clock.now());
    if (count > 0) afterCommit(() => deps.publish({ type: 'case.updated', caseId, customerId: row.customer_id }));
  });
}
