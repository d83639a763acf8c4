import { sql } from 'kysely';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { withCase } from './case-actions.ts';
import type { CaseDeps, RequestMeta } from './case-deps.ts';
import { type CaseRow, findCase } from './cases.repo.ts';
import { saveCase } from './save-case.ts';

/**
 * Merges a duplicate case into a survivor of the same cardholder: the duplicate's messages, attachments and
 * timeline move to the survivor (timelines joined, in arrival order), the duplicate is closed and points to
 * the survivor, and both timelines say so.
 */
export function mergeCase(deps: CaseDeps, unit: Unit, actor: StaffActor, caseId: string, intoCaseId: string, meta: RequestMeta): Promise<CaseRow> {
  return withCase(deps, unit, actor, caseId, meta, 'case.merge', async (tx, source, now) => {
    if (caseId === intoCaseId) throw new AppError('conflict', 'A case cannot be merged into itself');
    const target = await findCase(tx, intoCaseId, null, true);
    if (!target) throw notFound('Target case');
    if (source.merged_into) throw new AppError('conflict', 'This case was already merged');
    if (target.merged_into || target.status === 'closed') throw new AppError('conflict', 'The target case is closed or merged; pick the case that stays open');
    if (target.customer_id !== source.customer_id) throw new AppError('conflict', 'Only cases of the same cardholder can be merged');
    const moved = await tx.updateTable('messages').set({ case_id: target.id }).where('case_id', '=', source.id).executeTakeFirst();
    await tx.updateTable('attachments').set({ case_id: target.id }).where('case_id', '=', source.id).execute();
    await sql`UPDATE case_events SET case_id = ${target.id}, data = data || ${JSON.stringify({ fromCase: source.number })}::jsonb WHERE case_id = ${source.id}`.execute(tx);
    const who = { actor_id: actor.userId, actor_role: actor.role, actor_name: actor.displayName };
    await saveCase(deps, tx, target, {}, [
      { case_id: target.id, at: now, kind: 'merged', ...who, visible_to_cardholder: true, data: { from: source.number, fromId: source.id, messages: Number(moved.numUpdatedRows) } },
    ], now);
    const closed = await saveCase(deps, tx, source, { status: 'closed', closed_at: now, merged_into: target.id }, [
      { case_id: source.id, at: now, kind: 'merged', ...who, visible_to_cardholder: true, data: { into: target.number, intoId: target.id } },
    ], now);
    unit.afterCommit(() => deps.publish({ type: 'case.updated', caseId: target.id, customerId: target.customer_id }));
    return { row: closed, detail: { into: target.id } };
  });
}
