import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { US_FEDERAL_RESERVE } from '../../calendars/index.ts';
import { autopayMustExcludeDisputedAmount, regZProtections } from './index.ts';

const FED = US_FEDERAL_RESERVE;

describe('regZProtections: what holds while a Regulation Z dispute is open (12 CFR 1026.13(d))', () => {
  it('gives the ledger its flags: out of the amount due, no late fee, no credit report, may use the limit', () => {
    const { ledger } = regZProtections({ noticeReceivedOn: '2026-03-10' });
    assert.deepEqual(ledger, {
      excludeFromAmountDue: true,
      excludeFromMinimumPayment: true,
      lateFeeOnDisputedAmount: false,
      collectFinanceChargesOnDisputedAmount: false,
      reportDelinquencyOnDisputedAmount: false,
      closeOrRestrictForNonPayment: false,
      mayCountAgainstCreditLimit: true,
      autopayMayDeductDisputedAmount: null,
    });
  });

  it('every rule cites its paragraph of 1026.13', () => {
    const { protections } = regZProtections({ noticeReceivedOn: '2026-03-10' });
    assert.equal(protections.length, 9);
    for (const p of protections) assert.match(p.citation, /^12 CFR 1026\.13\(d\)/, p.id);
  });
});

describe('autopay cut-off: notice at least 3 business days before the payment date (12 CFR 1026.13(d)(1))', () => {
  // [notice, payment date, must exclude?, worked by hand]
  const table: Array<[string, string, boolean, string]> = [
    ['2026-03-10', '2026-03-13', true, 'Tue → Fri: Wed, Thu, Fri = 3 business days'],
    ['2026-03-11', '2026-03-13', false, 'Wed → Fri: 2 business days'],
    ['2026-11-23', '2026-11-27', true, 'Mon → Fri across Thanksgiving: 24, 25, 27 = 3'],
    ['2026-11-24', '2026-11-27', false, 'Tue → Fri across Thanksgiving: 25, 27 = 2 (3 in an ordinary week)'],
    ['2026-03-07', '2026-03-13', true, 'Sat → Fri: Mon–Fri = 5'],
  ];
  for (const [notice, payment, expected, why] of table) {
    it(`${notice} → ${payment}: ${expected} (${why})`, () => assert.equal(autopayMustExcludeDisputedAmount(notice, payment, FED), expected));
  }

  it('feeds the ledger flag and the protection list', () => {
    const r = regZProtections({ noticeReceivedOn: '2026-03-10', autopayScheduledOn: '2026-03-13', calendar: FED });
    assert.equal(r.ledger.autopayMayDeductDisputedAmount, false);
    assert.equal(r.protections.find((p) => p.id === 'autopay_excludes_disputed_amount')?.applies, true);
  });

  it('needs a calendar to count business days', () => {
    assert.throws(() => regZProtections({ noticeReceivedOn: '2026-03-10', autopayScheduledOn: '2026-03-13' }), /calendar/);
  });
});
