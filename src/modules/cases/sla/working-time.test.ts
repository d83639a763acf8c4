import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addWorkingTime, isWorkingTime, nextWorkingInstant, type WorkCalendar, workingMinutesBetween } from './index.ts';
import { NEW_YORK_ALL_DAY, NEW_YORK_FED, NEW_YORK_NIGHT, ROUND_THE_CLOCK, SYDNEY, TOKYO_WITH_LUNCH } from './test-calendars.ts';

const iso = (d: Date) => d.toISOString().replace('.000Z', 'Z');

describe('addWorkingTime', () => {
  // [why (worked by hand), calendar, start (UTC), minutes, expected (UTC)]
  const table: Array<[string, WorkCalendar, string, number, string]> = [
    ['Tue 10:00 EST + 60 = 11:00 EST', NEW_YORK_FED, '2026-11-24T15:00:00Z', 60, '2026-11-24T16:00:00Z'],
    ['Wed 16:00 EST + 120: 60 Wed, Thanksgiving closed, 60 Fri → Fri 10:00 EST', NEW_YORK_FED, '2026-11-25T21:00:00Z', 120, '2026-11-27T15:00:00Z'],
    ['Sat 12:00 EST + 30: starts Mon 09:00 → 09:30 EST', NEW_YORK_FED, '2026-11-28T17:00:00Z', 30, '2026-11-30T14:30:00Z'],
    ['Mon 07:00 EST + 0 is the opening, 09:00 EST', NEW_YORK_FED, '2026-11-30T12:00:00Z', 0, '2026-11-30T14:00:00Z'],
    ['Tue 10:00 EST + 0 is itself', NEW_YORK_FED, '2026-11-24T15:00:00Z', 0, '2026-11-24T15:00:00Z'],
    ['Tue 17:00 EST (closing) + 0 is Wed 09:00 EST', NEW_YORK_FED, '2026-11-24T22:00:00Z', 0, '2026-11-25T14:00:00Z'],
    ['Tue 17:00 EST + 1 is Wed 09:01 EST', NEW_YORK_FED, '2026-11-24T22:00:00Z', 1, '2026-11-25T14:01:00Z'],
    ['Tue 16:00 EST + 60 ends on the closing, 17:00 EST, not Wed 09:00', NEW_YORK_FED, '2026-11-24T21:00:00Z', 60, '2026-11-24T22:00:00Z'],
    ['Mon 09:00 + 3 × 480 = Wed 17:00 EST (Mon, Tue, Wed)', NEW_YORK_FED, '2026-11-23T14:00:00Z', 1440, '2026-11-25T22:00:00Z'],
    ['Mon 09:00 + 4 × 480 = Fri 17:00 EST (Thanksgiving skipped)', NEW_YORK_FED, '2026-11-23T14:00:00Z', 1920, '2026-11-27T22:00:00Z'],
    ['Thu 31 Dec 16:00 EST + 120: 60, New Year Fri, weekend, Mon 4 Jan 10:00 EST', NEW_YORK_FED, '2026-12-31T21:00:00Z', 120, '2027-01-04T15:00:00Z'],
    // Spring forward (Sun 2026-03-08): Friday closes 17:00 EST = 22:00Z, Monday opens 09:00 EDT = 13:00Z.
    // Naive UTC arithmetic would answer 15:00Z, an hour late.
    ['Fri 6 Mar 16:00 EST + 120 → Mon 9 Mar 10:00 EDT', NEW_YORK_FED, '2026-03-06T21:00:00Z', 120, '2026-03-09T14:00:00Z'],
    // Fall back (Sun 2026-11-01): Friday 16:00 EDT = 20:00Z, Monday 10:00 EST = 15:00Z.
    ['Fri 30 Oct 16:00 EDT + 120 → Mon 2 Nov 10:00 EST', NEW_YORK_FED, '2026-10-30T20:00:00Z', 120, '2026-11-02T15:00:00Z'],
    ['24x7: Fri 6 Mar 16:00 EST + 120 → 18:00 EST the same evening', ROUND_THE_CLOCK, '2026-03-06T21:00:00Z', 120, '2026-03-06T23:00:00Z'],
    ['24x7 counts real minutes across the jump: 01:00 EST + 120 → 04:00 EDT', ROUND_THE_CLOCK, '2026-03-08T06:00:00Z', 120, '2026-03-08T08:00:00Z'],
    // Tokyo: 2026-03-05T14:00Z is Thursday 23:00 JST (still Thursday afternoon in UTC): closed until Fri 09:00 JST.
    ['Tokyo Thu 23:00 JST + 60 → Fri 10:00 JST', TOKYO_WITH_LUNCH, '2026-03-05T14:00:00Z', 60, '2026-03-06T01:00:00Z'],
    ['Tokyo Fri 11:30 JST + 60: 30 before lunch, 30 after → 13:30 JST', TOKYO_WITH_LUNCH, '2026-03-06T02:30:00Z', 60, '2026-03-06T04:30:00Z'],
    ['Tokyo Fri 17:30 JST + 60: 30 Fri, weekend → Mon 09:30 JST', TOKYO_WITH_LUNCH, '2026-03-06T08:30:00Z', 60, '2026-03-09T00:30:00Z'],
    ['Tokyo Sat 00:00 JST (Fri 15:00Z) + 1 → Mon 09:01 JST', TOKYO_WITH_LUNCH, '2026-03-06T15:00:00Z', 1, '2026-03-09T00:01:00Z'],
    // Sydney DST ends Sun 2026-04-05 (AEDT +11 → AEST +10) and starts Sun 2026-10-04 (AEST +10 → AEDT +11).
    ['Sydney Fri 3 Apr 16:00 AEDT + 120 → Mon 6 Apr 10:00 AEST', SYDNEY, '2026-04-03T05:00:00Z', 120, '2026-04-06T00:00:00Z'],
    ['Sydney Fri 2 Oct 16:00 AEST + 120 → Mon 5 Oct 10:00 AEDT', SYDNEY, '2026-10-02T06:00:00Z', 120, '2026-10-04T23:00:00Z'],
    ['fractional minutes are kept: Tue 10:00 EST + 0.5 → 10:00:30', NEW_YORK_FED, '2026-11-24T15:00:00Z', 0.5, '2026-11-24T15:00:30Z'],
  ];
  for (const [why, calendar, start, minutes, expected] of table) {
    it(why, () => assert.equal(iso(addWorkingTime(new Date(start), minutes, calendar)), expected));
  }

  it('rejects negative or non-finite minutes and invalid dates', () => {
    assert.throws(() => addWorkingTime(new Date('2026-11-24T15:00:00Z'), -1, NEW_YORK_FED), RangeError);
    assert.throws(() => addWorkingTime(new Date('2026-11-24T15:00:00Z'), Number.POSITIVE_INFINITY, NEW_YORK_FED), RangeError);
    assert.throws(() => addWorkingTime(new Date('nope'), 1, NEW_YORK_FED), RangeError);
  });
});

describe('workingMinutesBetween', () => {
  // [why (worked by hand), calendar, a, b, minutes]
  const table: Array<[string, WorkCalendar, string, string, number]> = [
    // Fri 20 Nov 16:00 → Mon 30 Nov 10:00 EST: Fri 60 + Mon–Wed 3 × 480 + Thanksgiving 0 + Fri 27 480 + Mon 60.
    ['over Thanksgiving week', NEW_YORK_FED, '2026-11-20T21:00:00Z', '2026-11-30T15:00:00Z', 2040],
    ['the same, reversed', NEW_YORK_FED, '2026-11-30T15:00:00Z', '2026-11-20T21:00:00Z', -2040],
    ['the same, round the clock: 9 days 18 hours', ROUND_THE_CLOCK, '2026-11-20T21:00:00Z', '2026-11-30T15:00:00Z', 14_040],
    ['a weekend alone is 0', NEW_YORK_FED, '2026-11-21T05:00:00Z', '2026-11-23T05:00:00Z', 0],
    ['Thanksgiving alone is 0', NEW_YORK_FED, '2026-11-26T05:00:00Z', '2026-11-27T05:00:00Z', 0],
    ['an empty interval is 0', NEW_YORK_FED, '2026-11-24T15:00:00Z', '2026-11-24T15:00:00Z', 0],
    ['spring-forward Sunday 00:00 → 00:00 is 23 hours', NEW_YORK_ALL_DAY, '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', 1380],
    ['fall-back Sunday 00:00 → 00:00 is 25 hours', NEW_YORK_ALL_DAY, '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z', 1500],
    ['01:00–03:00 on spring-forward day is 60 minutes (02:00–03:00 never happens)', NEW_YORK_NIGHT, '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', 60],
    ['01:00–03:00 on fall-back day is 180 minutes (01:00–02:00 happens twice)', NEW_YORK_NIGHT, '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z', 180],
    ['01:00–03:00 on an ordinary day is 120', NEW_YORK_NIGHT, '2026-11-03T05:00:00Z', '2026-11-04T05:00:00Z', 120],
    ['Tokyo Friday with lunch: 3 h + 5 h', TOKYO_WITH_LUNCH, '2026-03-05T15:00:00Z', '2026-03-06T15:00:00Z', 480],
    ['Sydney Fri 3 Apr 09:00 AEDT → Mon 6 Apr 17:00 AEST: two 8-hour days', SYDNEY, '2026-04-02T22:00:00Z', '2026-04-06T07:00:00Z', 960],
  ];
  for (const [why, calendar, a, b, minutes] of table) {
    it(`${why}: ${minutes}`, () => assert.equal(workingMinutesBetween(new Date(a), new Date(b), calendar), minutes));
  }

  it('inverts addWorkingTime from every 37th minute around both New York DST changes', () => {
    const spans: Array<[string, string]> = [['2026-03-05T00:00:00Z', '2026-03-11T00:00:00Z'], ['2026-10-29T00:00:00Z', '2026-11-04T00:00:00Z'], ['2026-11-24T00:00:00Z', '2026-11-30T00:00:00Z']];
    for (const calendar of [NEW_YORK_FED, NEW_YORK_NIGHT, NEW_YORK_ALL_DAY, TOKYO_WITH_LUNCH]) {
      for (const [from, to] of spans) {
        for (let t = Date.parse(from); t < Date.parse(to); t += 37 * 60_000) {
          for (const minutes of [1, 59, 480, 1000]) {
            const start = new Date(t);
            const end = addWorkingTime(start, minutes, calendar);
            assert.equal(workingMinutesBetween(start, end, calendar), minutes, `${start.toISOString()} + ${minutes}`);
            assert.equal(isWorkingTime(new Date(end.getTime() - 1), calendar), true, `the last ms before ${end.toISOString()} is worked`);
          }
        }
      }
    }
  });
});

describe('isWorkingTime / nextWorkingInstant', () => {
  const table: Array<[string, string, boolean, string]> = [
    // [why, instant, working?, next working instant]
    ['Tue 09:00 EST opening is inside', '2026-11-24T14:00:00Z', true, '2026-11-24T14:00:00Z'],
    ['Tue 17:00 EST closing is outside', '2026-11-24T22:00:00Z', false, '2026-11-25T14:00:00Z'],
    ['Thanksgiving noon is outside', '2026-11-26T17:00:00Z', false, '2026-11-27T14:00:00Z'],
    ['Fri 3 Jul 2026 noon EDT is inside (Saturday holiday not moved)', '2026-07-03T16:00:00Z', true, '2026-07-03T16:00:00Z'],
    ['Mon 5 Jul 2027 noon EDT is outside (Sunday holiday observed)', '2027-07-05T16:00:00Z', false, '2027-07-06T13:00:00Z'],
  ];
  for (const [why, instant, working, next] of table) {
    it(why, () => {
      assert.equal(isWorkingTime(new Date(instant), NEW_YORK_FED), working);
      assert.equal(iso(nextWorkingInstant(new Date(instant), NEW_YORK_FED)), next);
    });
  }
});
