import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Dispute, DisputeReasonOption } from '../../api-types.ts';
import { expectedDates, parseDollars } from './dispute-labels.ts';
import { answersOf, checkDraft, type DisputeDraft } from './dispute-request.ts';

const reason = (r: Partial<DisputeReasonOption> & Pick<DisputeReasonOption, 'questions'>): DisputeReasonOption => ({ reason: 'other', label: 'x', isFraud: false, asksMerchantContact: true, ...r });
const NO_CONTACT = { contactedOn: '', how: '', outcome: '' };
const draft = (d: Partial<DisputeDraft> & Pick<DisputeDraft, 'reason'>): DisputeDraft => ({ transactionId: 'txn_0123456789abcdef', values: {}, amountCents: null, contact: NO_CONTACT, ...d });

describe('dispute wizard: amounts, answers and dates', () => {
  it('reads dollars as cents, refusing what is not an amount', () => {
    const table: Array<[string, number | null]> = [
      ['12', 1200],
      ['12.5', 1250],
      ['12.50', 1250],
      ['$1,249.99', 124999],
      [' 0.01 ', 1],
      ['0', 0],
      ['12.345', null],
      ['-5', null],
      ['abc', null],
      ['', null],
      ['1e3', null],
    ];
    for (const [text, cents] of table) assert.equal(parseDollars(text), cents, text);
  });

  it('stops a missing required answer, a bad amount and a partial amount outside (0, charge] before sending', () => {
    const incorrect = reason({ reason: 'incorrect_amount', questions: [{ key: 'correctAmountCents', kind: 'cents', required: true, label: 'Agreed amount' }] });
    assert.deepEqual(Object.keys(checkDraft(draft({ reason: incorrect }), 5000)), ['answers.correctAmountCents']);
    assert.deepEqual(Object.keys(checkDraft(draft({ reason: incorrect, values: { correctAmountCents: '4x' } }), 5000)), ['answers.correctAmountCents']);
    assert.deepEqual(checkDraft(draft({ reason: incorrect, values: { correctAmountCents: '40.00' } }), 5000), {});
    const other = reason({ questions: [{ key: 'description', kind: 'text', required: true, label: 'What happened' }] });
    const ok = { description: 'x' };
    const table: Array<[number | null, boolean]> = [
      [null, true],
      [1, true],
      [5000, true],
      [5001, false],
      [0, false],
      [-1, false],
    ];
    for (const [amountCents, isOk] of table) assert.equal(!('amount' in checkDraft(draft({ reason: other, values: ok, amountCents }), 5000)), isOk, String(amountCents));
  });

  it('sends answers typed as the API declares them, and what was tried with the merchant only when given', () => {
    const questions: DisputeReasonOption['questions'] = [
      { key: 'cardInPossession', kind: 'boolean', required: true, label: 'Card?' },
      { key: 'amountReceivedCents', kind: 'cents', required: true, label: 'Cash' },
      { key: 'expectedDate', kind: 'date', required: false, label: 'When' },
      { key: 'description', kind: 'text', required: false, label: 'More' },
    ];
    const values = { cardInPossession: 'no', amountReceivedCents: '20', expectedDate: '2026-06-01', description: '  ' };
    assert.deepEqual(answersOf(draft({ reason: reason({ questions }), values })), { cardInPossession: false, amountReceivedCents: 2000, expectedDate: '2026-06-01' });
    const contact = { contactedOn: '2026-06-10', how: ' phone ', outcome: '' };
    assert.deepEqual(answersOf(draft({ reason: reason({ questions: [] }), contact })), { merchantContact: { contactedOn: '2026-06-10', how: 'phone' } });
    assert.deepEqual(answersOf(draft({ reason: reason({ questions: [], isFraud: true, asksMerchantContact: false }), contact })), {}, 'fraud reasons never carry merchant contact');
  });

  it('says the dates to expect in words, with what is already done in the past tense', () => {
    const base = {
      status: 'open',
      noticeReceivedOn: '2026-06-15',
      moneySteps: [],
      clocks: [{ name: 'reg_z_acknowledge', label: 'Acknowledge', dueOn: '2026-07-15', citation: '12 CFR 1026.13(c)(1)', metOn: '2026-06-15' }],
      deadlines: { acknowledgeBy: '2026-07-15', resolveBy: '2026-08-19' },
    } as unknown as Dispute;
    assert.deepEqual(expectedDates(base), ['We acknowledged your dispute in writing on Monday, June 15, 2026.', 'You will have our decision in writing by Wednesday, August 19, 2026.']);
    const regE = { ...base, clocks: [], deadlines: { acknowledgeBy: '2026-06-15', resolveBy: '2026-06-29', provisionalCreditBy: '2026-06-29' } } as unknown as Dispute;
    assert.match(expectedDates(regE).join(' '), /By Monday, June 29, 2026 we will either decide or give you temporary credit/);
    const credited = { ...regE, moneySteps: [{ kind: 'provisional_credit', amountCents: 1, state: 'posted', at: '2026-06-16T12:00:00Z', reversedAt: null }] } as unknown as Dispute;
    assert.doesNotMatch(expectedDates(credited).join(' '), /temporary credit/);
    assert.deepEqual(expectedDates({ ...base, status: 'resolved' } as Dispute), ['We acknowledged your dispute in writing on Monday, June 15, 2026.']);
  });
});
