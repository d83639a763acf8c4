import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../platform/errors.ts';
import { addBusinessDays, isBusinessDay, observedHolidays, parseCalendarConfig, US_FEDERAL_RESERVE_RULES } from './index.ts';

const valid = () => ({
  id: 'acme_bank',
  timeZone: 'America/Chicago',
  weekend: [6, 7],
  rules: structuredClone(US_FEDERAL_RESERVE_RULES) as unknown[],
  extraHolidays: ['2026-12-24'],
  removedHolidays: ['2026-10-12'], // Acme works Columbus Day
});

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'validation_failed');
    return (error.errors ?? []).map((e) => e.field);
  }
  assert.fail('expected a validation error');
}

describe('parseCalendarConfig', () => {
  it('builds a calendar whose extra and removed dates change business days', () => {
    const cal = parseCalendarConfig(valid());
    assert.equal(cal.id, 'acme_bank');
    assert.equal(isBusinessDay('2026-12-24', cal), false); // extra: Christmas Eve
    assert.equal(isBusinessDay('2026-10-12', cal), true); // removed: Columbus Day
    // Wed 23 Dec + 1: Thu 24 (extra) and Fri 25 (Christmas) closed, weekend → Mon 28.
    assert.equal(addBusinessDays('2026-12-23', 1, cal), '2026-12-28');
    assert.equal(observedHolidays(2026, cal).length, 11); // 11 Fed − Columbus + Christmas Eve
    assert.ok(Object.isFrozen(cal) && Object.isFrozen(cal.rules));
  });

  it('defaults weekend to Saturday–Sunday and the lists to empty', () => {
    const cal = parseCalendarConfig({ id: 'plain', timeZone: 'UTC' });
    assert.deepEqual([cal.weekend, cal.rules, cal.extraHolidays, cal.removedHolidays], [[6, 7], [], [], []]);
    assert.equal(isBusinessDay('2026-12-25', cal), true);
  });

  it('supports another weekend (Friday–Saturday)', () => {
    const cal = parseCalendarConfig({ id: 'gulf', timeZone: 'Asia/Riyadh', weekend: [5, 6] });
    assert.equal(addBusinessDays('2026-03-05', 1, cal), '2026-03-08'); // Thu + 1 → Sun
  });

  // [what, change, fields named]
  const bad: Array<[string, (c: Record<string, unknown>) => void, string[]]> = [
    ['a bad id', (c) => (c.id = 'Acme Bank'), ['id']],
    ['an unknown zone', (c) => (c.timeZone = 'Mars/Olympus'), ['timeZone']],
    ['a seven-day weekend', (c) => (c.weekend = [1, 2, 3, 4, 5, 6, 7]), ['weekend']],
    ['weekday 0', (c) => (c.weekend = [0, 6]), ['weekend']],
    ['an unknown top-level key', (c) => (c.holidays = []), ['holidays']],
    ['rules not an array', (c) => (c.rules = {}), ['rules']],
    ['a rule of unknown type', (c) => ((c.rules as unknown[])[0] = { type: 'easter', name: 'x', month: 4 }), ['rules[0].type']],
    ['month 13', (c) => ((c.rules as Array<Record<string, unknown>>)[1]!.month = 13), ['rules[1].month']],
    ['30 February', (c) => (c.rules = [{ type: 'fixed', name: 'x', month: 2, day: 30, observance: 'none' }]), ['rules[0].day']],
    ['a missing observance', (c) => (c.rules = [{ type: 'fixed', name: 'x', month: 2, day: 29 }]), ['rules[0].observance']],
    ['nth 0 and weekday 8', (c) => (c.rules = [{ type: 'nth_weekday', name: 'x', month: 1, weekday: 8, nth: 0 }]), ['rules[0].weekday', 'rules[0].nth']],
    ['a misspelt rule key', (c) => (c.rules = [{ type: 'nth_weekday', name: 'x', month: 1, weekday: 1, nth: 3, obsrvance: 'none' }]), ['rules[0].obsrvance']],
    ['an empty name', (c) => (c.rules = [{ type: 'nth_weekday', name: ' ', month: 1, weekday: 1, nth: 3 }]), ['rules[0].name']],
    ['an impossible extra date', (c) => (c.extraHolidays = ['2026-12-24', '2027-02-29']), ['extraHolidays[1]']],
    ['a duplicated extra date', (c) => (c.extraHolidays = ['2026-12-24', '2026-12-24']), ['extraHolidays[1]']],
    ['removing a date that is no holiday', (c) => (c.removedHolidays = ['2026-10-13']), ['removedHolidays[0]']],
    ['removing the Saturday date of a moved holiday', (c) => (c.removedHolidays = ['2027-07-04']), ['removedHolidays[0]']],
    ['removing an extra date', (c) => (c.removedHolidays = ['2026-12-24']), ['removedHolidays[0]']],
  ];
  for (const [what, change, fields] of bad) {
    it(`names the field for ${what}`, () => {
      const config = valid() as Record<string, unknown>;
      change(config);
      assert.deepEqual(fieldsOf(() => parseCalendarConfig(config)), fields);
    });
  }

  it('reports every problem at once', () => {
    assert.deepEqual(fieldsOf(() => parseCalendarConfig({ id: 1, timeZone: 'x', extraHolidays: 'no' })), ['id', 'timeZone', 'extraHolidays']);
    assert.deepEqual(fieldsOf(() => parseCalendarConfig(null)), ['(root)']);
  });
});
