import type { PointsExplanation } from '../../api-types.ts';

/** A short heading for each reason; the sentence with the numbers comes from the server (detail.message). */
export const REASON_TITLES: Record<PointsExplanation['reason'], string> = {
  earned: 'Points earned',
  pending: 'Still pending',
  declined: 'Not charged, so no points',
  not_a_purchase: 'Not a purchase',
  category_not_eligible: 'This kind of purchase earns no points',
  cap_reached: 'Bonus cap reached',
  refunded: 'Refunded',
  promotion_not_enrolled: 'Not enrolled in the promotion',
  posts_at_statement_close: 'Posts when the statement closes',
  ledger_mismatch: 'We are correcting your points',
  no_rewards_program: 'No rewards on this account',
};

export const ENTRY_KINDS: Record<string, string> = {
  earned: 'Earned',
  reversed: 'Taken back',
  bonus: 'Promotion bonus',
  adjustment: 'Adjustment',
  redemption: 'Redeemed',
};

export const formatPoints = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${Math.abs(n).toLocaleString('en-US')} pt${Math.abs(n) === 1 ? '' : 's'}`;
export const pointsText = (n: number) => `${n.toLocaleString('en-US')} point${n === 1 ? '' : 's'}`;
