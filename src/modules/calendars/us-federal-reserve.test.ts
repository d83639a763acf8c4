import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { businessDaysBetween, isBusinessDay, isHoliday, observedHolidays, US_FEDERAL_RESERVE } from './index.ts';

const FED = US_FEDERAL_RESERVE;

// The Federal Reserve's published holiday schedule (federalreserve.gov/aboutthefed/k8.htm). Dates are the days
// listed; a Saturday entry is listed on the Saturday itself (the Banks are open the Friday before).
const PUBLISHED: Record<number, string[]> = {
  2025: ['01-01', '01-20', '02-17', '05-26', '06-19', '07-04', '09-01', '10-13', '11-11', '11-27', '12-25'],
  // 4 July 2026 is a Saturday: listed, not moved; Friday 3 July is a business day.
  2026: ['01-01', '01-19', '02-16', '05-25', '06-19', '07-04', '09-07', '10-12', '11-11', '11-26', '12-25'],
  // 19 June and 25 December 2027 are Saturdays (not moved); 4 July 2027 is a Sunday → Monday 5 July.
  2027: ['01-01', '01-18', '02-15', '05-31', '06-19', '07-05', '09-06', '10-11', '11-11', '11-25', '12-25'],
};

describe('US Federal Reserve holidays', () => {
  for (const [year, days] of Object.entries(PUBLISHED)) {
    it(`matches the published ${year} schedule`, () => {
      assert.deepEqual(
        observedHolidays(Number(year), FED).map((h) => h.date),
        days.map((d) => `${year}-${d}`),
      );
    });
  }

  // [date, business day?, why]
  const days: Array<[string, boolean, string]> = [
    ['2026-07-03', true, 'Friday before a Saturday Independence Day: the Fed stays open'],
    ['2026-07-04', false, 'Saturday'],
    ['2026-07-06', true, 'Monday after a Saturday holiday is not a substitute'],
    ['2027-06-18', true, 'Friday before Saturday Juneteenth 2027'],
    ['2027-07-05', false, 'Sunday Independence Day 2027 observed Monday'],
    ['2027-12-24', true, 'Friday before Saturday Christmas 2027'],
    ['2027-12-27', true, 'Monday after Saturday Christmas 2027'],
    ['2022-06-20', false, 'Sunday Juneteenth 2022 observed Monday'],
    ['2022-12-26', false, 'Sunday Christmas 2022 observed Monday'],
    ['2023-01-02', false, 'Sunday New Year 2023 observed Monday'],
    ['2027-12-31', true, 'Friday before Saturday New Year 2028: open, and it stays in 2027'],
    ['2026-11-26', false, 'Thanksgiving (4th Thursday)'],
    ['2026-11-27', true, 'day after Thanksgiving is not a Fed holiday'],
    ['2026-11-11', false, 'Veterans Day on a Wednesday'],
    ['2026-10-12', false, 'Columbus Day (2nd Monday of October)'],
    ['2026-05-25', false, 'Memorial Day (last Monday of May)'],
    ['2027-05-24', true, 'not Memorial Day in 2027: May has five Mondays and the last is the 31st'],
    ['2028-02-29', true, 'leap day 2028 is a Tuesday'],
    ['2028-02-21', false, "Washington's Birthday 2028 (3rd Monday: 7, 14, 21)"],
  ];
  for (const [date, open, why] of days) {
    it(`${date} is ${open ? '' : 'not '}a business day (${why})`, () => assert.equal(isBusinessDay(date, FED), open));
  }

  it('does not list a Saturday holiday on the Friday before', () => {
    assert.equal(isHoliday('2026-07-03', FED), false);
    assert.equal(isHoliday('2026-07-04', FED), true);
  });

  // Weekdays in the year minus holidays that fall on weekdays, worked by hand:
  // 2025 starts Wednesday, 365 days = 52 weeks + 1 Wednesday → 261 weekdays; all 11 holidays on weekdays → 250.
  // 2026 starts Thursday → 261 weekdays; 4 July is Saturday → 10 weekday holidays → 251.
  // 2027 starts Friday → 261 weekdays; 19 June and 25 December are Saturdays → 9 → 252.
  // 2028 is leap, starts Saturday: 52 weeks + Sat + Sun → 260 weekdays; 1 Jan and 11 Nov are Saturdays → 9 → 251.
  const perYear: Array<[number, number]> = [[2025, 250], [2026, 251], [2027, 252], [2028, 251]];
  for (const [year, count] of perYear) {
    it(`has ${count} business days in ${year}`, () => {
      assert.equal(businessDaysBetween(`${year - 1}-12-31`, `${year}-12-31`, FED), count);
    });
  }
});
