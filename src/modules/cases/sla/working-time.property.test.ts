import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IANAZone } from 'luxon';
import { referenceAddWorkingMs, referenceWorkingMsBetween } from './reference-working-time.ts';
import { prng } from './sla-corpus.ts';
import type { WorkCalendar } from './work-calendar.ts';
import { addWorkingMs, workingMsBetween } from './working-time.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const FROM = Date.parse('2025-01-01T00:00:00Z');
const TO = Date.parse('2029-01-01T00:00:00Z');

/** The instants in [from, to) where the zone's UTC offset changes, to the millisecond (bisection). */
function transitions(timeZone: string, from: number, to: number): number[] {
  const zone = IANAZone.create(timeZone);
  const found: number[] = [];
  for (let t = from; t < to; t += 6 * HOUR) {
    if (zone.offset(t) === zone.offset(t + 6 * HOUR)) continue;
    let [lo, hi] = [t, t + 6 * HOUR];
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (zone.offset(mid) === zone.offset(lo)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

const hours = (timeZone: string, windows: Array<[number[], string, string]>, holidayCalendar?: string | string[]): WorkCalendar => ({
  type: 'business_hours',
  timeZone,
  windows: windows.map(([days, open, close]) => ({ days: days as Array<1 | 2 | 3 | 4 | 5 | 6 | 7>, open, close })),
  ...(holidayCalendar === undefined ? {} : { holidayCalendar }),
});
const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

// Zones chosen for their offset changes: New York and London (usual 02:00/01:00 jumps), Sydney (southern
// hemisphere), Lord Howe (a 30-minute DST), Havana and Santiago (changes at local midnight, so a date starts
// at 01:00 or happens partly twice), Chatham (+12:45/+13:45), Kolkata (+05:30, none), Tokyo (none).
const CALENDARS: Array<[string, WorkCalendar]> = [
  ['new york fed', hours('America/New_York', [[WEEKDAYS, '09:00', '17:00']], 'us_federal_reserve')],
  ['new york extended', hours('America/New_York', [[WEEKDAYS, '08:00', '20:00'], [[6], '09:00', '17:00']], 'us_federal_reserve')],
  ['new york night', hours('America/New_York', [[EVERY_DAY, '00:30', '02:30'], [EVERY_DAY, '23:00', '24:00']])],
  ['london listed holidays', hours('Europe/London', [[WEEKDAYS, '08:30', '17:30']], ['2026-03-30', '2026-12-25', '2027-03-29', '2027-10-29'])],
  ['sydney split', hours('Australia/Sydney', [[WEEKDAYS, '01:00', '03:30'], [WEEKDAYS, '09:00', '17:00']])],
  ['lord howe all day', hours('Australia/Lord_Howe', [[EVERY_DAY, '00:00', '24:00']])],
  ['havana midnight', hours('America/Havana', [[EVERY_DAY, '00:00', '01:30'], [WEEKDAYS, '22:00', '24:00']])],
  ['santiago all day', hours('America/Santiago', [[[6, 7], '00:00', '24:00'], [WEEKDAYS, '10:00', '18:00']])],
  ['chatham', hours('Pacific/Chatham', [[WEEKDAYS, '02:00', '04:00'], [WEEKDAYS, '08:00', '16:00']])],
  ['kolkata', hours('Asia/Kolkata', [[[1, 2, 3, 4, 5, 6], '09:30', '18:00']])],
  ['tokyo fed holidays', hours('Asia/Tokyo', [[WEEKDAYS, '09:00', '12:00'], [WEEKDAYS, '13:00', '18:00']], 'us_federal_reserve')],
];

describe('working time with memoized day intervals equals the uncached computation', () => {
  for (const [name, calendar] of CALENDARS) {
    it(`${name} (${calendar.type === 'business_hours' ? calendar.timeZone : '24x7'}): random and near-transition instants, 2025–2028`, () => {
      const rnd = prng(name.length * 7919 + name.charCodeAt(0));
      const zone = calendar.type === 'business_hours' ? calendar.timeZone : 'UTC';
      const changes = transitions(zone, FROM, TO);
      if (!['Asia/Kolkata', 'Asia/Tokyo'].includes(zone)) assert.ok(changes.length >= 6, `${zone} has offset changes to test around`);
      const instant = () => {
        const r = rnd();
        // Near a change (±2 days, to the ms), on a whole minute, or anywhere.
        if (r < 0.45 && changes.length > 0) return changes[Math.floor(rnd() * changes.length)]! + Math.floor((rnd() - 0.5) * 4 * 24 * HOUR);
        if (r < 0.55 && changes.length > 0) return changes[Math.floor(rnd() * changes.length)]! + Math.floor((rnd() - 0.5) * 6) * 30 * MINUTE;
        if (r < 0.8) return FROM + Math.floor(rnd() * ((TO - FROM) / MINUTE)) * MINUTE;
        return FROM + Math.floor(rnd() * (TO - FROM));
      };
      const duration = () => {
        const r = rnd();
        if (r < 0.1) return 0;
        if (r < 0.2) return 1;
        if (r < 0.6) return Math.floor(rnd() * 8 * 60) * MINUTE;
        if (r < 0.9) return Math.floor(rnd() * 20 * 8 * 60) * MINUTE;
        return Math.floor(rnd() * 40 * HOUR) + 0.5;
      };
      for (let n = 0; n < 400; n++) {
        const from = instant();
        const ms = duration();
        const due = addWorkingMs(from, ms, calendar);
        assert.equal(due, referenceAddWorkingMs(from, ms, calendar), `${new Date(from).toISOString()} + ${ms} ms`);
        const to = rnd() < 0.5 ? due : from + Math.floor((rnd() - 0.3) * 30 * 24 * HOUR);
        assert.equal(workingMsBetween(from, to, calendar), referenceWorkingMsBetween(from, to, calendar), `${new Date(from).toISOString()} → ${new Date(to).toISOString()}`);
      }
    });
  }

  it('a fresh copy of a calendar (a new object, an empty memo) gives the same answers as the warm one', () => {
    const [, warm] = CALENDARS[0]!;
    const cold = structuredClone(warm);
    for (let t = Date.parse('2026-11-20T00:00:00Z'); t < Date.parse('2026-12-02T00:00:00Z'); t += 97 * MINUTE) {
      assert.equal(addWorkingMs(t, 600 * MINUTE, cold), addWorkingMs(t, 600 * MINUTE, warm));
      assert.equal(workingMsBetween(t, t + 50 * HOUR, cold), workingMsBetween(t, t + 50 * HOUR, warm));
    }
  });

  it('tells apart two calendars with the same windows and different holidays (the memo is per calendar object)', () => {
    const wed = Date.parse('2026-11-25T21:00:00Z'); // Wed 16:00 EST, the day before Thanksgiving
    const withHolidays = hours('America/New_York', [[WEEKDAYS, '09:00', '17:00']], 'us_federal_reserve');
    const without = hours('America/New_York', [[WEEKDAYS, '09:00', '17:00']]);
    assert.equal(new Date(addWorkingMs(wed, 120 * MINUTE, withHolidays)).toISOString(), '2026-11-27T15:00:00.000Z');
    assert.equal(new Date(addWorkingMs(wed, 120 * MINUTE, without)).toISOString(), '2026-11-26T15:00:00.000Z');
  });
});
