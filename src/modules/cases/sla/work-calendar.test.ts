import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../../platform/errors.ts';
import { parseCalendarConfig } from '../../calendars/index.ts';
import { addWorkingTime, parseSlaPolicy, parseWorkCalendar, type WorkCalendar } from './index.ts';

const hours = () => ({
  type: 'business_hours',
  timeZone: 'America/New_York',
  windows: [
    { days: [1, 2, 3, 4, 5], open: '09:00', close: '12:00' },
    { days: [1, 2, 3, 4, 5], open: '13:00', close: '17:00' },
  ] as Array<Record<string, unknown>>,
  holidayCalendar: 'us_federal_reserve' as unknown,
});

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, 'validation_failed');
    return (error.errors ?? []).map((e) => e.field);
  }
  assert.fail('expected a validation error');
}

describe('parseWorkCalendar', () => {
  it('accepts 24x7 and business hours with several windows a day', () => {
    assert.deepEqual(parseWorkCalendar({ type: '24x7' }), { type: '24x7' });
    const cal = parseWorkCalendar(hours());
    // Wed 25 Nov 11:30 EST + 60: 30 before lunch, 30 after → 13:30 EST (18:30Z).
    assert.equal(addWorkingTime(new Date('2026-11-25T16:30:00Z'), 60, cal).toISOString(), '2026-11-25T18:30:00.000Z');
  });

  it('resolves an issuer-defined holiday calendar by id', () => {
    const acme = parseCalendarConfig({ id: 'acme_bank', timeZone: 'America/New_York', extraHolidays: ['2026-12-24'] });
    const cal = parseWorkCalendar({ ...hours(), holidayCalendar: 'acme_bank' }, [acme]);
    // Wed 23 Dec 16:00 EST + 120: 60 Wed, Thu 24 closed (extra), Fri 25 open (acme has no Christmas rule) → Fri 10:00.
    assert.equal(addWorkingTime(new Date('2026-12-23T21:00:00Z'), 120, cal).toISOString(), '2026-12-25T15:00:00.000Z');
  });

  it('accepts explicit closed dates and an inline holiday calendar', () => {
    const dates = parseWorkCalendar({ ...hours(), holidayCalendar: ['2026-11-27'] });
    // Wed 25 Nov 16:00 + 120: 60 Wed; Thu 26 open here (Thanksgiving not listed) → Thu 10:00 EST.
    assert.equal(addWorkingTime(new Date('2026-11-25T21:00:00Z'), 120, dates).toISOString(), '2026-11-26T15:00:00.000Z');
    const inline = parseWorkCalendar({ ...hours(), holidayCalendar: { id: 'inline', timeZone: 'UTC', extraHolidays: ['2026-11-26'] } });
    // Thu 26 closed (inline extra), Fri 27 open → Fri 10:00 EST.
    assert.equal(addWorkingTime(new Date('2026-11-25T21:00:00Z'), 120, inline).toISOString(), '2026-11-27T15:00:00.000Z');
  });

  // [what, change, fields named]
  const bad: Array<[string, (c: ReturnType<typeof hours> & Record<string, unknown>) => void, string[]]> = [
    ['an unknown type', (c) => (c.type = 'office'), ['type']],
    ['an unknown zone', (c) => (c.timeZone = 'America/Gotham'), ['timeZone']],
    ['no windows', (c) => (c.windows = []), ['windows']],
    ['a window crossing midnight', (c) => (c.windows = [{ days: [5], open: '22:00', close: '02:00' }]), ['windows[0].close']],
    ['an empty window', (c) => (c.windows = [{ days: [5], open: '09:00', close: '09:00' }]), ['windows[0].close']],
    ['opening at 24:00', (c) => (c.windows = [{ days: [5], open: '24:00', close: '24:00' }]), ['windows[0].open']],
    ['a bad time', (c) => (c.windows[0]!.open = '9:00'), ['windows[0].open']],
    ['weekday 0', (c) => (c.windows[1]!.days = [0, 1]), ['windows[1].days']],
    ['overlapping windows', (c) => (c.windows[1]!.open = '11:00'), ['windows[1]']],
    ['a misspelt window key', (c) => (c.windows[0]!.clsoe = '12:00'), ['windows[0].clsoe']],
    ['an unknown holiday calendar', (c) => (c.holidayCalendar = 'uk_bank'), ['holidayCalendar']],
    ['a bad closed date', (c) => (c.holidayCalendar = ['2026-11-31']), ['holidayCalendar[0]']],
    ['a bad inline holiday calendar', (c) => (c.holidayCalendar = { id: 'x y', timeZone: 'UTC' }), ['holidayCalendar.id']],
    ['an unknown key', (c) => (c.holidays = []), ['holidays']],
  ];
  for (const [what, change, fields] of bad) {
    it(`names the field for ${what}`, () => {
      const config = hours() as ReturnType<typeof hours> & Record<string, unknown>;
      change(config);
      assert.deepEqual(fieldsOf(() => parseWorkCalendar(config)), fields);
    });
  }

  it('touching windows are fine, and 24:00 closes a window at midnight', () => {
    const cal = parseWorkCalendar({ type: 'business_hours', timeZone: 'Asia/Tokyo', windows: [{ days: [5], open: '12:00', close: '18:00' }, { days: [5], open: '18:00', close: '24:00' }] });
    // Fri 6 Mar 23:00 JST (14:00Z) + 60: 60 left before 24:00 → Sat 00:00 JST = 15:00Z exactly.
    assert.equal(addWorkingTime(new Date('2026-03-06T14:00:00Z'), 60, cal).toISOString(), '2026-03-06T15:00:00.000Z');
  });

  it('a hand-built invalid calendar is refused when used', () => {
    const crossing: WorkCalendar = { type: 'business_hours', timeZone: 'UTC', windows: [{ days: [1], open: '22:00', close: '02:00' }] };
    assert.throws(() => addWorkingTime(new Date('2026-01-05T00:00:00Z'), 1, crossing), /cross midnight/);
    const unknownId: WorkCalendar = { type: 'business_hours', timeZone: 'UTC', windows: [{ days: [1], open: '09:00', close: '17:00' }], holidayCalendar: 'acme_bank' };
    assert.throws(() => addWorkingTime(new Date('2026-01-05T00:00:00Z'), 1, unknownId), /unknown holiday calendar/);
  });
});

describe('parseSlaPolicy', () => {
  it('accepts a policy with some targets', () => {
    assert.deepEqual(parseSlaPolicy({ id: 'standard', calendarId: 'ny_hours', targets: { firstResponse: 60, resolution: 1440 } }), {
      id: 'standard',
      calendarId: 'ny_hours',
      targets: { firstResponse: 60, resolution: 1440 },
    });
  });

  const bad: Array<[string, unknown, string[]]> = [
    ['no targets', { id: 'standard', calendarId: 'ny_hours', targets: {} }, ['targets']],
    ['an unknown target', { id: 'standard', calendarId: 'ny_hours', targets: { reply: 5 } }, ['targets.reply']],
    ['a zero target', { id: 'standard', calendarId: 'ny_hours', targets: { firstResponse: 0 } }, ['targets.firstResponse']],
    ['a fractional target', { id: 'standard', calendarId: 'ny_hours', targets: { resolution: 1.5 } }, ['targets.resolution']],
    ['a bad id and calendar', { id: 'Standard', calendarId: 7, targets: { resolution: 60 } }, ['id', 'calendarId']],
  ];
  for (const [what, raw, fields] of bad) {
    it(`names the field for ${what}`, () => assert.deepEqual(fieldsOf(() => parseSlaPolicy(raw)), fields));
  }
});
