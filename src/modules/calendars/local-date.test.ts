import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IANAZone } from 'luxon';
import { addCalendarDays, calendarDaysBetween, instantAt, isIsoDate, isoWeekday, localDate, localEpochDay } from './index.ts';

describe('calendar dates', () => {
  const valid: Array<[unknown, boolean]> = [
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2100-02-29', false], // century, not divisible by 400
    ['2000-02-29', true],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-1-05', false],
    ['2026-01-05T00:00', false],
    [20260105, false],
  ];
  for (const [value, ok] of valid) {
    it(`isIsoDate(${JSON.stringify(value)}) is ${ok}`, () => assert.equal(isIsoDate(value), ok));
  }

  // [date, days, expected]
  const adds: Array<[string, number, string]> = [
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2028-02-29', 365, '2029-02-28'], // 2029 is not leap: 365 days after 29 Feb is 28 Feb
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-03-08', 1, '2026-03-09'], // a DST date is still one calendar day
    ['2026-01-31', 30, '2026-03-02'], // Jan 31 + 28 = Feb 28, + 2 = Mar 2
  ];
  for (const [date, days, expected] of adds) {
    it(`${date} + ${days} calendar days = ${expected}`, () => {
      assert.equal(addCalendarDays(date, days), expected);
      assert.equal(calendarDaysBetween(date, expected), days);
    });
  }

  it('knows ISO weekdays', () => {
    assert.equal(isoWeekday('2026-11-26'), 4); // Thanksgiving, a Thursday
    assert.equal(isoWeekday('2026-03-08'), 7); // a Sunday
    assert.equal(isoWeekday('1970-01-01'), 4);
    assert.equal(isoWeekday('1969-12-29'), 1); // before the epoch
  });
});

describe('localDate', () => {
  // [instant, zone, date]
  const table: Array<[string, string, string]> = [
    ['2026-03-06T15:30:00Z', 'Asia/Tokyo', '2026-03-07'], // 00:30 Saturday in Tokyo (UTC+9), still Friday in UTC
    ['2026-03-06T14:59:59Z', 'Asia/Tokyo', '2026-03-06'], // 23:59:59 Friday in Tokyo
    ['2026-03-07T03:00:00Z', 'America/New_York', '2026-03-06'], // 22:00 EST Friday
    ['2026-11-01T04:30:00Z', 'America/New_York', '2026-11-01'], // 00:30 EDT on fall-back day
    ['2026-11-01T03:59:00Z', 'America/New_York', '2026-10-31'], // 23:59 EDT the night before
    ['2026-04-04T13:00:00Z', 'Australia/Sydney', '2026-04-05'], // 00:00 AEDT (UTC+11) on the DST-end Sunday
    ['2026-04-04T12:59:00Z', 'Australia/Sydney', '2026-04-04'],
    ['2026-12-31T23:00:00Z', 'Europe/London', '2026-12-31'],
  ];
  for (const [instant, zone, date] of table) {
    it(`${instant} is ${date} in ${zone}`, () => assert.equal(localDate(new Date(instant), zone), date));
  }

  it('rejects an unknown zone and an invalid instant', () => {
    assert.throws(() => localDate(new Date('2026-01-01T00:00:00Z'), 'Mars/Olympus'), RangeError);
    assert.throws(() => localDate(new Date('nope'), 'UTC'), RangeError);
  });
});

describe('instantAt (wall time → instant)', () => {
  const iso = (ms: number) => new Date(ms).toISOString();
  // [date, HH:mm as minutes, zone, instant]
  const table: Array<[string, number, string, string, string]> = [
    ['2026-03-09', 9 * 60, 'America/New_York', '2026-03-09T13:00:00.000Z', '09:00 EDT (UTC−4) the Monday after spring-forward'],
    ['2026-03-06', 9 * 60, 'America/New_York', '2026-03-06T14:00:00.000Z', '09:00 EST (UTC−5) the Friday before'],
    ['2026-03-08', 150, 'America/New_York', '2026-03-08T07:30:00.000Z', '02:30 does not exist; read with EST → 03:30 EDT'],
    ['2026-11-01', 90, 'America/New_York', '2026-11-01T05:30:00.000Z', '01:30 happens twice; the first (EDT) is meant'],
    ['2026-11-01', 180, 'America/New_York', '2026-11-01T08:00:00.000Z', '03:00 EST after fall-back'],
    ['2026-03-06', 1440, 'Asia/Tokyo', '2026-03-06T15:00:00.000Z', "'24:00' Friday is Saturday 00:00 JST"],
    ['2026-10-04', 150, 'Australia/Sydney', '2026-10-03T16:30:00.000Z', '02:30 in the Sydney gap → 03:30 AEDT (UTC+11)'],
  ];
  for (const [date, minute, zone, expected, why] of table) {
    it(`${date} +${minute}min in ${zone} → ${expected} (${why})`, () => assert.equal(iso(instantAt(date, minute, zone)), expected));
  }
});

describe('localEpochDay (localDate without a zone lookup on ordinary days)', () => {
  const DAY = 86_400_000;
  // What localDate computed before: the zone asked about the instant itself.
  const direct = (ms: number, zone: string) => Math.floor((ms + IANAZone.create(zone).offset(ms) * 60_000) / DAY);
  const zones = ['America/New_York', 'America/Havana', 'America/Santiago', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Europe/London', 'Asia/Kolkata', 'UTC'];
  it('agrees with the zone at every offset change of 2025–2028 (±1 ms, ±1 h, ±1 day) and every 7919th second', () => {
    const from = Date.parse('2025-01-01T00:00:00Z');
    const to = Date.parse('2029-01-01T00:00:00Z');
    for (const zone of zones) {
      const luxonZone = IANAZone.create(zone);
      const probes: number[] = [];
      for (let t = from; t < to; t += 3_600_000) {
        if (luxonZone.offset(t) === luxonZone.offset(t + 3_600_000)) continue;
        for (const d of [-DAY, -3_600_000, -1, 0, 1, 3_599_999, 3_600_000, 7_200_000, DAY]) probes.push(t + d);
      }
      for (let t = from; t < to; t += 7_919_000) probes.push(t);
      for (const ms of probes) assert.equal(localEpochDay(ms, zone), direct(ms, zone), `${new Date(ms).toISOString()} in ${zone}`);
      assert.equal(localDate(new Date(probes[0]!), zone), new Date(direct(probes[0]!, zone) * DAY).toISOString().slice(0, 10));
    }
  });
  it('rejects an instant a Date cannot hold and truncates fractional ms like new Date', () => {
    assert.throws(() => localEpochDay(Number.NaN, 'UTC'), RangeError);
    assert.throws(() => localEpochDay(8.64e15 + 1, 'UTC'), RangeError);
    assert.equal(localEpochDay(-0.5, 'UTC'), 0); // new Date(-0.5) is 1970-01-01T00:00:00.000Z
    assert.equal(localEpochDay(-1, 'UTC'), -1);
  });
});
