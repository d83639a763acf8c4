import type { Account, Transaction } from '../banking/index.ts';
import { localDate } from '../calendars/index.ts';
import { liabilityFor, regulationFor } from '../disputes/regulation/index.ts';
import type { FraudDeps } from './fraud-deps.ts';
import type { FraudAlertRow } from './fraud.repo.ts';

export type LiabilityView = {
  /** The issuer's promise ("$0 liability"); what the cardholder really pays for charges they did not make. */
  issuerPromiseCents: number | null;
  regulation: 'reg_z' | 'reg_e' | 'none';
  /** The regulation's own cap: Reg Z $50 (12 CFR 1026.12(b)); Reg E by tier (12 CFR 1005.6(b)). */
  regulatoryCapCents: number | null;
  tier: string;
  capCents: number | null;
  citation: string;
  explanation: string;
};

/**
 * The liability shown follows the product: credit and charge cards fall under Regulation Z, debit and prepaid
 * under Regulation E. A fraud alert is about card details used without the card being lost, so the Reg E tier
 * is 1005.6(b)(3) when reported in time; the issuer's promise applies where it is better.
 */
export function liabilityView(deps: FraudDeps, account: Account, now: Date): LiabilityView {
  const regulation = regulationFor(account.kind);
  const l = liabilityFor({ regulation, reportedOn: localDate(now, deps.calendar.timeZone), issuerPromiseCents: deps.rules.config.issuerLiabilityPromiseCents }, deps.calendar);
  return {
    issuerPromiseCents: l.issuerPromiseCents,
    regulation: l.regulation,
    regulatoryCapCents: l.regulatoryCapCents,
    tier: l.tier,
    capCents: l.capCents,
    citation: l.citation,
    explanation: l.explanation,
  };
}

export type ChargeView = { id: string; merchantName: string | null; amountCents: number; currency: string; merchantCountry: string | null; cardPresent: boolean | null; authorizedAt: string; status: string; cardLast4: string | null };

export const chargeView = (t: Transaction): ChargeView => ({
  id: t.id,
  merchantName: t.merchantName,
  amountCents: t.amountCents,
  currency: t.currency,
  merchantCountry: t.merchantCountry,
  cardPresent: t.cardPresent,
  authorizedAt: t.authorizedAt.toISOString(),
  status: t.status,
  cardLast4: t.cardLast4,
});

export type AlertView = {
  id: string;
  status: FraudAlertRow['status'];
  score: number;
  reasons: Array<{ rule: string; reason: string }>;
  charge: ChargeView | null;
  cardId: string;
  createdAt: string;
  decidedAt: string | null;
  decidedVia: 'portal' | 'link' | null;
  linkExpiresAt: string;
  liability: LiabilityView;
  outcome: Record<string, unknown> | null;
};

export function alertView(row: FraudAlertRow, charge: Transaction | null, liability: LiabilityView): AlertView {
  return {
    id: row.id,
    status: row.status,
    score: row.score,
    reasons: row.reasons.map((r) => ({ rule: r.rule, reason: r.reason })),
    charge: charge ? chargeView(charge) : null,
    cardId: row.card_id,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedVia: row.decided_via,
    linkExpiresAt: row.token_expires_at.toISOString(),
    liability,
    outcome: row.outcome,
  };
}

export async function loadAlertView(deps: FraudDeps, row: FraudAlertRow, now: Date): Promise<AlertView> {
  const [charge, account] = [await deps.banking.findTransaction(row.transaction_id, { customerId: null }), await deps.banking.findAccount(row.account_id, { customerId: null })];
  if (!account) throw new Error(`alert ${row.id} names a missing account`);
  return alertView(row, charge, liabilityView(deps, account, now));
}
