import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addBusinessDays,
  addCalendarDays,
  businessDaysBetween,
  isBusinessDay,
  nextBusinessDay,
  previousBusinessDay,
  US_FEDERAL_RESERVE,
} from './index.ts';

const FED = US_FEDERAL_RESERVE;

describe('addBusinessDays on the Federal Reserve calendar', () => {
  // [start, n, expected, worked by hand]
  const table: Array<[string, number, string, string]> = [
    ['2026-11-18', 0, '2026-11-18', 'n = 0 on a business day is the day itself'],
    ['2026-11-21', 0, '2026-11-23', 'n = 0 on a Saturday is the Monday'],
    ['2026-11-26', 0, '2026-11-27', 'n = 0 on Thanksgiving is the Friday'],
    ['2026-11-25', 1, '2026-11-27', 'Wed + 1 skips Thanksgiving Thu 26'],
    ['2026-11-28', 1, '2026-11-30', 'Sat + 1 is the Monday: counting starts the day after'],
    ['2026-11-27', 1, '2026-11-30', 'Fri + 1 skips the weekend'],
    // Regulation E 10 business days (12 CFR 1005.11(c)(1)) from a notice on Wed 18 Nov 2026:
    // 19(1) 20(2) 23(3) 24(4) 25(5) [26 Thanksgiving] 27(6) 30(7) Dec 1(8) 2(9) 3(10).
    ['2026-11-18', 10, '2026-12-03', 'Reg E 10 business days across Thanksgiving'],
    ['2026-07-02', 1, '2026-07-03', 'Fri 3 July 2026 is open (Sat 4 July not moved)'],
    ['2027-07-02', 1, '2027-07-06', 'Mon 5 July 2027 is observed (Sun 4 July)'],
    ['2027-06-17', 1, '2027-06-18', 'Fri 18 June 2027 is open (Sat Juneteenth not moved)'],
    ['2026-12-24', 1, '2026-12-28', 'Christmas Fri 25 then the weekend'],
    ['2026-12-31', 1, '2027-01-04', 'year end: New Year Fri 1 Jan 2027, then the weekend'],
    ['2027-12-31', 1, '2028-01-03', 'year end: Sat 1 Jan 2028 is not moved, Mon 3 Jan is open'],
    ['2027-12-23', 1, '2027-12-24', 'Fri 24 Dec 2027 is open (Sat Christmas not moved)'],
    ['2028-02-28', 1, '2028-02-29', 'leap day is a business day'],
    ['2028-02-25', 2, '2028-02-29', 'Fri + 2: Mon 28 (1), Tue 29 (2)'],
    ['2028-02-18', 1, '2028-02-22', "Fri + 1 skips Washington's Birthday Mon 21"],
    ['2027-02-26', 1, '2027-03-01', 'no leap day in 2027: Fri 26 Feb + 1 is Mon 1 Mar'],
    // 45 business days from Mon 5 Jan 2026: Jan 6–30 has 4+5+5+5 = 19 weekdays, minus MLK (19th) = 18;
    // Feb 2–27 has 20 weekdays, minus Washington's Birthday (16th) = 19 → 37; Mar 2–6 → 42; 9, 10, 11 → 45.
    ['2026-01-05', 45, '2026-03-11', 'long span over MLK and Washington days'],
  ];
  for (const [start, n, expected, why] of table) {
    it(`${start} + ${n} = ${expected} (${why})`, () => assert.equal(addBusinessDays(start, n, FED), expected));
  }

  it('rejects negative or fractional n', () => {
    assert.throws(() => addBusinessDays('2026-01-05', -1, FED), RangeError);
    assert.throws(() => addBusinessDays('2026-01-05', 1.5, FED), RangeError);
  });

  it('rejects a malformed date', () => {
    assert.throws(() => addBusinessDays('2027-02-29', 1, FED), RangeError);
    assert.throws(() => addBusinessDays('2026-1-5', 1, FED), RangeError);
  });
});

describe('next/previous business day', () => {
  const table: Array<[string, string, string]> = [
    // [date, next, previous]
    ['2026-11-25', '2026-11-27', '2026-11-24'],
    ['2026-11-27', '2026-11-30', '2026-11-25'],
    ['2027-01-01', '2027-01-04', '2026-12-31'],
    ['2027-07-06', '2027-07-07', '2027-07-02'],
    ['2028-03-01', '2028-03-02', '2028-02-29'],
  ];
  for (const [date, next, previous] of table) {
    it(`around ${date}: next ${next}, previous ${previous}`, () => {
      assert.equal(nextBusinessDay(date, FED), next);
      assert.equal(previousBusinessDay(date, FED), previous);
    });
  }
});

describe('businessDaysBetween', () => {
  // [from, to, count]: business days d with from < d <= to
  const table: Array<[string, string, number]> = [
    ['2026-11-20', '2026-11-30', 5], // 23, 24, 25, 27, 30
    ['2026-11-20', '2026-11-20', 0],
    ['2026-11-21', '2026-11-22', 0], // a weekend
    ['2026-11-25', '2026-11-26', 0], // to is Thanksgiving
    ['2026-11-30', '2026-11-20', -5],
    ['2026-12-31', '2027-01-04', 1], // over New Year's Day and a weekend
    ['2028-02-28', '2028-03-01', 2], // 29 Feb, 1 Mar
  ];
  for (const [from, to, count] of table) {
    it(`${from} → ${to} is ${count}`, () => assert.equal(businessDaysBetween(from, to, FED), count));
  }

  it('inverts addBusinessDays for every start day 2025-12-01 … 2028-01-31 and n in 1..25', () => {
    for (let date = '2025-12-01'; date <= '2028-01-31'; date = addCalendarDays(date, 1)) {
      for (let n = 1; n <= 25; n++) {
        const end = addBusinessDays(date, n, FED);
        assert.equal(isBusinessDay(end, FED), true, `${date} + ${n} = ${end} must be a business day`);
        assert.equal(businessDaysBetween(date, end, FED), n, `${date} → ${end}`);
        assert.equal(businessDaysBetween(date, previousBusinessDay(end, FED), FED), n - 1);
      }
    }
  });
});
