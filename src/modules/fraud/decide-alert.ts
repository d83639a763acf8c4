import { blockCardIn, reissueCardIn } from '../cards/index.ts';
import { openSystemCase } from '../cases/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { CardholderActor } from '../../platform/auth/actor.ts';
import { safeEqual } from '../../platform/auth/authenticate.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { type AlertView, chargeView, loadAlertView, liabilityView } from './alert-view.ts';
import { type FraudDeps, hashToken, type RequestMeta } from './fraud-deps.ts';
import { findAlert, type FraudAlertRow, pendingAlertsOnCard, recordDecision, suppressMerchant } from './fraud.repo.ts';
import { recurringMerchants } from './recurring-merchants.ts';

export type Decision = 'confirm' | 'deny';
/** Who answers: the signed-in cardholder in the portal, or whoever holds the one-time link. */
export type Answerer = { via: 'portal'; actor: CardholderActor } | { via: 'link'; token: string };

const DAY_MS = 86_400_000;
const STATUS_OF: Record<Decision, 'confirmed' | 'denied'> = { confirm: 'confirmed', deny: 'denied' };

/**
 * Guard, inside the transaction with the alert row locked: a link must match (else 404, as if the alert did
 * not exist), be unused and unexpired (410); an alert already answered the other way is a 409; answered the
 * same way, the first answer is returned again.
 */
async function lockAlert(deps: FraudDeps, unit: Unit, who: Answerer, alertId: string, decision: Decision, now: Date): Promise<{ row: FraudAlertRow; replay: boolean }> {
  const row = await findAlert(unit.tx, alertId, who.via === 'portal' ? who.actor.customerId : null, true);
  if (!row) throw notFound('Alert');
  if (who.via === 'link') {
    if (!safeEqual(hashToken(who.token), row.token_hash)) throw notFound('Alert');
    if (row.token_used_at) throw new AppError('alert_link_used', 'This link was already used. Sign in to see the alert and what happened.');
    if (row.token_expires_at.getTime() <= now.getTime()) throw new AppError('alert_link_expired', 'This link has expired. Sign in to answer the alert, or call us.');
  }
  if (row.status === 'expired') throw new AppError('alert_link_expired', 'This alert has expired. Call us if you do not recognize the charge.');
  if (row.status === 'pending') return { row, replay: false };
  if (row.status === STATUS_OF[decision]) return { row, replay: true };
  throw new AppError('alert_already_decided', `You already told us ${row.status === 'denied' ? 'that this charge was not you' : 'that this charge was you'}. Message us if that was a mistake.`, {
    extra: { alertStatus: row.status },
  });
}

const actorOf = (who: Answerer, row: FraudAlertRow) =>
  who.via === 'portal' ? { userId: who.actor.userId, role: who.actor.role, name: who.actor.displayName } : { userId: null, role: 'cardholder', name: `Cardholder (one-time link, ${row.customer_id})` };

export async function decideAlert(deps: FraudDeps, unit: Unit, who: Answerer, alertId: string, decision: Decision, meta: RequestMeta): Promise<AlertView> {
  const now = deps.clock.now();
  const { row, replay } = await lockAlert(deps, unit, who, alertId, decision, now);
  if (!replay) {
    const outcome = decision === 'confirm' ? await confirm(deps, unit, row, now) : await deny(deps, unit, who, row, meta, now);
    await recordDecision(unit.tx, row.id, { status: STATUS_OF[decision], via: who.via, outcome, at: now });
    const actor = actorOf(who, row);
    await recordAudit(unit.tx, { action: decision === 'confirm' ? 'fraud_alert.confirm' : 'fraud_alert.deny', actorId: actor.userId, actorRole: actor.role, targetType: 'fraud_alert', targetId: row.id, requestId: meta.requestId, ip: meta.ip, at: now, detail: { via: who.via } });
  }
  const fresh = await findAlert(unit.tx, row.id, null);
  return loadAlertView({ ...deps, banking: deps.banking.withTransaction(unit.tx) }, fresh!, now);
}

/** "It was me": the alert is released and the same merchant does not alert again on this account for a while. */
async function confirm(deps: FraudDeps, unit: Unit, row: FraudAlertRow, now: Date): Promise<Record<string, unknown>> {
  const until = new Date(now.getTime() + deps.rules.config.suppressSameMerchantDays * DAY_MS);
  await suppressMerchant(unit.tx, { accountId: row.account_id, merchantKey: row.merchant_key, until, alertId: row.id, at: now });
  const charge = await deps.banking.withTransaction(unit.tx).findTransaction(row.transaction_id, { customerId: null });
  const held = charge?.status === 'declined' && charge.declineReason === 'suspected_fraud_pending';
  return {
    kind: 'confirmed',
    sameMerchantQuietUntil: until.toISOString(),
    // A held charge stays declined at the processor: the cardholder retries and it goes through (suppressed).
    nextStep: held ? 'We held this purchase to check with you. Please try it again: it will not be stopped this time.' : 'Thank you. The charge stays on your account as usual.',
  };
}

/**
 * "It wasn't me": block the card at once, reissue it with a new last 4, open an urgent fraud case listing the
 * denied charge and later charges on the card to be disputed as unauthorized, and list the merchants that
 * charge the card monthly, which will need the new card.
 */
async function deny(deps: FraudDeps, unit: Unit, who: Answerer, row: FraudAlertRow, meta: RequestMeta, now: Date): Promise<Record<string, unknown>> {
  const { tx } = unit;
  const banking = deps.banking.withTransaction(tx);
  const card = await banking.findCard(row.card_id, { customerId: null });
  const account = await banking.findAccount(row.account_id, { customerId: null });
  const denied = await banking.findTransaction(row.transaction_id, { customerId: null });
  if (!card || !account || !denied) throw new Error(`alert ${row.id} names a missing card, account or transaction`);
  const actor = actorOf(who, row);
  const auditActor = { userId: actor.userId, role: actor.role };

  const lookback = new Date(now.getTime() - deps.rules.config.recurringMerchantLookbackDays * DAY_MS);
  const history = (await banking.listTransactions(account.id, { limit: 2_000, from: lookback, before: new Date(now.getTime() + 1) })).items.filter((t) => t.cardId === card.id);
  const recurring = recurringMerchants(history, now);
  const recurringNames = new Set(recurring.map((r) => r.merchantName));

  // Later suspicious charges: other open alerts on this card, and charges on it after the denied one that are
  // not from a merchant the cardholder pays every month.
  const otherAlerts = (await pendingAlertsOnCard(tx, card.id)).filter((a) => a.id !== row.id);
  const later = history.filter((t) => t.id !== denied.id && t.status !== 'declined' && t.kind === 'purchase' && t.authorizedAt.getTime() >= denied.authorizedAt.getTime() && !recurringNames.has(t.merchantName ?? ''));
  const laterIds = new Set([...later.map((t) => t.id), ...otherAlerts.map((a) => a.transaction_id)]);
  const unauthorized = [denied, ...history.filter((t) => laterIds.has(t.id))];

  let replacement: { id: string; last4: string; expires: string } | null = null;
  if (card.status !== 'replaced') {
    const blocked = await blockCardIn(tx, deps.banking, card, auditActor, 'fraud reported by the cardholder', meta, now);
    const reissued = await reissueCardIn(tx, deps.banking, blocked, auditActor, 'replacement after fraud', meta, now);
    replacement = { id: reissued.replacement.id, last4: reissued.replacement.last4, expires: reissued.replacement.expires };
  } else if (card.replacedBy) {
    const existing = await banking.findCard(card.replacedBy, { customerId: null });
    if (existing) replacement = { id: existing.id, last4: existing.last4, expires: existing.expires };
  }

  const links: Record<string, string> = { fraudAlertId: row.id, deniedTransactionId: denied.id, blockedCardId: card.id };
  if (replacement) links.replacementCardId = replacement.id;
  unauthorized.slice(1).forEach((t, i) => (links[`unauthorizedTransactionId${i + 2}`] = t.id));
  const charges = unauthorized.map(chargeView);
  // LIMITATION: the charges are recorded on the fraud case as disputed for reason "unauthorized" (the
  // fraud_reported event); no dispute row is filed per charge, since most are still authorizations (not
  // disputable until they post, REFERENCE.md); the agent works them on the fraud case, and a posted one can
  // also be disputed from the account page.
  const opened = await openSystemCase(
    deps.cases,
    unit,
    {
      customerId: row.customer_id,
      accountId: account.id,
      transactionId: denied.id,
      subject: `Fraud reported on card ending ${card.last4}`,
      type: 'fraud',
      priority: 'urgent',
      links,
      actor: { id: actor.userId, role: actor.role, name: actor.name },
      notify: false, // the cardholder sees the case in this answer; case.opened speaks of a message they did not send
      events: [
        { kind: 'fraud_reported', visibleToCardholder: true, data: { alertId: row.id, via: who.via, disputeReason: 'unauthorized', transactionIds: charges.map((c) => c.id), charges } },
        { kind: 'card_blocked', visibleToCardholder: true, data: { cardId: card.id, last4: card.last4 } },
        ...(replacement ? [{ kind: 'card_reissued', visibleToCardholder: true, data: { cardId: replacement.id, last4: replacement.last4 } }] : []),
      ],
    },
    meta,
  );
  // The other alerts on the card are answered by this denial: their charges are on the case.
  for (const other of otherAlerts) {
    await recordDecision(tx, other.id, { status: 'denied', via: who.via, outcome: { kind: 'denied_with', alertId: row.id, caseId: opened.id, caseNumber: opened.number }, at: now });
  }
  return {
    kind: 'denied',
    case: { id: opened.id, number: opened.number, priority: opened.priority },
    blockedCard: { id: card.id, last4: card.last4 },
    replacementCard: replacement,
    unauthorizedCharges: charges,
    recurringMerchants: recurring,
    liability: liabilityView(deps, account, now),
    nextStep: 'Your card is blocked and a new one is on its way. We opened a fraud case for the charges above; you will not pay for charges you did not make.',
  };
}
