import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AdjustmentInput, CoreBanking, PostingInput, PostingResult, Transaction } from '../banking/index.ts';
import { runMoneySteps } from '../banking/index.ts';
import { refundCreditStep } from './refund-steps.ts';

/** An external processor stand-in: postings commit on their own (so only the compensation can take one back). */
function fakeProcessor(replayed = false) {
  const postings: Array<{ reference: string; direction: string; amountCents: number }> = [];
  const post = (input: PostingInput, direction: string): Promise<PostingResult> => {
    postings.push({ reference: input.reference, direction, amountCents: input.amountCents });
    return Promise.resolve({ transaction: { id: `txn_${postings.length}` } as Transaction, replayed });
  };
  const banking = {
    postCredit: (input: PostingInput) => post(input, 'credit'),
    postAdjustment: (input: AdjustmentInput) => post(input, input.direction),
  } as unknown as CoreBanking;
  return { banking, postings };
}

const silent = { error: () => {} };
const step = (banking: CoreBanking) => refundCreditStep({ banking, accountId: 'acc_0123456789abcdef', amountCents: 32_500, feeTransactionId: 'txn_fee', description: 'Annual fee refund', at: new Date('2026-06-15T14:00:00Z') });

describe('fee refund steps with undo', () => {
  test('a failure after the credit posts the compensating debit and rethrows', async () => {
    const p = fakeProcessor();
    await assert.rejects(runMoneySteps([step(p.banking)], async () => { throw new Error('closing failed'); }, silent), /closing failed/);
    assert.deepEqual(p.postings, [
      { reference: 'fee-refund:txn_fee', direction: 'credit', amountCents: 32_500 },
      { reference: 'fee-refund:txn_fee:undo', direction: 'debit', amountCents: 32_500 },
    ]);
  });

  test('a credit posted by an earlier request (replayed) is not ours to undo', async () => {
    const p = fakeProcessor(true);
    await assert.rejects(runMoneySteps([step(p.banking)], async () => { throw new Error('later step failed'); }, silent));
    assert.deepEqual(p.postings.map((x) => x.reference), ['fee-refund:txn_fee']);
  });

  test('success posts once and hands the posting to the next step', async () => {
    const p = fakeProcessor();
    const id = await runMoneySteps([step(p.banking)], async ([posted]) => posted!.transaction.id, silent);
    assert.equal(id, 'txn_1');
    assert.equal(p.postings.length, 1);
  });
});
