import type { Updateable } from 'kysely';
import type { Tx } from '../../platform/db.ts';
import type { CaseDeps } from './case-deps.ts';
import { computeCaseSla, dueColumns, slaEventsFrom } from './case-sla.ts';
import type { CasesTable } from './cases.tables.ts';
import { type CaseEventInput, type CaseRow, insertEvents, type SlaHistoryEntry, slaHistory, updateCase } from './cases.repo.ts';
import { slaPolicyFor } from './service-policy.ts';

/**
 * The one write path for an existing case: the row change, its timeline entries, and the SLA due times
 * recomputed from the whole timeline (which is the SLA history) under the policy the changed case falls under.
 */
export async function saveCase(deps: CaseDeps, tx: Tx, row: CaseRow, patch: Updateable<CasesTable>, events: CaseEventInput[], now: Date): Promise<CaseRow> {
  await insertEvents(tx, events);
  const full = planCaseSave(deps, row, patch, await slaHistory(tx, row.id), now);
  await updateCase(tx, row.id, full);
  return { ...row, ...full } as CaseRow;
}

/**
 * The whole change saveCase writes, computed from the case's timeline including the new events: the patch, the
 * SLA policy and due times, and cleared breach marks. Pure, so a one-statement writer (post-reply.ts) shares it.
 */
export function planCaseSave(deps: CaseDeps, row: CaseRow, patch: Updateable<CasesTable>, timeline: SlaHistoryEntry[], now: Date) {
  const next = { ...row, ...patch } as CaseRow;
  const slaPolicy = slaPolicyFor(deps.policy, { priority: next.priority, channel: next.channel, escalation: next.escalation });
  const sla = computeCaseSla(deps.policy, slaPolicy, slaEventsFrom(timeline), now);
  const dues = dueColumns(sla);
  // A breach or warning belongs to the due times it was raised for: once every live due time is in the
  // future again (an agent answered, a new cycle began), the next breach is a new one and is acted on again.
  const live = Object.values(dues).filter((d): d is Date => d !== null);
  const clear = live.every((d) => d.getTime() > now.getTime()) ? { sla_breached_at: null, sla_warned_at: null } : {};
  return { ...clear, ...patch, sla_policy: slaPolicy.id, ...dues, updated_at: now };
}

export function stateChangeEvent(row: CaseRow, to: CaseRow['status'], actor: { id: string | null; role: string; name: string }, now: Date, extra: Record<string, unknown> = {}): CaseEventInput[] {
  if (row.status === to) return [];
  return [
    {
      case_id: row.id,
      at: now,
      kind: 'state_changed',
      actor_id: actor.id,
      actor_role: actor.role,
      actor_name: actor.name,
      visible_to_cardholder: true,
      data: { from: row.status, to, ...extra },
    },
  ];
}
