import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CompiledHours, openIntervalsOn } from './day-intervals.ts';
import { NEW_YORK_FED, NEW_YORK_NIGHT, SYDNEY, TOKYO_WITH_LUNCH } from './test-calendars.ts';
import { compileCalendar, type WorkCalendar } from './work-calendar.ts';

const DAY = 86_400_000;
const epochDay = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const hoursOf = (calendar: WorkCalendar) => compileCalendar(calendar) as CompiledHours;
const iso = (ms: number) => new Date(ms).toISOString().replace(':00.000Z', 'Z');

describe('openIntervalsOn: one local date of a calendar as epoch-ms intervals', () => {
  // [why, calendar, local date, intervals (UTC)]
  const table: Array<[string, WorkCalendar, string, string[]]> = [
    ['an ordinary Tuesday, EST', NEW_YORK_FED, '2026-11-24', ['2026-11-24T14:00Z', '2026-11-24T22:00Z']],
    ['Thanksgiving is closed', NEW_YORK_FED, '2026-11-26', []],
    ['a Saturday is closed', NEW_YORK_FED, '2026-11-28', []],
    ['the Monday after spring-forward opens at 09:00 EDT', NEW_YORK_FED, '2026-03-09', ['2026-03-09T13:00Z', '2026-03-09T21:00Z']],
    ['01:00–03:00 on spring-forward day is one real hour', NEW_YORK_NIGHT, '2026-03-08', ['2026-03-08T06:00Z', '2026-03-08T07:00Z']],
    ['01:00–03:00 on fall-back day is three real hours', NEW_YORK_NIGHT, '2026-11-01', ['2026-11-01T05:00Z', '2026-11-01T08:00Z']],
    ['Tokyo with lunch: two intervals, the UTC day before for the morning', TOKYO_WITH_LUNCH, '2026-03-06', ['2026-03-06T00:00Z', '2026-03-06T03:00Z', '2026-03-06T04:00Z', '2026-03-06T09:00Z']],
    ['Sydney the Monday after DST ends (AEST, UTC+10)', SYDNEY, '2026-04-06', ['2026-04-05T23:00Z', '2026-04-06T07:00Z']],
  ];
  for (const [why, calendar, date, expected] of table) {
    it(`${date}: ${why}`, () => assert.deepEqual([...openIntervalsOn(hoursOf(calendar), epochDay(date))].map(iso), expected));
  }

  it('answers the same after its bounded memo was cleared (more than 8192 days asked)', () => {
    const cal = hoursOf(NEW_YORK_FED);
    const first = [...openIntervalsOn(cal, epochDay('2026-11-24'))];
    for (let d = 0; d < 9000; d++) openIntervalsOn(cal, epochDay('2000-01-01') + d);
    assert.ok(cal.openByDay.size <= 8192);
    assert.deepEqual([...openIntervalsOn(cal, epochDay('2026-11-24'))], first);
  });
});
