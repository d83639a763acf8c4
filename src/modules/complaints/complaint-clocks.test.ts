import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { US_FEDERAL_RESERVE } from '../calendars/index.ts';
import { type ClockOutcome, clockOutcome, complaintDueDates, onTimeRate, receiptDate } from './complaint-clocks.ts';
import { loadComplaintPolicy, parseComplaintPolicy } from './complaint-policy.ts';

const policy = loadComplaintPolicy();
const withAck = (n: number) => ({ ...policy, acknowledgmentBusinessDays: n });

describe('complaint clocks', () => {
  // received (local date), ack business days → acknowledgment, response (+15 calendar), final (+60 calendar)
  const table: Array<[string, string, number, string, string, string]> = [
    ['a Monday (the test clock)', '2026-06-15', 1, '2026-06-16', '2026-06-30', '2026-08-14'],
    ['the Friday before Thanksgiving week', '2026-11-20', 1, '2026-11-23', '2026-12-05', '2027-01-19'],
    ['the day before Thanksgiving: Thursday 26 Nov skipped', '2026-11-25', 1, '2026-11-27', '2026-12-10', '2027-01-24'],
    ['a Saturday: counted from the day after, so Monday', '2026-11-28', 1, '2026-11-30', '2026-12-13', '2027-01-27'],
    ['New Year\u2019s Eve: 1 January is a holiday, then a weekend', '2026-12-31', 1, '2027-01-04', '2027-01-15', '2027-03-01'],
    ['31 January (a Sunday): + 60 days is 1 April, not "end of March"', '2027-01-31', 1, '2027-02-01', '2027-02-15', '2027-04-01'],
    ['31 January in a leap year: + 60 days is 31 March', '2028-01-31', 1, '2028-02-01', '2028-02-15', '2028-03-31'],
    ['28 February: the month end is not clamped', '2027-02-28', 1, '2027-03-01', '2027-03-15', '2027-04-29'],
    ['3 business days across Thanksgiving', '2026-11-23', 3, '2026-11-27', '2026-12-08', '2027-01-22'],
    ['3 business days from the Friday before', '2026-11-20', 3, '2026-11-25', '2026-12-05', '2027-01-19'],
    ['0 business days on a business day: the same day', '2026-06-15', 0, '2026-06-15', '2026-06-30', '2026-08-14'],
    ['0 business days on a Saturday: the next business day', '2026-11-28', 0, '2026-11-30', '2026-12-13', '2027-01-27'],
    ['Independence Day on a Saturday (2026): Friday 3 July stays open on the Fed calendar', '2026-07-02', 1, '2026-07-03', '2026-07-17', '2026-08-31'],
  ];
  for (const [name, received, ack, acknowledgment, response, final] of table) {
    it(`received ${received}, ${name}`, () => {
      assert.deepEqual(complaintDueDates(received, withAck(ack)), { acknowledgment, response, final });
    });
  }

  it('a regulator complaint has no acknowledgment clock; its 15 and 60 days are calendar days', () => {
    assert.deepEqual(complaintDueDates('2027-01-31', policy, { regulator: true }), { acknowledgment: null, response: '2027-02-15', final: '2027-04-01' });
  });

  it('counts from the date of receipt in the issuer\u2019s time zone, not in UTC', () => {
    assert.equal(receiptDate(new Date('2027-02-01T04:30:00Z'), 'America/New_York'), '2027-01-31'); // 23:30 EST
    assert.equal(receiptDate(new Date('2027-02-01T05:00:00Z'), 'America/New_York'), '2027-02-01');
    assert.equal(receiptDate(new Date('2026-11-08T04:30:00Z'), 'America/New_York'), '2026-11-07'); // EST after the DST change, 23:30
  });

  it('the default policy: 1 business day on the Federal Reserve calendar, 15 and 60 calendar days', () => {
    assert.equal(policy.acknowledgmentBusinessDays, 1);
    assert.equal(policy.responseCalendarDays, 15);
    assert.equal(policy.finalCalendarDays, 60);
    assert.equal(policy.calendar.id, US_FEDERAL_RESERVE.id);
    assert.ok(policy.categories.some((c) => c.id === 'billing_dispute'));
  });

  it('refuses a policy with an unknown calendar or a response due after the final answer', () => {
    const raw = { version: 1, acknowledgmentBusinessDays: 1, responseCalendarDays: 15, finalCalendarDays: 60, holidayCalendar: 'us_federal_reserve', categories: [{ id: 'other', label: 'Other' }], rootCauses: [{ id: 'policy', label: 'Policy' }] };
    assert.equal(parseComplaintPolicy(raw).finalCalendarDays, 60);
    assert.throws(() => parseComplaintPolicy({ ...raw, holidayCalendar: 'mars' }), /no holiday calendar/);
    assert.throws(() => parseComplaintPolicy({ ...raw, responseCalendarDays: 61 }), /after the final/);
    assert.throws(() => parseComplaintPolicy({ ...raw, acknowledgmentBusinessDays: -1 }), /invalid/);
  });
});

describe('on-time outcomes', () => {
  const cases: Array<[string | null, string | null, string, ClockOutcome]> = [
    ['2026-06-16', '2026-06-15', '2026-06-20', 'on_time'],
    ['2026-06-16', '2026-06-16', '2026-06-20', 'on_time'], // the due date itself is on time
    ['2026-06-16', '2026-06-17', '2026-06-20', 'late'],
    ['2026-06-16', null, '2026-06-16', 'pending'], // due today, not yet late
    ['2026-06-16', null, '2026-06-17', 'overdue'],
    [null, null, '2026-06-17', 'none'],
  ];
  for (const [due, done, today, expected] of cases) {
    it(`due ${due}, done ${done}, on ${today}: ${expected}`, () => assert.equal(clockOutcome(due, done, today), expected));
  }

  it('rates on-time over what is due so far (done, or past due); pending and none are left out', () => {
    assert.deepEqual(onTimeRate(['on_time', 'on_time', 'late', 'overdue', 'pending', 'none']), { onTime: 2, dueSoFar: 4, rate: 0.5 });
    assert.deepEqual(onTimeRate(['on_time', 'late', 'late']), { onTime: 1, dueSoFar: 3, rate: 0.3333 });
    assert.deepEqual(onTimeRate(['pending', 'none']), { onTime: 0, dueSoFar: 0, rate: null });
  });
});
