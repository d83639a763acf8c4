import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { safeEqual } from '../../platform/auth/authenticate.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type AlertView, loadAlertView } from './alert-view.ts';
import { type FraudDeps, hashToken, type RequestMeta } from './fraud-deps.ts';
import { findAlert, listAlertsOf } from './fraud.repo.ts';

export const ALERT_LIST_LIMIT = 50;

/** A cardholder's own alerts, newest first; staff name the customer and the read is audited. */
export async function listAlerts(deps: FraudDeps, actor: Actor, customerId: string | undefined, meta: RequestMeta): Promise<AlertView[]> {
  let owner: string;
  if (actor.kind === 'cardholder') owner = actor.customerId;
  else {
    if (!customerId) throw new AppError('validation_failed', 'Staff name the customer with ?customerId=', { errors: [{ field: 'customerId', message: 'is required for staff' }] });
    owner = customerId;
  }
  const now = deps.clock.now();
  const rows = await listAlertsOf(deps.db, owner, ALERT_LIST_LIMIT);
  if (actor.kind === 'staff') {
    await recordAudit(deps.db, { action: 'fraud_alert.list', actorId: actor.userId, actorRole: actor.role, targetType: 'customer', targetId: owner, requestId: meta.requestId, ip: meta.ip, at: now, detail: { count: rows.length } });
  }
  const views: AlertView[] = [];
  for (const row of rows) views.push(await loadAlertView(deps, row, now));
  return views;
}

/** One alert: the signed-in cardholder's own, or anyone holding a valid, unused, unexpired link. */
export async function readAlert(deps: FraudDeps, who: { actor: Actor } | { token: string }, alertId: string): Promise<AlertView> {
  const now = deps.clock.now();
  if ('token' in who) {
    const row = await findAlert(deps.db, alertId, null);
    if (!row || !safeEqual(hashToken(who.token), row.token_hash)) throw notFound('Alert');
    if (row.token_used_at) throw new AppError('alert_link_used', 'This link was already used. Sign in to see the alert.');
    if (row.token_expires_at.getTime() <= now.getTime()) throw new AppError('alert_link_expired', 'This link has expired. Sign in to see the alert.');
    return loadAlertView(deps, row, now);
  }
  if (who.actor.kind !== 'cardholder') throw new AppError('forbidden', 'Staff see alerts with GET /api/v1/fraud-alerts?customerId=');
  const row = await findAlert(deps.db, alertId, who.actor.customerId);
  if (!row) throw notFound('Alert');
  return loadAlertView(deps, row, now);
}
