/**
 * Money moves in steps with undo (CONVENTIONS habit 9), the same pattern as the disputes module's
 * money-steps.ts (modules do not share internals, habit 1). Each step posts with a deterministic reference
 * (`fee-refund:<fee transaction id>`), so a retry or a concurrent duplicate finds the first posting instead
 * of making a second. If a later step of the request fails, completed steps are undone in reverse order; with
 * the built-in ledger the rollback of the request's transaction also removes them, the compensations matter
 * for a processor adapter whose postings commit on their own.
 */
import type { Logger } from 'pino';
import type { CoreBanking, PostingResult } from '../banking/index.ts';

export type MoneyStep = { name: string; run(): Promise<PostingResult>; undo(done: PostingResult): Promise<unknown> };

export async function runMoneySteps<T>(steps: readonly MoneyStep[], after: (results: PostingResult[]) => Promise<T>, logger: Pick<Logger, 'error'>): Promise<T> {
  const done: Array<{ step: MoneyStep; result: PostingResult }> = [];
  try {
    for (const step of steps) done.push({ step, result: await step.run() });
    return await after(done.map((d) => d.result));
  } catch (error) {
    for (const { step, result } of done.reverse()) {
      if (result.replayed) continue; // posted by an earlier request: not ours to undo
      try {
        await step.undo(result);
      } catch (undoError) {
        logger.error({ err: undoError, step: step.name, ledgerTransactionId: result.transaction.id }, 'fee refund step could not be undone; reconcile by hand');
      }
    }
    throw error;
  }
}

export const refundReference = (feeTransactionId: string) => `fee-refund:${feeTransactionId}`;

/** The refund credit; its undo is a debit adjustment with the reference `…:undo`. */
export function refundCreditStep(p: { banking: CoreBanking; accountId: string; amountCents: number; feeTransactionId: string; description: string; at: Date }): MoneyStep {
  const reference = refundReference(p.feeTransactionId);
  return {
    name: reference,
    run: () => p.banking.postCredit({ accountId: p.accountId, amountCents: p.amountCents, reference, description: p.description, relatedTo: p.feeTransactionId, at: p.at }),
    undo: () =>
      p.banking.postAdjustment({ accountId: p.accountId, amountCents: p.amountCents, reference: `${reference}:undo`, description: `Undo: ${p.description}`, relatedTo: p.feeTransactionId, at: p.at, direction: 'debit' }),
  };
}
