import type { Account, Card, CoreBanking } from '../banking/index.ts';
import type { Executor } from '../../platform/db.ts';
import { enqueueNotification } from '../notifications/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { insertAuthorization } from './authorization-ledger.repo.ts';
import { buildProfile, type CardholderProfile } from './cardholder-profile.ts';
import { evaluateAuthorization, explain, type FraudReason, verdictFor } from './evaluate-authorization.ts';
import { type FraudDeps, merchantKey, newAlertId, newLinkToken, type RequestMeta } from './fraud-deps.ts';
import { insertAlert, isSuppressed, listAlertTransactionIds } from './fraud.repo.ts';

export type AuthorizationInput = {
  cardId: string;
  amountCents: number;
  currency: string;
  merchantName: string;
  mcc: string;
  merchantCountry: string;
  cardPresent: boolean;
};

export type AuthorizationResult = {
  transactionId: string;
  status: 'authorized' | 'declined';
  declineReason: string | null;
  score: number;
  reasons: FraudReason[];
  alert: { id: string; status: 'pending'; linkExpiresAt: string } | null;
  suppressedByEarlierConfirmation: boolean;
};

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const HISTORY_LIMIT = 2_000;

/** Why the ledger declines before any rule runs: the card or account cannot be used, or there is no room. */
async function ledgerDecline(banking: CoreBanking, card: Card, account: Account, amountCents: number): Promise<string | null> {
  if (card.status === 'locked') return 'card_locked';
  if (card.status === 'blocked') return 'card_blocked';
  if (card.status === 'replaced') return 'card_replaced';
  if (account.status === 'on_hold') return 'account_on_hold';
  if (account.status === 'closed') return 'account_closed';
  const balance = (await banking.balances([account.id])).get(account.id);
  if (!balance) return null;
  if (account.kind === 'credit' && balance.availableCreditCents !== null && balance.availableCreditCents < amountCents) return 'insufficient_credit';
  if ((account.kind === 'debit' || account.kind === 'prepaid') && balance.postedBalanceCents - balance.pendingDebitsCents < amountCents) return 'insufficient_funds';
  return null;
}

/**
 * The cardholder's profile from the account's recent history, leaving out charges already under a fraud alert
 * (a suspicious charge must not teach us that it is usual).
 * LIMITATION: built per authorization from the ledger (one query); a processor-scale feed would keep profiles
 * precomputed and update them incrementally — evaluation itself is already allocation-free.
 */
export async function loadProfile(
  deps: Pick<FraudDeps, 'rules'> & { banking: CoreBanking; db: Executor },
  account: Account,
  now: Date,
  exclude: ReadonlySet<string> = new Set(),
): Promise<CardholderProfile> {
  const from = new Date(now.getTime() - deps.rules.config.historyDays * DAY_MS);
  const page = await deps.banking.listTransactions(account.id, { limit: HISTORY_LIMIT, from, before: new Date(now.getTime() + 1) });
  const flagged = new Set([...(await listAlertTransactionIds(deps.db, account.id)), ...exclude]);
  const customer = await deps.banking.findCustomer(account.customerId);
  return buildProfile(deps.rules, page.items.filter((t) => !flagged.has(t.id)), { homeCountry: customer?.address.country ?? null });
}

/**
 * An authorization from the processor feed: declined by the ledger's own reasons, else scored by the fraud
 * rules. Above the alert threshold the cardholder gets an alert with a one-time link; above the decline
 * threshold the charge is also held (declined as `suspected_fraud_pending`) until they confirm.
 */
export async function recordAuthorization(deps: FraudDeps, unit: Unit, actor: StaffActor, input: AuthorizationInput, meta: RequestMeta): Promise<AuthorizationResult> {
  const now = deps.clock.now();
  const { tx } = unit;
  // Every read goes through the unit's own transaction (PGlite has one connection; PostgreSQL sees one snapshot).
  const banking = deps.banking.withTransaction(tx);
  const card = await banking.findCard(input.cardId, { customerId: null });
  if (!card) throw notFound('Card');
  const account = await banking.findAccount(card.accountId, { customerId: null });
  if (!account) throw notFound('Account');

  const blocked = await ledgerDecline(banking, card, account, input.amountCents);
  let score = 0;
  let reasons: FraudReason[] = [];
  let verdict: 'clear' | 'alert' | 'decline' = 'clear';
  let suppressed = false;
  const key = merchantKey(input.merchantName, input.mcc);
  if (!blocked) {
    const profile = await loadProfile({ rules: deps.rules, banking, db: tx }, account, now);
    const evaluation = evaluateAuthorization(deps.rules, profile, { ...input, at: now.getTime() });
    score = evaluation.score;
    reasons = explain(deps.rules, evaluation.fired);
    verdict = verdictFor(deps.rules, score);
    if (verdict !== 'clear' && (await isSuppressed(tx, account.id, key, now))) {
      suppressed = true;
      verdict = 'clear';
    }
  }
  const declineReason = blocked ?? (verdict === 'decline' ? 'suspected_fraud_pending' : null);

  const transactionId = await insertAuthorization(tx, { ...input, accountId: account.id, at: now, declineReason });
  await recordAudit(tx, {
    action: 'authorization.create',
    actorId: actor.userId,
    actorRole: actor.role,
    targetType: 'transaction',
    targetId: transactionId,
    requestId: meta.requestId,
    ip: meta.ip,
    at: now,
    detail: { cardId: card.id, declineReason, score, rules: reasons.map((r) => r.rule), suppressed },
  });
  let alert: AuthorizationResult['alert'] = null;
  if (verdict !== 'clear') {
    const id = newAlertId();
    const link = newLinkToken();
    const expires = new Date(now.getTime() + deps.rules.config.alertLinkHours * HOUR_MS);
    await insertAlert(tx, {
      id,
      customer_id: account.customerId,
      account_id: account.id,
      card_id: card.id,
      transaction_id: transactionId,
      merchant_key: key,
      score,
      reasons,
      status: 'pending',
      token_hash: link.hash,
      token_expires_at: expires,
      created_at: now,
    });
    await recordAudit(tx, { action: 'fraud_alert.create', actorId: actor.userId, actorRole: actor.role, targetType: 'fraud_alert', targetId: id, requestId: meta.requestId, ip: meta.ip, at: now, detail: { transactionId, score } });
    // The one-time link reaches the cardholder only in the message (/alerts/:id?token=…); we keep its hash.
    // The outbox row holds the token until it is sent, like any message body in flight.
    for (const channel of ['email', 'sms'] as const) {
      await enqueueNotification(tx, { topic: 'fraud.alert', recipient: { customerId: account.customerId }, template: 'fraud_alert', data: { alertId: id, token: link.token, linkExpiresAt: expires }, now, channel });
    }
    alert = { id, status: 'pending', linkExpiresAt: expires.toISOString() };
    const sink = deps.onLinkIssued;
    if (sink) unit.afterCommit(() => sink(id, link.token));
  }
  return { transactionId, status: declineReason ? 'declined' : 'authorized', declineReason, score, reasons, alert, suppressedByEarlierConfirmation: suppressed };
}
