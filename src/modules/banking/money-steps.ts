/**
 * Money moves in steps with undo (habit 9, Medusa v2 style), for every module that moves money (dispute credits
 * and reversals, fee refunds). Each step posts through the CoreBanking port with a deterministic reference
 * (`dsp_…:provisional`, `fee-refund:txn_…`), so a retry or a concurrent duplicate finds the first posting instead of
 * making a second; each has a compensation. If a later step of the same request fails, the completed steps are
 * undone in reverse order and the error is rethrown. With the built-in ledger the postings are also inside the
 * request's transaction, so the rollback removes them; the compensations matter for a processor adapter whose
 * postings commit on their own (withTransaction returns itself).
 */
import type { Logger } from 'pino';
import type { CoreBanking, PostingResult } from './core-banking.port.ts';

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
        logger.error({ err: undoError, step: step.name, ledgerTransactionId: result.transaction.id }, 'money step could not be undone; reconcile by hand');
      }
    }
    throw error;
  }
}

type Posting = { banking: CoreBanking; accountId: string; amountCents: number; reference: string; description: string; relatedTo?: string | null; at: Date };

/** A credit to the cardholder; its undo is a debit adjustment with the reference `…:undo`. */
export function creditStep(p: Posting): MoneyStep {
  return {
    name: p.reference,
    run: () => p.banking.postCredit({ accountId: p.accountId, amountCents: p.amountCents, reference: p.reference, description: p.description, relatedTo: p.relatedTo, at: p.at }),
    undo: () => p.banking.postAdjustment({ accountId: p.accountId, amountCents: p.amountCents, reference: `${p.reference}:undo`, description: `Undo: ${p.description}`, relatedTo: p.relatedTo, at: p.at, direction: 'debit' }),
  };
}

/** Taking a credit back (a debit adjustment); its undo is a credit adjustment with the reference `…:undo`. */
export function debitStep(p: Posting): MoneyStep {
  return {
    name: p.reference,
    run: () => p.banking.postAdjustment({ accountId: p.accountId, amountCents: p.amountCents, reference: p.reference, description: p.description, relatedTo: p.relatedTo, at: p.at, direction: 'debit' }),
    undo: () => p.banking.postAdjustment({ accountId: p.accountId, amountCents: p.amountCents, reference: `${p.reference}:undo`, description: `Undo: ${p.description}`, relatedTo: p.relatedTo, at: p.at, direction: 'credit' }),
  };
}
