/**
 * Money moves in steps with undo (CONVENTIONS habit 9) through the banking module's runMoneySteps (its public
 * door: banking owns postings). Each step posts with a deterministic reference
 * (`fee-refund:<fee transaction id>`), so a retry or a concurrent duplicate finds the first posting instead
 * of making a second. If a later step of the request fails, completed steps are undone in reverse order; with
 * the built-in ledger the rollback of the request's transaction also removes them, the compensations matter
 * for a processor adapter whose postings commit on their own.
 */
import { type CoreBanking, creditStep, type MoneyStep } from '../banking/index.ts';

export const refundReference = (feeTransactionId: string) => `fee-refund:${feeTransactionId}`;

/** The refund credit; its undo is a debit adjustment with the reference `…:undo` (banking/money-steps.ts). */
export function refundCreditStep(p: { banking: CoreBanking; accountId: string; amountCents: number; feeTransactionId: string; description: string; at: Date }): MoneyStep {
  return creditStep({ banking: p.banking, accountId: p.accountId, amountCents: p.amountCents, reference: refundReference(p.feeTransactionId), description: p.description, relatedTo: p.feeTransactionId, at: p.at });
}
