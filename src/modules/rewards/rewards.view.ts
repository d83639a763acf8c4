import type { Static } from 'typebox';
import { periodOf, approvalThreshold, type RewardRules } from './earn-rules.ts';
import { expectedPointsOf } from './explain-points.ts';
import type { SyncedAccount } from './post-points.ts';
import type { AdjustmentRow, LedgerEntryRow } from './rewards.repo.ts';
import type { AdjustmentView, LedgerEntryView, ProgramView } from './rewards.schema.ts';

export const entryView = (e: LedgerEntryRow): Static<typeof LedgerEntryView> => ({
  id: e.id,
  kind: e.kind,
  points: e.points,
  description: e.description,
  effectiveOn: e.effective_on,
  transactionId: e.transaction_id,
  promotionId: e.promotion_id,
  source: e.source,
});

export const adjustmentView = (a: AdjustmentRow, rules: RewardRules | null): Static<typeof AdjustmentView> => ({
  id: a.id,
  accountId: a.account_id,
  points: a.points,
  reason: a.reason,
  transactionId: a.transaction_id,
  status: a.status,
  requestedBy: a.requested_by,
  decidedBy: a.decided_by,
  decisionNote: a.decision_note,
  approvalAbovePoints: rules ? approvalThreshold(rules) : 0,
  createdAt: a.created_at.toISOString(),
  decidedAt: a.decided_at ? a.decided_at.toISOString() : null,
});

/** Bonus spend used so far in the current period of each capped category, and when the cap was reached. */
function capUsage(s: SyncedAccount, categoryId: string, period: 'quarter' | 'year', capCents: number) {
  const current = periodOf(s.today, period);
  let used = 0;
  let reachedOn: string | null = null;
  for (const e of s.earnings.values()) {
    if (e.outcome === 'earns' && e.category?.id === categoryId) {
      const day = e.day;
      if (day < current.start || day > current.end) continue;
      used += e.bonusCents;
      if (e.reachedCap && e.reachedCap.period === current.label) reachedOn = e.reachedCap.reachedOn;
    }
    if (e.outcome === 'refund' && e.refund?.found) {
      const original = s.earnings.get(e.refund.ofTransactionId);
      const day = original?.day ?? '';
      if (original?.category?.id === categoryId && day >= current.start && day <= current.end) used -= e.refund.bonusRoomRestoredCents;
    }
  }
  return { currentPeriod: current.label, usedCents: used, reachedOn: used >= capCents ? reachedOn : null }; // a refund may have reopened it
}

export function programView(rules: RewardRules, s: SyncedAccount): Static<typeof ProgramView> {
  return {
    name: rules.programName,
    baseRate: rules.baseRate,
    postsAt: rules.postsAt,
    adjustmentApprovalAbovePoints: approvalThreshold(rules),
    redemption: rules.redemption ?? null,
    categories: rules.bonusCategories.map((c) => ({
      id: c.id,
      label: c.label,
      rate: c.rate,
      cap: c.cap ? { amountCents: c.cap.amountCents, period: c.cap.period, ...capUsage(s, c.id, c.cap.period, c.cap.amountCents) } : null,
    })),
    promotions: rules.promotions.map((p) => {
      const at = s.enrollments.get(p.id);
      return { id: p.id, name: p.name, description: p.description, extraRate: p.extraRate, startsOn: p.startsOn, endsOn: p.endsOn, requiresEnrollment: p.requiresEnrollment, enrolled: !p.requiresEnrollment || at !== undefined, enrolledAt: at ? at.toISOString() : null };
    }),
  };
}

/** Points the rules give that are not in the ledger yet: pending transactions and those waiting for statement close. */
export function pendingPoints(s: SyncedAccount): number {
  let sum = 0;
  for (const [id, e] of s.earnings) {
    const t = s.transactions.get(id);
    if (!t || e.outcome === 'void') continue;
    const due = s.postingOf(t);
    if (e.isPending || (due && !due.isDue)) sum += expectedPointsOf(e);
  }
  return sum;
}
