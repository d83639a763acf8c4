import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { US_FEDERAL_RESERVE } from '../../calendars/index.ts';
import { regECorrectionDueBy, regEDeadlines, type RegEDeadlineInput, regEResultsDueBy, regEReversalHonorThrough } from './index.ts';

const FED = US_FEDERAL_RESERVE;
const plain = { isNewAccount: false, isPointOfSale: false, isForeignInitiated: false };

// Business days on the Federal Reserve calendar, the notice day is day 0 (12 CFR 1005.11(c)); 45/90 are calendar days.
// [why, input, short deadline (10/20 business days), decideBy (45/90 days)]
type Row = [string, RegEDeadlineInput, string, string];
const table: Row[] = [
  // Wed Nov 18 2026: 19(1) 20(2) 23(3) 24(4) 25(5) [26 Thanksgiving] 27(6) 30(7) Dec 1(8) 2(9) 3(10).
  // + 45: Nov 30 is +12, Dec 31 +43, Jan 2 +45 (a Saturday: calendar days are not moved).
  ['Thanksgiving inside the 10 business days', { noticeReceivedOn: '2026-11-18', ...plain }, '2026-12-03', '2027-01-02'],
  // After Dec 3 (10): 4(11) 7(12) 8(13) 9(14) 10(15) 11(16) 14(17) 15(18) 16(19) 17(20). + 90: Dec 31 +43, Jan 31 +74, Feb 16 +90.
  ['new account: 20 business days and 90 days', { noticeReceivedOn: '2026-11-18', ...plain, isNewAccount: true }, '2026-12-17', '2027-02-16'],
  // Wed Nov 25: [26] 27(1) 30(2) Dec 1(3) 2(4) 3(5) 4(6) 7(7) 8(8) 9(9) 10(10). + 45: Nov 30 +5, Dec 31 +36, Jan 9 +45.
  ['notice the day before Thanksgiving', { noticeReceivedOn: '2026-11-25', ...plain }, '2026-12-10', '2027-01-09'],
  // Sat Nov 28: counting starts Monday Nov 30(1) … Dec 11(10). + 45: Dec 31 +33, Jan 12 +45.
  ['notice on a Saturday: day 1 is the Monday', { noticeReceivedOn: '2026-11-28', ...plain }, '2026-12-11', '2027-01-12'],
  // Fri Dec 18: 21(1) 22(2) 23(3) 24(4) [25 Christmas] 28(5) 29(6) 30(7) 31(8) [Jan 1] 4(9) 5(10). + 45: Dec 31 +13, Feb 1 +45.
  ['Christmas and New Year inside the 10 business days', { noticeReceivedOn: '2026-12-18', ...plain }, '2027-01-05', '2027-02-01'],
  // Thu Dec 31: [Jan 1 Fri] 4(1) … 8(5) 11(6) … 15(10). + 90 (foreign): Jan 31 +31, Feb 28 +59, Mar 31 +90.
  ['New Year’s Eve notice, foreign-initiated transfer', { noticeReceivedOn: '2026-12-31', ...plain, isForeignInitiated: true }, '2027-01-15', '2027-03-31'],
  // Fri Jun 12: 15(1) 16(2) 17(3) 18(4) [19 Juneteenth, Fri] 22(5) … 26(9) 29(10). + 45: Jun 30 +18, Jul 27 +45.
  ['Juneteenth (Friday 2026-06-19) is skipped', { noticeReceivedOn: '2026-06-12', ...plain }, '2026-06-29', '2026-07-27'],
  // Fri Jun 11 2027: 14(1) … 17(4) 18(5: Juneteenth is Sat Jun 19, not moved, Fri 18 open) 21(6) … 25(10). + 45: Jul 26.
  ['Juneteenth on Saturday 2027: the Friday before stays open', { noticeReceivedOn: '2027-06-11', ...plain }, '2027-06-25', '2027-07-26'],
  // Fri Jun 26: 29(1) 30(2) Jul 1(3) 2(4) 3(5: Jul 4 is a Saturday, Fri 3 is open) 6(6) … 10(10). + 45: Jun 30 +4, Jul 31 +35, Aug 10 +45.
  ['July 4 2026 on a Saturday: Friday July 3 is a business day', { noticeReceivedOn: '2026-06-26', ...plain }, '2026-07-10', '2026-08-10'],
  // Mon Mar 2: 3(1) 4 5 6 9 10 11 12 13(9) 16(10). + 90: Mar 31 +29, Apr 30 +59, May 31 +90 (Sunday, not moved).
  ['point-of-sale debit purchase: 90 days', { noticeReceivedOn: '2026-03-02', ...plain, isPointOfSale: true }, '2026-03-16', '2026-05-31'],
  ['foreign-initiated transfer: 90 days', { noticeReceivedOn: '2026-03-02', ...plain, isForeignInitiated: true }, '2026-03-16', '2026-05-31'],
  // + 45: Mar 31 +29, Apr 16 +45.
  ['neither: 45 days', { noticeReceivedOn: '2026-03-02', ...plain }, '2026-03-16', '2026-04-16'],
  // 20 business days from Mon Mar 2: Mar 16 (10), 17 … 20 (14), 23 … 27 (19), 30 (20).
  ['new account and point of sale: 20 business days, 90 days', { noticeReceivedOn: '2026-03-02', ...plain, isNewAccount: true, isPointOfSale: true }, '2026-03-30', '2026-05-31'],
  // Mon Feb 14 2028: 15(1) 16 17 18(4) [21 Washington's Birthday] 22(5) … 25(8) 28(9) 29(10). + 45: Feb 29 +15, Mar 30 +45.
  ['leap year: the 10th business day is Feb 29', { noticeReceivedOn: '2028-02-14', ...plain }, '2028-02-29', '2028-03-30'],
  // + 90: Feb 29 +15, Mar 31 +46, Apr 30 +76, May 14 +90.
  ['leap year, point of sale: 90 days', { noticeReceivedOn: '2028-02-14', ...plain, isPointOfSale: true }, '2028-02-29', '2028-05-14'],
];

describe('regEDeadlines: 10 (20) business days, or provisional credit and 45 (90) days', () => {
  for (const [why, input, shortBy, decideBy] of table) {
    it(`${input.noticeReceivedOn}: ${why}`, () => {
      const d = regEDeadlines(input, FED);
      assert.equal(d.decideWithoutProvisionalCreditBy, shortBy);
      assert.equal(d.provisionalCreditBy, shortBy);
      assert.equal(d.decideBy, decideBy);
      assert.equal(d.shortPeriodBusinessDays, input.isNewAccount ? 20 : 10);
      assert.equal(d.extendedPeriodDays, input.isNewAccount || input.isPointOfSale || input.isForeignInitiated ? 90 : 45);
    });
  }

  it('names every reason for the 90-day period', () => {
    const d = regEDeadlines({ noticeReceivedOn: '2026-03-02', isNewAccount: true, isPointOfSale: true, isForeignInitiated: true }, FED);
    assert.deepEqual(d.extendedBecause, ['new_account', 'point_of_sale', 'foreign_initiated']);
  });

  it('carries the follow-up periods as business-day counts', () => {
    const d = regEDeadlines({ noticeReceivedOn: '2026-03-02', ...plain }, FED);
    assert.deepEqual([d.reportResultsWithin, d.correctWithin, d.reversalNoticeHonorDays], [3, 1, 5]);
    assert.equal(d.writtenConfirmationDueBy, '2026-03-16');
  });
});

describe('regEDeadlines: provisional credit decides which deadline binds', () => {
  const notice = { noticeReceivedOn: '2026-11-18', ...plain };

  it('no provisional credit yet: decide or credit by the 10th business day; one clock', () => {
    const d = regEDeadlines(notice, FED);
    assert.equal(d.track, 'awaiting_provisional_credit');
    assert.equal(d.finalDecisionBy, '2026-12-03');
    assert.equal(d.tellCustomerOfProvisionalCreditBy, null);
    assert.deepEqual(d.clocks.map((c) => [c.name, c.dueOn]), [['reg_e_decide_or_provisionally_credit', '2026-12-03']]);
  });

  it('provisionalCreditPosted false is the same short track', () => {
    assert.equal(regEDeadlines({ ...notice, provisionalCreditPosted: false }, FED).finalDecisionBy, '2026-12-03');
  });

  it('credit posted Wed Nov 25: tell the customer by Mon Nov 30 (27 = 1, 30 = 2), decide by Jan 2', () => {
    const d = regEDeadlines({ ...notice, provisionalCreditPostedOn: '2026-11-25' }, FED);
    assert.equal(d.track, 'extended_with_provisional_credit');
    assert.equal(d.tellCustomerOfProvisionalCreditBy, '2026-11-30');
    assert.equal(d.finalDecisionBy, '2027-01-02');
    assert.deepEqual(d.clocks.map((c) => [c.name, c.dueOn]), [['reg_e_tell_provisional_credit', '2026-11-30'], ['reg_e_decide', '2027-01-02']]);
  });

  it('credit posted Thu Jul 2 2026: tell by Mon Jul 6 (Fri Jul 3 is open and counts)', () => {
    const d = regEDeadlines({ noticeReceivedOn: '2026-06-26', ...plain, provisionalCreditPostedOn: '2026-07-02' }, FED);
    assert.equal(d.tellCustomerOfProvisionalCreditBy, '2026-07-06');
  });

  it('posted without a date: extended track, tell-by unknown', () => {
    const d = regEDeadlines({ ...notice, provisionalCreditPosted: true }, FED);
    assert.equal(d.track, 'extended_with_provisional_credit');
    assert.equal(d.tellCustomerOfProvisionalCreditBy, null);
    assert.equal(d.finalDecisionBy, '2027-01-02');
  });

  it('credit posted after the 10th business day earns no extension: the short clock stays open, overdue', () => {
    const d = regEDeadlines({ ...notice, provisionalCreditPostedOn: '2026-12-04' }, FED);
    assert.equal(d.track, 'provisional_credit_late');
    assert.equal(d.finalDecisionBy, '2026-12-03');
    assert.ok(d.clocks.some((c) => c.name === 'reg_e_decide_or_provisionally_credit' && !c.metOn));
  });

  it('an exemption (no written confirmation) keeps the 45 days without credit', () => {
    const d = regEDeadlines({ ...notice, provisionalCreditExemption: 'written_confirmation_not_received' }, FED);
    assert.equal(d.track, 'extended_without_provisional_credit');
    assert.equal(d.finalDecisionBy, '2027-01-02');
  });

  it('rejects credit before the notice, or a date with posted false', () => {
    assert.throws(() => regEDeadlines({ ...notice, provisionalCreditPostedOn: '2026-11-17' }, FED), /cannot precede/);
    assert.throws(() => regEDeadlines({ ...notice, provisionalCreditPosted: false, provisionalCreditPostedOn: '2026-11-20' }, FED), RangeError);
  });
});

describe('Regulation E follow-up deadlines', () => {
  // [function, from, expected, worked by hand]
  const table: Array<[string, (d: string) => string, string, string, string]> = [
    ['results', (d) => regEResultsDueBy(d, FED), '2026-11-24', '2026-11-30', 'Tue: 25(1) [26] 27(2) 30(3)'],
    ['results', (d) => regEResultsDueBy(d, FED), '2026-12-23', '2026-12-29', 'Wed: 24(1) [25] 28(2) 29(3)'],
    ['correction', (d) => regECorrectionDueBy(d, FED), '2026-12-24', '2026-12-28', 'Thu: [25 Christmas] Mon 28(1)'],
    ['correction', (d) => regECorrectionDueBy(d, FED), '2026-07-02', '2026-07-03', 'Thu: Fri Jul 3 2026 is open'],
    ['reversal honor', (d) => regEReversalHonorThrough(d, FED), '2026-06-30', '2026-07-07', 'Tue: Jul 1 2 3 6 7'],
    ['reversal honor', (d) => regEReversalHonorThrough(d, FED), '2027-07-01', '2027-07-09', 'Thu: 2(1) [5 observed Jul 4] 6 7 8 9(5)'],
  ];
  for (const [what, fn, from, expected, why] of table) {
    it(`${what} from ${from} → ${expected} (${why})`, () => assert.equal(fn(from), expected));
  }
});
