import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit.ts';
import { inUnit } from '../../platform/unit-of-work.ts';
import type { CaseDeps } from './case-deps.ts';
import { findCase, insertEvents } from './cases.repo.ts';
import { listSlaView } from './cases.view.ts';
import { saveCase } from './save-case.ts';
import type { Priority } from './service-policy.ts';

const ESCALATE: Record<Priority, Priority> = { low: 'normal', normal: 'high', high: 'urgent', urgent: 'urgent' };
const LIVE = ['new', 'open', 'pending_internal'] as const;

export type SweepReport = { warned: number; breached: number };

/**
 * The SLA sweep, run on a timer in every process. Each warning and each breach is acted on exactly once
 * however many processes sweep: the act starts with a conditional UPDATE (`… WHERE sla_breached_at IS NULL`)
 * that only one transaction can win. A breach raises the priority one step, records an `sla_breached`
 * timeline event and audit row, and tells the case's watchers.
 */
export async function sweepSla(deps: CaseDeps, limit = 200): Promise<SweepReport> {
  const now = deps.clock.now();
  const due = await deps.db
    .selectFrom('cases')
    .select(['id'])
    .where('status', 'in', [...LIVE])
    .where('sla_breached_at', 'is', null)
    .where(sql<boolean>`LEAST(first_response_due_at, next_response_due_at, resolution_due_at) <= ${now}`)
    .orderBy(sql`LEAST(first_response_due_at, next_response_due_at, resolution_due_at)`)
    .limit(limit)
    .execute();
  let breached = 0;
  for (const { id } of due) if (await actOnBreach(deps, id)) breached++;

  const soon = await deps.db
    .selectFrom('cases')
    .selectAll()
    .where('status', 'in', [...LIVE])
    .where('sla_warned_at', 'is', null)
    .where('sla_breached_at', 'is', null)
    .where(sql<boolean>`LEAST(first_response_due_at, next_response_due_at, resolution_due_at) <= ${new Date(now.getTime() + 7 * 86_400_000)}`)
    .limit(limit)
    .execute();
  let warned = 0;
  for (const row of soon) {
    const view = listSlaView(deps.policy, row, now);
    const risky = (['firstResponse', 'nextResponse', 'resolution'] as const).filter((k) => view[k].atRisk);
    if (risky.length > 0 && (await warnOnce(deps, row.id, risky))) warned++;
  }
  return { warned, breached };
}

async function actOnBreach(deps: CaseDeps, caseId: string): Promise<boolean> {
  return inUnit(deps.db, async (unit) => {
    const { tx } = unit;
    const now = deps.clock.now();
    const won = await tx
      .updateTable('cases')
      .set({ sla_breached_at: now })
      .where('id', '=', caseId)
      .where('sla_breached_at', 'is', null)
      .where(sql<boolean>`LEAST(first_response_due_at, next_response_due_at, resolution_due_at) <= ${now}`)
      .executeTakeFirst();
    if (Number(won.numUpdatedRows) !== 1) return false; // another process acted, or the case moved on
    const row = await findCase(tx, caseId, null, true);
    if (!row) return false;
    const which = (['first_response_due_at', 'next_response_due_at', 'resolution_due_at'] as const).filter((k) => row[k] && row[k]!.getTime() <= now.getTime());
    const priority = ESCALATE[row.priority];
    const system = { actor_id: null, actor_role: 'system', actor_name: 'SLA' };
    await saveCase(deps, tx, row, { priority, sla_breached_at: now }, [
      { case_id: caseId, at: now, ...system, kind: 'sla_breached', visible_to_cardholder: false, data: { targets: which.map((k) => k.replace('_due_at', '')), policy: row.sla_policy } },
      ...(priority !== row.priority ? [{ case_id: caseId, at: now, ...system, kind: 'priority_changed', visible_to_cardholder: false, data: { from: row.priority, to: priority, reason: 'sla_breach' } }] : []),
    ], now);
    await recordAudit(tx, { action: 'case.priority', actorId: null, actorRole: 'system', targetType: 'case', targetId: caseId, requestId: `sla:${caseId}:${now.getTime()}`, at: now, detail: { breach: which, from: row.priority, to: priority } });
    unit.afterCommit(() => deps.publish({ type: 'case.updated', caseId, customerId: row.customer_id }));
    return true;
  });
}

async function warnOnce(deps: CaseDeps, caseId: string, targets: string[]): Promise<boolean> {
  return inUnit(deps.db, async (unit) => {
    const now = deps.clock.now();
    const won = await unit.tx.updateTable('cases').set({ sla_warned_at: now }).where('id', '=', caseId).where('sla_warned_at', 'is', null).executeTakeFirst();
    if (Number(won.numUpdatedRows) !== 1) return false;
    await insertEvents(unit.tx, [{ case_id: caseId, at: now, kind: 'sla_warning', actor_id: null, actor_role: 'system', actor_name: 'SLA', visible_to_cardholder: false, data: { targets } }]);
    unit.afterCommit(() => deps.publish({ type: 'case.updated', caseId, staffOnly: true }));
    return true;
  });
}
