import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closingDateOnOrAfter, closingDatesFrom, cyclesAfter, monthlyClosingDate } from './index.ts';

describe('monthlyClosingDate: cycle days past the month end close on its last day', () => {
  // [year, month, cycle day, expected, why]
  const table: Array<[number, number, number, string, string]> = [
    [2026, 3, 15, '2026-03-15', 'an ordinary cycle day'],
    [2026, 2, 28, '2026-02-28', 'cycle day 28 exists in every month (the ledger uses 1–28)'],
    [2026, 2, 29, '2026-02-28', 'cycle day 29 in a common-year February → the 28th'],
    [2028, 2, 29, '2028-02-29', 'cycle day 29 in leap-year February → the 29th'],
    [2026, 2, 31, '2026-02-28', 'cycle day 31 → the last day of February'],
    [2028, 2, 30, '2028-02-29', 'cycle day 30 → leap day'],
    [2026, 4, 31, '2026-04-30', 'cycle day 31 in a 30-day month'],
    [2026, 12, 31, '2026-12-31', 'December has 31 days'],
    [2026, 1, 1, '2026-01-01', 'cycle day 1'],
  ];
  for (const [y, m, day, expected, why] of table) {
    it(`${y}-${m} day ${day} → ${expected} (${why})`, () => assert.equal(monthlyClosingDate(y, m, day), expected));
  }

  it('rejects a cycle day outside 1–31', () => {
    assert.throws(() => monthlyClosingDate(2026, 1, 0), RangeError);
    assert.throws(() => monthlyClosingDate(2026, 1, 32), RangeError);
    assert.throws(() => monthlyClosingDate(2026, 1, 1.5), RangeError);
  });
});

describe('closingDateOnOrAfter: the end of the cycle a day belongs to', () => {
  const table: Array<[number, string, string, string]> = [
    [15, '2026-03-10', '2026-03-15', 'mid-cycle: this month’s closing'],
    [15, '2026-03-15', '2026-03-15', 'the closing date belongs to the cycle it closes'],
    [15, '2026-03-16', '2026-04-15', 'the day after closing starts the next cycle'],
    [15, '2026-12-20', '2027-01-15', 'across the year end'],
    [31, '2026-02-01', '2026-02-28', 'cycle day 31 closes February on the 28th'],
    [31, '2026-03-01', '2026-03-31', 'the day after a clamped February closing'],
    [30, '2028-02-29', '2028-02-29', 'cycle day 30 closes leap-year February on the 29th'],
  ];
  for (const [day, date, expected, why] of table) {
    it(`cycle day ${day}, ${date} → ${expected} (${why})`, () => assert.equal(closingDateOnOrAfter({ billingCycleDay: day }, date), expected));
  }

  it('explicit closing dates: the first on or after the day; a short list is an error, not a guess', () => {
    const schedule = { closingDates: ['2026-01-07', '2026-02-04', '2026-03-04'] };
    assert.equal(closingDateOnOrAfter(schedule, '2026-01-08'), '2026-02-04');
    assert.equal(closingDateOnOrAfter(schedule, '2026-02-04'), '2026-02-04');
    assert.throws(() => closingDateOnOrAfter(schedule, '2026-03-05'), /no closing date on or after 2026-03-05/);
  });

  it('explicit closing dates must be valid and strictly ascending', () => {
    assert.throws(() => closingDateOnOrAfter({ closingDates: ['2026-02-04', '2026-01-07'] }, '2026-01-01'), /ascending/);
    assert.throws(() => closingDateOnOrAfter({ closingDates: ['2026-02-30'] }, '2026-01-01'), /calendar date/);
  });

  it('a schedule function must move forward', () => {
    assert.throws(() => closingDateOnOrAfter({ nextClosingAfter: (d) => d }, '2026-01-10'), /not a date after it/);
  });
});

describe('cyclesAfter: complete cycles after the one holding a day', () => {
  it('cycle day 31 from 2026-02-01: March then April, each starting the day after the previous closing', () => {
    assert.deepEqual(cyclesAfter({ billingCycleDay: 31 }, '2026-02-01', 2), [
      { periodStart: '2026-03-01', closingDate: '2026-03-31' },
      { periodStart: '2026-04-01', closingDate: '2026-04-30' },
    ]);
  });

  it('28-day cycles from a function: 2026-01-01 + 28k', () => {
    const anchor = Date.UTC(2026, 0, 1);
    const nextClosingAfter = (d: string): string => {
      const k = Math.floor((Date.parse(`${d}T00:00:00Z`) - anchor) / (28 * 86_400_000)) + 1;
      return new Date(anchor + k * 28 * 86_400_000).toISOString().slice(0, 10);
    };
    assert.deepEqual(closingDatesFrom({ nextClosingAfter }, '2026-01-02', 3), ['2026-01-29', '2026-02-26', '2026-03-26']);
  });
});
