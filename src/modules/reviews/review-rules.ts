/**
 * The rule-based hold hook: other modules (fraud, risk) or start-up call `openReviewByRule` to put an account
 * under review with a reason and documents, without a person. `reviewHeldDemoAccount` applies the rule "a hold
 * placed in the core system without a review gets one" to the demo's held account, at start-up.
 * LIMITATION: the CoreBanking port cannot list held accounts, so the start-up rule looks only at the account the
 * demo planted (demo_scenarios); a real adapter would feed its holds through `openReviewByRule`.
 */
import { inUnit } from '../../platform/unit-of-work.ts';
import { findDemoScenario } from '../banking/index.ts';
import type { CaseDeps } from '../cases/index.ts';
import { isOneOpenViolation, openReview } from './open-review.ts';
import type { DocumentInput } from './request-documents.ts';
import { latestReviewOf, type ReviewRow } from './reviews.repo.ts';

export type RuleHold = { accountId: string; rule: string; reason: string; reasonCode: string; documents: DocumentInput[] };

/** Opens a review by rule; an account already under review keeps its review (returns it). */
export async function openReviewByRule(deps: CaseDeps, hold: RuleHold): Promise<ReviewRow | null> {
  const account = await deps.banking.findAccount(hold.accountId, { customerId: null });
  if (!account || account.status === 'closed') return null;
  const existing = await latestReviewOf(deps.db, account.id);
  if (existing?.status === 'open') return existing;
  const meta = { requestId: `rule:${hold.rule}:${account.id}`, ip: null };
  try {
    return await inUnit(deps.db, (unit) => openReview(deps, unit, { account, reason: hold.reason, reasonCode: hold.reasonCode, documents: hold.documents, source: 'rule', rule: hold.rule }, meta));
  } catch (error) {
    if (isOneOpenViolation(error)) return latestReviewOf(deps.db, account.id); // another process opened it first
    throw error;
  }
}

export async function reviewHeldDemoAccount(deps: CaseDeps): Promise<ReviewRow | null> {
  const s = await findDemoScenario(deps.db, 'account_on_hold');
  if (!s?.accountId) return null;
  const account = await deps.banking.findAccount(s.accountId, { customerId: null });
  if (account?.status !== 'on_hold') return null;
  const detail = s.detail as { holdReason?: string; documentsRequested?: string[] };
  const labels = detail.documentsRequested?.length ? detail.documentsRequested : [undefined];
  return openReviewByRule(deps, {
    accountId: s.accountId,
    rule: 'core_hold_without_review',
    reason: detail.holdReason ?? account.holdReason ?? 'Account review',
    reasonCode: 'income_verification',
    documents: labels.map((label) => ({ kind: 'income' as const, label })),
  });
}
