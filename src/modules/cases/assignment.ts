import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit.ts';
import { inUnit } from '../../platform/unit-of-work.ts';
import type { CaseDeps } from './case-deps.ts';
import { findCase } from './cases.repo.ts';
import { saveCase } from './save-case.ts';

const OPEN_STATES = ['new', 'open', 'pending_customer', 'pending_internal'] as const;
const PRIORITY_ORDER = sql`CASE c.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END`;

/**
 * Skills- and capacity-based assignment, round-robin: the available agent with the case's product line as a
 * skill and room under their open-case limit who was assigned least recently. The agent's row is locked
 * (SKIP LOCKED), so two processes never push one agent over capacity; the case is claimed only while still
 * unassigned. Returns the agent id, or null when nobody has capacity (the case waits in the queue).
 */
export async function assignOne(deps: CaseDeps, caseId: string): Promise<string | null> {
  return inUnit(deps.db, async (unit) => {
    const { tx } = unit;
    const row = await findCase(tx, caseId, null, true);
    if (!row || row.assignee_id || row.merged_into || row.escalation || !OPEN_STATES.includes(row.status as (typeof OPEN_STATES)[number])) return null;
    const { rows } = await sql<{ id: string; display_name: string; agent_code: string }>`
      SELECT u.id, u.display_name, u.agent_code FROM users u
       WHERE u.role = 'agent' AND u.available AND u.disabled_at IS NULL AND ${row.product_line} = ANY(u.skills)
         AND (SELECT count(*) FROM cases c WHERE c.assignee_id = u.id AND c.status IN ('new', 'open', 'pending_customer', 'pending_internal')) < u.max_open_cases
       ORDER BY u.last_assigned_at ASC NULLS FIRST, u.id
       LIMIT 1
       FOR UPDATE OF u SKIP LOCKED`.execute(tx);
    const agent = rows[0];
    if (!agent) return null;
    const now = deps.clock.now();
    await saveCase(deps, tx, row, { assignee_id: agent.id }, [
      {
        case_id: row.id,
        at: now,
        kind: 'assigned',
        actor_id: null,
        actor_role: 'system',
        actor_name: 'Assignment',
        visible_to_cardholder: true,
        data: { assigneeId: agent.id, assigneeName: agent.display_name, agentCode: agent.agent_code, reason: 'round_robin' },
      },
    ], now);
    await tx.updateTable('users').set({ last_assigned_at: now }).where('id', '=', agent.id).execute();
    await recordAudit(tx, { action: 'case.assign', actorId: null, actorRole: 'system', targetType: 'case', targetId: row.id, at: now, requestId: `assign:${row.id}`, detail: { to: agent.id, reason: 'round_robin' } });
    unit.afterCommit(() => deps.publish({ type: 'case.updated', caseId: row.id, customerId: row.customer_id }));
    return agent.id;
  });
}

/**
 * FIFO backfill: unassigned open cases, most urgent first and oldest first within a priority, each offered
 * to an agent until nobody has capacity for it. Run after a case opens, when capacity frees, and on a timer.
 * `full` says no available agent had room left for any product line at the end of the pass: until a case
 * changes (which may free room) new cases cannot be assigned, so the workers skip passes (workers.ts).
 */
export async function backfillPass(deps: CaseDeps, limit = 50): Promise<{ assigned: number; full: boolean }> {
  // One cheap query first: the product lines some available agent still has room for. With everyone at
  // capacity (the common case under load) the backfill ends here instead of trying case after case.
  const { rows } = await sql<{ line: string }>`
    SELECT DISTINCT unnest(u.skills) AS line FROM users u
     WHERE u.role = 'agent' AND u.available AND u.disabled_at IS NULL
       AND (SELECT count(*) FROM cases c WHERE c.assignee_id = u.id AND c.status IN ('new', 'open', 'pending_customer', 'pending_internal')) < u.max_open_cases`.execute(deps.db);
  const lines = new Set(rows.map((r) => r.line));
  if (lines.size === 0) return { assigned: 0, full: true };
  const waiting = await deps.db
    .selectFrom('cases as c')
    .select(['c.id', 'c.product_line'])
    .where('c.product_line', 'in', [...lines])
    .where('c.assignee_id', 'is', null)
    .where('c.status', 'in', ['new', 'open', 'pending_internal'])
    .where('c.merged_into', 'is', null)
    .where('c.escalation', 'is', null)
    .orderBy(PRIORITY_ORDER)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  let assigned = 0;
  for (const { id, product_line: line } of waiting) {
    if (!lines.has(line)) continue; // nobody had room for this line earlier in this pass
    if (await assignOne(deps, id)) assigned++;
    else lines.delete(line);
  }
  return { assigned, full: lines.size === 0 };
}

/** One backfill pass; the number of cases it assigned. */
export async function backfillAssignments(deps: CaseDeps, limit = 50): Promise<number> {
  return (await backfillPass(deps, limit)).assigned;
}
