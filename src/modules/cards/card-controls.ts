import type { Card, CoreBanking } from '../banking/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, CardholderActor, StaffActor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Unit } from '../../platform/unit-of-work.ts';

export type CardDeps = { db: Db; clock: Clock; banking: CoreBanking };
export type RequestMeta = { requestId: string; ip: string | null };
/** Who is recorded in the audit log: a signed-in user, or nobody signed in (a one-time link: userId null). */
export type AuditActor = { userId: string | null; role: string };

export type CardView = { id: string; accountId: string; last4: string; network: string; expires: string; status: Card['status']; statusChangedAt: string | null; replacedBy: string | null };

export function cardView(card: Card): CardView {
  return {
    id: card.id,
    accountId: card.accountId,
    last4: card.last4,
    network: card.network,
    expires: card.expires,
    status: card.status,
    statusChangedAt: card.statusChangedAt?.toISOString() ?? null,
    replacedBy: card.replacedBy,
  };
}

const scopeOf = (actor: Actor) => ({ customerId: actor.kind === 'cardholder' ? actor.customerId : null });

/** Read through the unit's transaction: PGlite has a single connection, and the row is then current. */
async function ownCard(deps: CardDeps, unit: Unit, actor: Actor, cardId: string): Promise<Card> {
  const card = await deps.banking.withTransaction(unit.tx).findCard(cardId, scopeOf(actor));
  if (!card) throw notFound('Card');
  return card;
}

const audit = (tx: Tx, action: 'card.lock' | 'card.unlock' | 'card.block' | 'card.reissue', actor: AuditActor, card: Card, meta: RequestMeta, at: Date, detail: Record<string, unknown> = {}) =>
  recordAudit(tx, { action, actorId: actor.userId, actorRole: actor.role, targetType: 'card', targetId: card.id, requestId: meta.requestId, ip: meta.ip, at, detail: { from: card.status, ...detail } });

/** Lock: purchases are declined until the cardholder unlocks. Locking a locked card changes nothing. */
export async function lockCard(deps: CardDeps, unit: Unit, actor: CardholderActor, cardId: string, meta: RequestMeta): Promise<CardView> {
  const card = await ownCard(deps, unit, actor, cardId);
  if (card.status === 'locked') return cardView(card);
  if (card.status !== 'active') throw new AppError('invalid_state_transition', `This card is ${card.status} and cannot be used again, so there is nothing to lock`);
  const now = deps.clock.now();
  const locked = await deps.banking.withTransaction(unit.tx).setCardStatus(card.id, 'locked', now);
  await audit(unit.tx, 'card.lock', actor, card, meta, now);
  return cardView(locked);
}

/** Unlock only undoes a lock: a blocked or replaced card stays stopped (409). */
export async function unlockCard(deps: CardDeps, unit: Unit, actor: CardholderActor, cardId: string, meta: RequestMeta): Promise<CardView> {
  const card = await ownCard(deps, unit, actor, cardId);
  if (card.status === 'active') return cardView(card);
  if (card.status !== 'locked') {
    throw new AppError('invalid_state_transition', card.status === 'blocked' ? 'A blocked card cannot be unlocked; use its replacement or ask us for one' : 'A replaced card cannot be unlocked; use its replacement');
  }
  const now = deps.clock.now();
  const active = await deps.banking.withTransaction(unit.tx).setCardStatus(card.id, 'active', now);
  await audit(unit.tx, 'card.unlock', actor, card, meta, now);
  return cardView(active);
}

/** Block at once (fraud, lost or stolen): final for this card. Used by staff and by a fraud denial. */
export async function blockCardIn(tx: Tx, banking: CoreBanking, card: Card, actor: AuditActor, reason: string, meta: RequestMeta, at: Date): Promise<Card> {
  if (card.status === 'blocked') return card;
  if (card.status === 'replaced') throw new AppError('invalid_state_transition', 'A replaced card cannot be blocked; block its replacement');
  const blocked = await banking.withTransaction(tx).setCardStatus(card.id, 'blocked', at);
  await audit(tx, 'card.block', actor, card, meta, at, { reason });
  return blocked;
}

export async function blockCard(deps: CardDeps, unit: Unit, actor: StaffActor, cardId: string, reason: string, meta: RequestMeta): Promise<CardView> {
  const card = await ownCard(deps, unit, actor, cardId);
  return cardView(await blockCardIn(unit.tx, deps.banking, card, actor, reason, meta, deps.clock.now()));
}

export type Reissued = { replaced: CardView; replacement: CardView };

/** A new card with a new last 4 on the same account; the old one becomes `replaced` and names its successor. */
export async function reissueCardIn(tx: Tx, banking: CoreBanking, card: Card, actor: AuditActor, reason: string, meta: RequestMeta, at: Date): Promise<Reissued> {
  if (card.status === 'replaced') throw new AppError('invalid_state_transition', 'This card was already replaced', { extra: { replacedBy: card.replacedBy } });
  // Through the CoreBanking port, inside our transaction: the processor (or the built-in ledger) issues the card.
  const { replaced, replacement } = await banking.withTransaction(tx).issueReplacementCard(card.id, at);
  await audit(tx, 'card.reissue', actor, card, meta, at, { reason, replacementId: replacement.id });
  return { replaced: cardView(replaced), replacement: cardView(replacement) };
}

export async function reissueCard(deps: CardDeps, unit: Unit, actor: StaffActor, cardId: string, reason: string, meta: RequestMeta): Promise<Reissued> {
  const card = await ownCard(deps, unit, actor, cardId);
  return reissueCardIn(unit.tx, deps.banking, card, actor, reason, meta, deps.clock.now());
}
