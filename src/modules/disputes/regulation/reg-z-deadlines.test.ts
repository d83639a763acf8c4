import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { regZDeadlines } from './index.ts';

// Worked by hand. resolveBy = min(closing date of the 2nd complete cycle after the notice's own cycle,
// notice + 90 days) — 12 CFR 1026.13(c)(2). "own" is the closing date of the (incomplete) cycle holding the notice.
// [cycle day, notice, own, end of 2nd complete cycle, notice + 90, resolveBy, basis, why]
type Row = [number, string, string, string, string, string, 'two_complete_cycles' | 'ninety_day_limit', string];
const monthly: Row[] = [
  // Own cycle Feb 16–Mar 15; complete Mar 16–Apr 15, Apr 16–May 15. Mar 10 + 90: Mar 31 +21, Apr 30 +51, May 31 +82, Jun 8 +90.
  [15, '2026-03-10', '2026-03-15', '2026-05-15', '2026-06-08', '2026-05-15', 'two_complete_cycles', 'mid-cycle notice: rest of the cycle + two full ones'],
  // The closing day is the last day of the notice's own cycle, which therefore does not count: 61 days.
  [15, '2026-03-15', '2026-03-15', '2026-05-15', '2026-06-13', '2026-05-15', 'two_complete_cycles', 'notice ON a closing date: that cycle is incomplete'],
  // Own cycle Mar 16–Apr 15; complete to May 15 and Jun 15 = 15 + 30 + 31 + 15 = 91 days > 90 → Mar 16 + 90 = Jun 14.
  [15, '2026-03-16', '2026-04-15', '2026-06-15', '2026-06-14', '2026-06-14', 'ninety_day_limit', 'notice on the first day of a cycle: 91 days, capped at 90'],
  // Same day-of-cycle in January: February is short, so two cycles end Apr 15 (89 days) < Jan 16 + 90 = Apr 16.
  [15, '2026-01-16', '2026-02-15', '2026-04-15', '2026-04-16', '2026-04-15', 'two_complete_cycles', 'February (28 days) keeps it under 90'],
  // 2028 leap year: Jan 16 → Jan 31 +15, Feb 29 +44, Mar 31 +75, Apr 15 +90 — both bounds fall the same day.
  [15, '2028-01-16', '2028-02-15', '2028-04-15', '2028-04-15', '2028-04-15', 'two_complete_cycles', 'leap February: cycles and cap coincide'],
  // Cycle day 31 closes Feb 28; complete Mar 1–31, Apr 1–30. Feb 1 + 90: Feb 28 +27, Mar 31 +58, Apr 30 +88, May 2 +90.
  [31, '2026-02-01', '2026-02-28', '2026-04-30', '2026-05-02', '2026-04-30', 'two_complete_cycles', 'month-end cycle, clamped February'],
  // Own cycle closes Jan 31 (the notice day); Feb 28 and Mar 31 follow: 59 days.
  [31, '2026-01-31', '2026-01-31', '2026-03-31', '2026-05-01', '2026-03-31', 'two_complete_cycles', 'month-end closing date notice, 28-day February inside'],
  // Leap day is the closing date for cycle day 31 in 2028; Mar 31, Apr 30 follow. Feb 29 + 90 = May 29.
  [31, '2028-02-29', '2028-02-29', '2028-04-30', '2028-05-29', '2028-04-30', 'two_complete_cycles', 'notice on leap day, itself a closing date'],
  // Own Jun 30; Jul 31, Aug 31 (91 days: 29 + 31 + 31). Jun 1 + 90: Jun 30 +29, Jul 31 +60, Aug 30 +90.
  [31, '2026-06-01', '2026-06-30', '2026-08-31', '2026-08-30', '2026-08-30', 'ninety_day_limit', 'two 31-day cycles after a 30-day one: capped'],
  // Year end: own Dec 31; Jan 31, Feb 28 2027. Dec 1 + 90: Dec 31 +30, Jan 31 +61, Mar 1 +90.
  [31, '2026-12-01', '2026-12-31', '2027-02-28', '2027-03-01', '2027-02-28', 'two_complete_cycles', 'across the year end into February'],
  // Own Dec 31 2027; Jan 31, Feb 29 2028: 60 days.
  [31, '2027-12-31', '2027-12-31', '2028-02-29', '2028-03-30', '2028-02-29', 'two_complete_cycles', 'the second cycle ends on leap day'],
  // Cycle day 30: own Jul 1–30; Jul 31–Aug 30, Aug 31–Sep 30 (91 days). Jul 1 + 90: Jul 31 +30, Aug 31 +61, Sep 29 +90.
  [30, '2026-07-01', '2026-07-30', '2026-09-30', '2026-09-29', '2026-09-29', 'ninety_day_limit', 'cycle day 30, notice on the cycle’s first day: capped'],
  // Jul 31 is day 1 of the Jul 31–Aug 30 cycle; then Sep 30, Oct 30 (91 days). Jul 31 + 90 = Oct 29.
  [30, '2026-07-31', '2026-08-30', '2026-10-30', '2026-10-29', '2026-10-29', 'ninety_day_limit', 'cycle day 30 on the 31st: the 31st opens the next cycle'],
  // Cycle day 30 closes Feb 28 in 2027; notice Jan 31 is in the Jan 31–Feb 28 cycle; Mar 30, Apr 30 follow (89 days).
  [30, '2027-01-31', '2027-02-28', '2027-04-30', '2027-05-01', '2027-04-30', 'two_complete_cycles', 'cycle day 30, February clamp'],
  // Cycle day 29 in a common year closes Feb 28; Mar 29 and Apr 29 follow: 60 days.
  [29, '2027-02-28', '2027-02-28', '2027-04-29', '2027-05-29', '2027-04-29', 'two_complete_cycles', 'cycle day 29, common-year February'],
  // In 2028 cycle day 29 closes on Feb 29 itself.
  [29, '2028-02-29', '2028-02-29', '2028-04-29', '2028-05-29', '2028-04-29', 'two_complete_cycles', 'cycle day 29, leap-year February'],
  // Mar 1 2027 opens the Mar 1–29 cycle (after the Feb 28 clamp); Apr 29, May 29 follow. Mar 1 + 90 = May 30.
  [29, '2027-03-01', '2027-03-29', '2027-05-29', '2027-05-30', '2027-05-29', 'two_complete_cycles', 'the day after a clamped closing'],
  // Cycle day 28 (ledger maximum): own Dec 29–Jan 28; Jan 29–Feb 28, Mar 1–28. Dec 29 + 90: Dec 31 +2, Jan 31 +33, Feb 28 +61, Mar 29 +90.
  [28, '2026-12-29', '2027-01-28', '2027-03-28', '2027-03-29', '2027-03-28', 'two_complete_cycles', 'cycle day 28 across the year end'],
  // 2028: Feb 28 is the closing date; Feb 29 opens the next cycle.
  [28, '2028-02-29', '2028-03-28', '2028-05-28', '2028-05-29', '2028-05-28', 'two_complete_cycles', 'leap day opens a cycle for cycle day 28'],
  // Cycle day 1: closing date notice May 1; Jun 1, Jul 1: 61 days.
  [1, '2026-05-01', '2026-05-01', '2026-07-01', '2026-07-30', '2026-07-01', 'two_complete_cycles', 'cycle day 1, notice on the closing date'],
  // May 2 opens May 2–Jun 1; Jul 1, Aug 1 (91 days). May 2 + 90: May 31 +29, Jun 30 +59, Jul 31 +90.
  [1, '2026-05-02', '2026-06-01', '2026-08-01', '2026-07-31', '2026-07-31', 'ninety_day_limit', 'cycle day 1, notice the day after closing: capped'],
  // Thanksgiving is irrelevant to Reg Z: calendar days. Own Dec 15; Jan 15, Feb 15 (81 days).
  [15, '2026-11-26', '2026-12-15', '2027-02-15', '2027-02-24', '2027-02-15', 'two_complete_cycles', 'notice on Thanksgiving: holidays do not count'],
];

describe('regZDeadlines: resolve by the end of the 2nd complete billing cycle, never after 90 days', () => {
  for (const [day, notice, own, cycles, cap, resolveBy, basis, why] of monthly) {
    it(`cycle day ${day}, notice ${notice} → ${resolveBy} (${why})`, () => {
      const d = regZDeadlines({ noticeReceivedOn: notice, billingCycles: { billingCycleDay: day } });
      assert.equal(d.noticeCycleClosesOn, own);
      assert.equal(d.endOfSecondCompleteCycle, cycles);
      assert.equal(d.ninetyDayLimit, cap);
      assert.equal(d.resolveBy, resolveBy);
      assert.equal(d.resolveByBasis, basis);
      assert.ok(d.daysToResolve <= 90, 'never later than 90 days');
    });
  }
});

describe('regZDeadlines with explicit closing dates (cycles of any length)', () => {
  it('28-day cycles: notice Feb 5 in the Feb 5–Mar 4 cycle → Apr 29 (83 days)', () => {
    const d = regZDeadlines({
      noticeReceivedOn: '2026-02-05',
      billingCycles: { closingDates: ['2026-01-07', '2026-02-04', '2026-03-04', '2026-04-01', '2026-04-29'] },
    });
    assert.equal(d.noticeCycleClosesOn, '2026-03-04');
    assert.deepEqual(d.completeCycles, [
      { periodStart: '2026-03-05', closingDate: '2026-04-01' },
      { periodStart: '2026-04-02', closingDate: '2026-04-29' },
    ]);
    assert.equal(d.resolveBy, '2026-04-29');
    assert.equal(d.daysToResolve, 83);
  });

  it('35-day cycles: own cycle to Feb 14, then Mar 20 and Apr 24 (103 days) → capped at Jan 11 + 90 = Apr 11', () => {
    const d = regZDeadlines({ noticeReceivedOn: '2026-01-11', billingCycles: { closingDates: ['2026-01-10', '2026-02-14', '2026-03-20', '2026-04-24'] } });
    assert.equal(d.endOfSecondCompleteCycle, '2026-04-24');
    assert.equal(d.resolveBy, '2026-04-11');
    assert.equal(d.resolveByBasis, 'ninety_day_limit');
  });

  it('too few scheduled closings is an error, never a silent 90-day fallback', () => {
    assert.throws(() => regZDeadlines({ noticeReceivedOn: '2026-02-05', billingCycles: { closingDates: ['2026-02-04', '2026-03-04', '2026-04-01'] } }), RangeError);
  });
});

describe('regZDeadlines: acknowledge within 30 calendar days (12 CFR 1026.13(c)(1))', () => {
  // [notice, acknowledgeBy, why]
  const table: Array<[string, string, string]> = [
    ['2026-01-31', '2026-03-02', 'Jan 31 + 28 = Feb 28, + 2 = Mar 2 (common year)'],
    ['2028-01-31', '2028-03-01', 'Jan 31 + 29 = Feb 29, + 1 = Mar 1 (leap year)'],
    ['2026-12-15', '2027-01-14', 'across the year end'],
    ['2026-10-02', '2026-11-01', 'lands on a Sunday: not moved (calendar days)'],
  ];
  for (const [notice, expected, why] of table) {
    it(`${notice} → ${expected} (${why})`, () => {
      const d = regZDeadlines({ noticeReceivedOn: notice, billingCycles: { billingCycleDay: 15 } });
      assert.equal(d.acknowledgeBy, expected);
    });
  }

  it('exposes both clocks with their citations for the SLA warnings', () => {
    const d = regZDeadlines({ noticeReceivedOn: '2026-03-10', billingCycles: { billingCycleDay: 15 } });
    assert.deepEqual(d.clocks, [
      { name: 'reg_z_acknowledge', dueOn: '2026-04-09', citation: '12 CFR 1026.13(c)(1)' },
      { name: 'reg_z_resolve', dueOn: '2026-05-15', citation: '12 CFR 1026.13(c)(2)' },
    ]);
  });
});
