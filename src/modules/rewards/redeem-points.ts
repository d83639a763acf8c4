/**
 * Redeem points for a statement credit (CONVENTIONS habit 9: money moves in steps with undo, behind an
 * Idempotency-Key, in integer cents). Step 1 posts the credit to the account with a reference derived from the
 * new ledger entry's id; step 2 writes the redemption entry (the points leave the balance). If step 2 fails, the
 * credit is undone with a debit adjustment (`…:undo`) by the banking module's runMoneySteps — with the built-in
 * ledger both are in the same transaction anyway, the compensation matters for a processor adapter whose
 * postings commit on their own.
 */
import { recordAudit } from '../../platform/audit.ts';
import type { CardholderActor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { creditStep, runMoneySteps } from '../banking/index.ts';
import { localDate } from '../calendars/index.ts';
import type { CaseDeps, RequestMeta } from '../cases/index.ts';
import { money } from './explain-points.ts';
import { rulesFor } from './post-points.ts';
import { findScopedAccount } from './read-rewards.ts';
import { insertEntry, lockRewardsAccount, pointsBalance } from './rewards.repo.ts';

const invalid = (field: string, message: string) => new AppError('validation_failed', `${field} ${message}`, { errors: [{ field, message }] });

/** Cents a number of points is worth, rounded down to the cent (the cardholder never gets a fraction). */
export const creditCentsFor = (points: number, centsPerPoint: number): number => Math.floor((points * Math.round(centsPerPoint * 10_000)) / 10_000);

export async function redeemPoints(deps: CaseDeps, unit: Unit, actor: CardholderActor, accountId: string, points: number, meta: RequestMeta) {
  const account = await findScopedAccount(deps, unit, actor, accountId);
  const redemption = rulesFor(deps, account)?.redemption;
  if (!redemption) throw new AppError('conflict', `${account.nickname} does not offer points for statement credits`);
  if (points < redemption.minimumPoints) throw invalid('points', `must be at least ${redemption.minimumPoints.toLocaleString('en-US')}`);
  if (account.status !== 'active') throw new AppError('conflict', 'Points cannot be redeemed while the account is on hold or closed');
  const amountCents = creditCentsFor(points, redemption.statementCreditCentsPerPoint);
  await lockRewardsAccount(unit.tx, account.id);
  const balance = await pointsBalance(unit.tx, account.id);
  if (points > balance) throw new AppError('conflict', `You have ${balance.toLocaleString('en-US')} points; you cannot redeem ${points.toLocaleString('en-US')}`);

  const now = deps.clock.now();
  const entryId = newId('rwe');
  const reference = `rewards:${entryId}`;
  const banking = deps.banking.withTransaction(unit.tx);
  const description = `Rewards: ${points.toLocaleString('en-US')} points redeemed`;
  const step = creditStep({ banking, accountId: account.id, amountCents, reference, description, at: now });
  const credit = await runMoneySteps(
    [step],
    async ([posted]) => {
      await insertEntry(unit.tx, {
        id: entryId,
        account_id: account.id,
        customer_id: account.customerId,
        kind: 'redemption',
        points: -points,
        transaction_id: null,
        promotion_id: null,
        adjustment_id: null,
        source: 'posting',
        description: `Statement credit ${money(amountCents, account.currency)}`,
        effective_on: localDate(now, deps.profile.issuer.timeZone),
        created_at: now,
      });
      await recordAudit(unit.tx, { action: 'reward_redemption.create', actorId: actor.userId, actorRole: actor.role, targetType: 'account', targetId: account.id, requestId: meta.requestId, ip: meta.ip, at: now, detail: { points, amountCents, creditTransactionId: posted!.transaction.id } });
      return posted!;
    },
    deps.logger,
  );
  return { entryId, points, amountCents, currency: account.currency, creditTransactionId: credit.transaction.id, balance: balance - points };
}
