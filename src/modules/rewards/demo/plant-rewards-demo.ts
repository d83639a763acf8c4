import type { Tx } from '../../../platform/db.ts';
import { newId } from '../../../platform/ids.ts';
import { createLedgerBanking, findDemoScenario } from '../../banking/index.ts';
import { localDate } from '../../calendars/index.ts';
import type { IssuerProfile } from '../../directory/index.ts';
import { pointsAt } from '../earn-rules.ts';
import { insertEntry } from '../rewards.repo.ts';

/**
 * The demo's points ledger history. Everything the rules give is posted by the posting sync on first use
 * (post-points.ts); this plants the one posting that disagrees with the rules, as the issuer's processor wrote it
 * before Cardcare: on the purchase that crossed the $6,000 quarterly US-supermarket cap (scenario
 * bonus_cap_reached), the processor applied the base rate to the whole purchase, although the part below the cap
 * earns the bonus rate. The first rewards check of that account opens a rewards case with both numbers.
 */
export const PLANTED_SOURCE = 'processor';

export async function plantRewardsDemo(tx: Tx, profile: IssuerProfile): Promise<{ transactionId: string; postedPoints: number } | null> {
  const scenario = await findDemoScenario(tx, 'bonus_cap_reached');
  const crossingId = scenario?.detail.crossingTransactionId;
  if (!scenario?.accountId || typeof crossingId !== 'string') return null;
  const banking = createLedgerBanking(tx);
  const account = await banking.findAccount(scenario.accountId, { customerId: null });
  const rules = profile.cardProducts.find((p) => p.id === account?.cardProduct)?.rewards;
  const crossing = await banking.findTransaction(crossingId, { customerId: null });
  if (!account || !rules || !crossing?.postedAt) return null;
  const postedPoints = pointsAt(crossing.amountCents, rules.baseRate);
  if (postedPoints === 0) return null;
  await insertEntry(tx, {
    id: newId('rwe'),
    account_id: account.id,
    customer_id: account.customerId,
    kind: 'earned',
    points: postedPoints,
    transaction_id: crossing.id,
    promotion_id: null,
    adjustment_id: null,
    source: PLANTED_SOURCE,
    description: `Earned: ${crossing.merchantName ?? crossing.description}`.slice(0, 300),
    effective_on: localDate(crossing.postedAt, profile.issuer.timeZone),
    created_at: crossing.postedAt,
  });
  return { transactionId: crossing.id, postedPoints };
}
