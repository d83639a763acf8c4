import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noticeWindow, type NoticeWindowInput } from './index.ts';

type Row = {
  why: string;
  input: NoticeWindowInput;
  eligible: boolean;
  lastDayToNotify: string;
  daysLate?: number;
  daysToSpare?: number;
  windowStarted?: boolean;
  basis: string;
};

// 60 days after the statement was sent (12 CFR 1026.13(b)(1); 12 CFR 1005.11(b)(1)(i)), day 0 = sent day.
const table: Row[] = [
  {
    // Jan 15 + 60: Jan 31 is +16, Feb 28 is +44, Mar 16 is +60.
    why: 'notice on the last eligible day is in time',
    input: { noticeReceivedOn: '2026-03-16', firstStatementShowingCharge: { closingDate: '2026-01-15' } },
    eligible: true, lastDayToNotify: '2026-03-16', daysToSpare: 0, basis: 'closing_date_as_sent',
  },
  {
    why: 'one day after the last eligible day → courtesy handling',
    input: { noticeReceivedOn: '2026-03-17', firstStatementShowingCharge: { closingDate: '2026-01-15' } },
    eligible: false, lastDayToNotify: '2026-03-16', daysLate: 1, basis: 'closing_date_as_sent',
  },
  {
    // Sent two days after closing: Jan 17 + 60 = Mar 18, so Mar 17 (late by the closing date) is in time.
    why: 'a recorded sent date moves the window: day 1 late by closing date is in time by sent date',
    input: { noticeReceivedOn: '2026-03-17', firstStatementShowingCharge: { closingDate: '2026-01-15', sentOn: '2026-01-17' } },
    eligible: true, lastDayToNotify: '2026-03-18', daysToSpare: 1, basis: 'statement_sent_on',
  },
  {
    // 2028 is a leap year: Jan 15 + 60: Jan 31 +16, Feb 29 +45, Mar 15 +60.
    why: 'leap year: the window ends a day earlier in the calendar',
    input: { noticeReceivedOn: '2028-03-16', firstStatementShowingCharge: { closingDate: '2028-01-15' } },
    eligible: false, lastDayToNotify: '2028-03-15', daysLate: 1, basis: 'closing_date_as_sent',
  },
  {
    // Dec 31 2027 + 31 = Jan 31 2028, + 29 = Feb 29 2028 (+60).
    why: 'a window across the year end ending on leap day',
    input: { noticeReceivedOn: '2028-02-29', firstStatementShowingCharge: { closingDate: '2027-12-31' } },
    eligible: true, lastDayToNotify: '2028-02-29', daysToSpare: 0, basis: 'closing_date_as_sent',
  },
  {
    // Sep 27 + 60: Sep 30 +3, Oct 31 +34, Nov 26 +60 — Thanksgiving. Calendar days; no roll to the next business day.
    why: 'a last day on a holiday is not extended',
    input: { noticeReceivedOn: '2026-11-27', firstStatementShowingCharge: { closingDate: '2026-09-27' }, regulation: 'reg_e' },
    eligible: false, lastDayToNotify: '2026-11-26', daysLate: 1, basis: 'closing_date_as_sent',
  },
  {
    // Apr 30 + 60: May 31 +31, Jun 29 +60.
    why: 'notice on the statement closing date: day 0 of the window',
    input: { noticeReceivedOn: '2026-04-30', firstStatementShowingCharge: { closingDate: '2026-04-30' } },
    eligible: true, lastDayToNotify: '2026-06-29', daysToSpare: 60, windowStarted: true, basis: 'closing_date_as_sent',
  },
  {
    // Last day Mar 16; Mar 16 → Dec 1 is 15 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 1 = 260.
    why: 'months late: the count is in calendar days',
    input: { noticeReceivedOn: '2026-12-01', firstStatementShowingCharge: { closingDate: '2026-01-15' } },
    eligible: false, lastDayToNotify: '2026-03-16', daysLate: 260, basis: 'closing_date_as_sent',
  },
  {
    // Open cycle closes Jun 15; Jun 15 + 60: Jun 30 +15, Jul 31 +46, Aug 14 +60.
    why: 'a charge not yet on a statement: in time, window not started, end projected from the next closing',
    input: { noticeReceivedOn: '2026-06-05', firstStatementShowingCharge: null, openCycleClosesOn: '2026-06-15' },
    eligible: true, lastDayToNotify: '2026-08-14', daysToSpare: 70, windowStarted: false, basis: 'open_cycle_closing_date',
  },
  {
    why: 'a statement sent after the notice arrived: the window has not started',
    input: { noticeReceivedOn: '2026-06-10', firstStatementShowingCharge: { closingDate: '2026-06-15' } },
    eligible: true, lastDayToNotify: '2026-08-14', daysToSpare: 65, windowStarted: false, basis: 'closing_date_as_sent',
  },
];

describe('noticeWindow: 60 days after the first statement showing the charge was sent', () => {
  for (const row of table) {
    it(`${row.input.noticeReceivedOn}: ${row.why}`, () => {
      const w = noticeWindow(row.input);
      assert.equal(w.eligible, row.eligible);
      assert.equal(w.handling, row.eligible ? 'regulatory' : 'courtesy');
      assert.equal(w.lastDayToNotify, row.lastDayToNotify);
      assert.equal(w.daysLate, row.daysLate);
      assert.equal(w.daysToSpare, row.daysToSpare);
      assert.equal(w.basis, row.basis);
      if (row.windowStarted !== undefined) assert.equal(w.windowStarted, row.windowStarted);
    });
  }
});

describe('noticeWindow explains itself in plain words', () => {
  it('a late notice says it is handled as a courtesy, without the protections', () => {
    const w = noticeWindow({ noticeReceivedOn: '2026-03-19', firstStatementShowingCharge: { closingDate: '2026-01-15' }, regulation: 'reg_z' });
    assert.match(w.explanation, /3 days after the last day \(Monday, March 16, 2026\)/);
    assert.match(w.explanation, /as a courtesy/);
    assert.match(w.explanation, /Fair Credit Billing Act protections .* do not apply/);
    assert.equal(w.citation, '12 CFR 1026.13(b)(1)');
  });

  it('an in-time Regulation E notice cites 1005.11(b)(1)(i) and says the protections apply', () => {
    const w = noticeWindow({ noticeReceivedOn: '2026-02-01', firstStatementShowingCharge: { closingDate: '2026-01-15' }, regulation: 'reg_e' });
    assert.equal(w.citation, '12 CFR 1005.11(b)(1)(i)');
    assert.match(w.explanation, /Electronic Fund Transfer Act protections .* apply/);
  });

  it('without a regulation both citations are given', () => {
    const w = noticeWindow({ noticeReceivedOn: '2026-02-01', firstStatementShowingCharge: { closingDate: '2026-01-15' } });
    assert.equal(w.citation, '12 CFR 1026.13(b)(1); 12 CFR 1005.11(b)(1)(i)');
  });
});

describe('noticeWindow rejects impossible input', () => {
  it('a statement sent before it closed', () => {
    assert.throws(() => noticeWindow({ noticeReceivedOn: '2026-02-01', firstStatementShowingCharge: { closingDate: '2026-01-15', sentOn: '2026-01-14' } }), /before it closes/);
  });
  it('an open-cycle charge without the open cycle’s closing date', () => {
    assert.throws(() => noticeWindow({ noticeReceivedOn: '2026-02-01', firstStatementShowingCharge: null }), /openCycleClosesOn is required/);
  });
  it('a malformed date', () => {
    assert.throws(() => noticeWindow({ noticeReceivedOn: '2026-02-30', firstStatementShowingCharge: { closingDate: '2026-01-15' } }), RangeError);
  });
});
