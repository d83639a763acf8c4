import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { US_FEDERAL_RESERVE } from '../../calendars/index.ts';
import { deadlineWarnings, regEDeadlines, regZDeadlines } from './index.ts';

// Reg Z, cycle day 15, notice 2026-03-10: acknowledge by 2026-04-09, resolve by 2026-05-15.
const regZ = regZDeadlines({ noticeReceivedOn: '2026-03-10', billingCycles: { billingCycleDay: 15 } });

describe('deadlineWarnings: due soon, due today, overdue', () => {
  // [today, warn before (days), expected [name, status, daysLeft][], why]
  const table: Array<[string, number, Array<[string, string, number]>, string]> = [
    ['2026-03-20', 7, [], 'nothing within 7 days'],
    ['2026-04-02', 7, [['reg_z_acknowledge', 'due_soon', 7]], 'exactly 7 days before: warns'],
    ['2026-04-01', 7, [], '8 days before: not yet'],
    ['2026-04-09', 7, [['reg_z_acknowledge', 'due_today', 0]], 'on the due date: due today, not overdue'],
    ['2026-04-10', 7, [['reg_z_acknowledge', 'overdue', -1]], 'the day after: overdue'],
    ['2026-05-10', 7, [['reg_z_acknowledge', 'overdue', -31], ['reg_z_resolve', 'due_soon', 5]], 'one overdue, one due soon, sorted by date'],
    ['2026-04-09', 0, [['reg_z_acknowledge', 'due_today', 0]], 'warnBeforeDays 0 still reports today'],
  ];
  for (const [today, warn, expected, why] of table) {
    it(`${today}, ${warn} days: ${why}`, () => {
      const got = deadlineWarnings(regZ.clocks, today, warn).map((w) => [w.name, w.status, w.daysLeft]);
      assert.deepEqual(got, expected);
    });
  }

  it('a met clock stops warning — the only way to silence one', () => {
    const clocks = regZ.clocks.map((c) => (c.name === 'reg_z_acknowledge' ? { ...c, metOn: '2026-03-12' } : c));
    assert.deepEqual(deadlineWarnings(clocks, '2026-05-10', 7).map((w) => w.name), ['reg_z_resolve']);
  });

  it('keeps the citation on each warning', () => {
    assert.equal(deadlineWarnings(regZ.clocks, '2026-04-10', 7)[0]?.citation, '12 CFR 1026.13(c)(1)');
  });

  it('accepts a record of name → date and skips unknown dates', () => {
    const got = deadlineWarnings({ acknowledgeBy: '2026-04-09', tellCustomerBy: null, resolveBy: '2026-05-15' }, '2026-04-09', 3);
    assert.deepEqual(got.map((w) => [w.name, w.status]), [['acknowledgeBy', 'due_today']]);
  });

  it('works on Regulation E clocks (short track, business-day deadline)', () => {
    const regE = regEDeadlines({ noticeReceivedOn: '2026-11-18', isNewAccount: false, isPointOfSale: false, isForeignInitiated: false }, US_FEDERAL_RESERVE);
    const got = deadlineWarnings(regE.clocks, '2026-12-01', 2);
    assert.deepEqual(got.map((w) => [w.name, w.dueOn, w.status, w.daysLeft]), [['reg_e_decide_or_provisionally_credit', '2026-12-03', 'due_soon', 2]]);
  });
});

describe('deadlineWarnings from an instant: the date is taken in the calendar’s zone', () => {
  // 2026-04-10T03:30Z is still 2026-04-09 at 23:30 in New York (EDT, UTC−4): due today, not overdue.
  it('late evening in New York is still the due date', () => {
    const got = deadlineWarnings(regZ.clocks, new Date('2026-04-10T03:30:00Z'), 7, 'America/New_York');
    assert.deepEqual(got.map((w) => [w.name, w.status]), [['reg_z_acknowledge', 'due_today']]);
  });
  // 04:30Z is 00:30 on the 10th in New York: overdue.
  it('half past midnight in New York is the next day', () => {
    const got = deadlineWarnings(regZ.clocks, new Date('2026-04-10T04:30:00Z'), 7, 'America/New_York');
    assert.deepEqual(got.map((w) => [w.name, w.status]), [['reg_z_acknowledge', 'overdue']]);
  });
  it('refuses an instant without a zone, and a negative warning period', () => {
    assert.throws(() => (deadlineWarnings as (...a: unknown[]) => unknown)(regZ.clocks, new Date(), 7), /time zone/);
    assert.throws(() => deadlineWarnings(regZ.clocks, '2026-04-01', -1), RangeError);
  });
});
