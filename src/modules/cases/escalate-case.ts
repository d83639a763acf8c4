import type { Actor } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { redactInbound } from '../safety/index.ts';
import { transition } from './case.machine.ts';
import { withCase } from './case-actions.ts';
import type { CaseDeps, RequestMeta } from './case-deps.ts';
import type { CaseEventInput, CaseRow } from './cases.repo.ts';
import { saveCase, stateChangeEvent } from './save-case.ts';

/** Escalated cases wait here for a supervisor to pick them up (assignment.ts never auto-assigns them). */
export const SUPERVISOR_QUEUE = 'supervisor';
export const ESCALATION_REASON_MAX = 2000;

export type EscalationActor = { id: string | null; role: string; name: string };
export type EscalationSource = 'request' | 'rights_invoked';

/** Why an escalation cannot happen, as a 409 the cardholder can act on; null when it can. */
export function escalationBlocker(row: Pick<CaseRow, 'status' | 'merged_into' | 'number'>): AppError | null {
  if (row.merged_into) return new AppError('conflict', 'This case was merged into another case; ask for a supervisor on that case', { extra: { mergedInto: row.merged_into } });
  if (row.status === 'closed') {
    return new AppError('case_closed', `Case ${row.number} is closed, so it cannot be passed to a supervisor. Start a new message mentioning case ${row.number} and ask for a supervisor there.`);
  }
  return null;
}

/**
 * Inside the caller's transaction: the case goes to the supervisor queue, leaves the agent's hands (a
 * supervisor picks it up) and falls under the supervisor SLA policy (saveCase recomputes the due times when
 * `escalation` changes). A resolved case is reopened first. Already escalated: nothing changes (idempotent).
 */
export async function escalateRow(deps: CaseDeps, tx: Tx, row: CaseRow, who: EscalationActor, reason: string, source: EscalationSource, now: Date): Promise<{ row: CaseRow; changed: boolean }> {
  const blocker = escalationBlocker(row);
  if (blocker) throw blocker;
  if (row.escalation === 'supervisor') return { row, changed: false };
  const events: CaseEventInput[] = [];
  const patch: Parameters<typeof saveCase>[3] = { escalation: 'supervisor', queue: SUPERVISOR_QUEUE, assignee_id: null };
  if (row.status === 'resolved') {
    const to = transition(row.status, 'reopen');
    events.push(...stateChangeEvent(row, to, who, now, { reason: 'escalated to a supervisor' }));
    patch.status = to;
    patch.resolved_at = null;
  }
  events.push({
    case_id: row.id,
    at: now,
    kind: 'escalated',
    actor_id: who.id,
    actor_role: who.role,
    actor_name: who.name,
    visible_to_cardholder: true,
    data: { to: 'supervisor', reason, source, previousQueue: row.queue, previousAssigneeId: row.assignee_id },
  });
  const saved = await saveCase(deps, tx, row, patch, events, now);
  return { row: saved, changed: true };
}

/** `POST /api/v1/cases/:id/escalate`: the cardholder on their own case (another's is a 404) or staff. */
export function escalateCase(deps: CaseDeps, unit: Unit, actor: Actor, caseId: string, reason: string, meta: RequestMeta): Promise<CaseRow> {
  const text = redactInbound(reason.trim()).text; // PCI DSS 3.3.1: the reason is cardholder text like any other
  if (text.length === 0) throw new AppError('validation_failed', 'reason must not be empty', { errors: [{ field: 'reason', message: 'must not be empty' }] });
  const who = { id: actor.userId, role: actor.role, name: actor.displayName };
  return withCase(deps, unit, actor, caseId, meta, 'case.escalate', async (tx, row, now) => {
    const result = await escalateRow(deps, tx, row, who, text, 'request', now);
    return { row: result.row, detail: result.changed ? { to: 'supervisor', from: row.queue } : { unchanged: true } };
  });
}
