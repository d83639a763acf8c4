import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { localDate } from '../calendars/index.ts';
import type { CaseDeps, RequestMeta } from '../cases/index.ts';
import { rulesFor } from './post-points.ts';
import { findScopedAccount } from './read-rewards.ts';
import { insertEnrollment, listEnrollments } from './rewards.repo.ts';

/**
 * Enroll an account in a promotion. Enrollment counts for purchases made from that moment on (never
 * retroactively). Enrolling twice answers with the first enrollment.
 */
export async function enrollPromotion(deps: CaseDeps, unit: Unit, actor: Actor, accountId: string, promotionId: string, meta: RequestMeta) {
  const account = await findScopedAccount(deps, unit, actor, accountId);
  const promotion = rulesFor(deps, account)?.promotions.find((p) => p.id === promotionId);
  if (!promotion) throw notFound('Promotion');
  const now = deps.clock.now();
  const today = localDate(now, deps.profile.issuer.timeZone);
  if (!promotion.requiresEnrollment) throw new AppError('conflict', `${promotion.name} needs no enrollment: every eligible purchase earns it`);
  if (today > promotion.endsOn) throw new AppError('conflict', `${promotion.name} ended on ${promotion.endsOn}`);
  const created = await insertEnrollment(unit.tx, { account_id: account.id, promotion_id: promotion.id, enrolled_by: actor.userId, enrolled_at: now });
  const enrolledAt = (await listEnrollments(unit.tx, account.id)).get(promotion.id) ?? now;
  if (created) {
    await recordAudit(unit.tx, { action: 'reward_enrollment.create', actorId: actor.userId, actorRole: actor.role, targetType: 'account', targetId: account.id, requestId: meta.requestId, ip: meta.ip, at: now, detail: { promotionId: promotion.id } });
  }
  return { accountId: account.id, promotionId: promotion.id, enrolledAt: enrolledAt.toISOString(), alreadyEnrolled: !created };
}
