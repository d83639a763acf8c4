import { recordAudit } from '../../platform/audit.ts';
import type { CardholderActor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { inUnit } from '../../platform/unit-of-work.ts';
import { redactInbound } from '../safety/index.ts';
import type { CaseDeps, RequestMeta } from './case-deps.ts';
import { findCase, insertEvents } from './cases.repo.ts';

/** A satisfaction rating after a resolution: 1–5 and an optional comment, once per resolution. */
export async function rateCase(deps: CaseDeps, actor: CardholderActor, caseId: string, input: { rating: number; comment?: string | undefined }, meta: RequestMeta): Promise<void> {
  const comment = input.comment?.trim() ? redactInbound(input.comment.trim()).text : null;
  await inUnit(deps.db, async ({ tx }) => {
    const row = await findCase(tx, caseId, actor.customerId, true);
    if (!row) throw notFound('Case');
    if (row.resolution_count === 0 || !['resolved', 'closed'].includes(row.status)) {
      throw new AppError('conflict', 'You can rate a case once it has been resolved');
    }
    const now = deps.clock.now();
    const inserted = await tx
      .insertInto('csat_responses')
      .values({ case_id: caseId, resolution_count: row.resolution_count, rating: input.rating, comment, created_at: now })
      .onConflict((oc) => oc.doNothing())
      .returning('case_id')
      .executeTakeFirst();
    if (!inserted) throw new AppError('conflict', 'You already rated this resolution; thank you');
    await insertEvents(tx, [{ case_id: caseId, at: now, kind: 'csat', actor_id: actor.userId, actor_role: 'cardholder', actor_name: actor.displayName, visible_to_cardholder: true, data: { rating: input.rating, hasComment: comment !== null } }]);
    await recordAudit(tx, { action: 'csat.create', actorId: actor.userId, actorRole: 'cardholder', targetType: 'case', targetId: caseId, requestId: meta.requestId, ip: meta.ip, at: now, detail: { rating: input.rating } });
  });
}
