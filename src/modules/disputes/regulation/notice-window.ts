/**
 * Is a dispute notice in time to carry the regulation's protections?
 *
 * Both regulations give the consumer 60 days after the first periodic statement showing the charge was sent:
 * Regulation Z 12 CFR 1026.13(b)(1) ("no later than 60 days after the creditor transmitted the first periodic
 * statement that reflects the alleged billing error") and Regulation E 12 CFR 1005.11(b)(1)(i) ("no later than
 * 60 days after the institution sends the periodic statement … on which the alleged error is first reflected").
 *
 * Definitions (decisions, not regulation text):
 * - "Sent" is the statement's `sentOn` when the caller knows it, otherwise its closing date. The closing date is
 *   the earliest day a statement can go out, so without `sentOn` the window may end a few days before the
 *   regulation's does: pass `sentOn` whenever the processor records it.
 *   LIMITATION: the ledger records no sent date today, so the closing date is used.
 * - Day 0 is the sent date; the last day to notify is sent + 60 calendar days, a notice received that day is in
 *   time, and one received the day after is one day late. The window is not extended when its last day is a
 *   weekend or a holiday: neither rule provides for it, and the issuer stays free to be more generous.
 * - A notice about a charge not yet on any statement (posted in the open cycle) is always in time: the window
 *   has not started. Its expected end is computed from the open cycle's closing date, as if the statement were
 *   sent that day.
 * - Outside the window the dispute is still handled, as a courtesy, without the regulatory protections; the
 *   explanation says so in plain words for both the cardholder and the agent.
 * LIMITATION: a prepaid account without periodic statements runs its window from an electronic history instead
 * (12 CFR 1005.18(e)(3)); pass that date as the closing date. Extensions for extenuating circumstances
 * (12 CFR 1005.6(b)(4)) are an agent's decision: record them by handling the dispute as eligible.
 */
import { addCalendarDays, calendarDaysBetween, isIsoDate, type IsoDate } from '../../calendars/index.ts';
import type { Regulation } from './regulation.ts';
import { REG_E_NOTICE_WINDOW_DAYS, REG_Z_NOTICE_WINDOW_DAYS } from './regulatory-constants.ts';
import { plainDate } from './plain-date.ts';

export type StatementShowingCharge = {
  readonly closingDate: IsoDate;
  /** When the statement was actually sent (mailed or made available); defaults to the closing date. */
  readonly sentOn?: IsoDate | null | undefined;
};

export type NoticeWindowInput = {
  readonly noticeReceivedOn: IsoDate;
  /** The first periodic statement that shows the charge; null while it is still in the open cycle. */
  readonly firstStatementShowingCharge: StatementShowingCharge | null;
  /** The closing date of the open cycle; required when `firstStatementShowingCharge` is null. */
  readonly openCycleClosesOn?: IsoDate | null | undefined;
  /** Chooses the citation and wording; both regulations count the same 60 days. */
  readonly regulation?: Exclude<Regulation, 'none'> | undefined;
};

export type NoticeWindowBasis =
  /** Counted from the statement's recorded sent date. */
  | 'statement_sent_on'
  /** Counted from the statement's closing date, standing in for the sent date. */
  | 'closing_date_as_sent'
  /** The charge is on no statement yet: the end is projected from the open cycle's closing date. */
  | 'open_cycle_closing_date';

export type NoticeWindow = {
  readonly eligible: boolean;
  readonly handling: 'regulatory' | 'courtesy';
  /** False when the statement showing the charge has not been sent yet (open cycle, or sent after the notice). */
  readonly windowStarted: boolean;
  /** The last day a notice is in time (projected when the window has not started). */
  readonly lastDayToNotify: IsoDate;
  /** Days the notice came after `lastDayToNotify`; only when not eligible. */
  readonly daysLate?: number;
  /** Days from the notice to `lastDayToNotify` (0 = received on the last day); only when eligible. */
  readonly daysToSpare?: number;
  readonly basis: NoticeWindowBasis;
  readonly citation: string;
  /** Plain words for the cardholder and the agent. */
  readonly explanation: string;
};

const CITATIONS: Record<Exclude<Regulation, 'none'> | 'both', string> = {
  reg_z: '12 CFR 1026.13(b)(1)',
  reg_e: '12 CFR 1005.11(b)(1)(i)',
  both: '12 CFR 1026.13(b)(1); 12 CFR 1005.11(b)(1)(i)',
};

const WINDOW_DAYS: Record<Exclude<Regulation, 'none'>, number> = {
  reg_z: REG_Z_NOTICE_WINDOW_DAYS,
  reg_e: REG_E_NOTICE_WINDOW_DAYS,
};

const PROTECTIONS_IN_WORDS: Record<Exclude<Regulation, 'none'> | 'both', string> = {
  reg_z: 'the Fair Credit Billing Act protections (you need not pay the disputed amount while we investigate, and we must answer within set deadlines)',
  reg_e: 'the Electronic Fund Transfer Act protections (set investigation deadlines and provisional credit while we investigate)',
  both: 'the federal billing-error protections (set investigation deadlines and protection of the disputed amount)',
};

function assertDate(date: unknown, what: string): asserts date is IsoDate {
  if (!isIsoDate(date)) throw new RangeError(`${what} is not a calendar date: ${JSON.stringify(date)}`);
}

function windowStart(input: NoticeWindowInput): { startsOn: IsoDate; basis: NoticeWindowBasis } {
  const statement = input.firstStatementShowingCharge;
  if (statement === null) {
    if (input.openCycleClosesOn === undefined || input.openCycleClosesOn === null) {
      throw new RangeError('openCycleClosesOn is required when the charge is on no statement yet');
    }
    assertDate(input.openCycleClosesOn, 'openCycleClosesOn');
    return { startsOn: input.openCycleClosesOn, basis: 'open_cycle_closing_date' };
  }
  assertDate(statement.closingDate, 'closingDate');
  if (statement.sentOn === undefined || statement.sentOn === null) {
    return { startsOn: statement.closingDate, basis: 'closing_date_as_sent' };
  }
  assertDate(statement.sentOn, 'sentOn');
  if (statement.sentOn < statement.closingDate) {
    throw new RangeError(`a statement cannot be sent (${statement.sentOn}) before it closes (${statement.closingDate})`);
  }
  return { startsOn: statement.sentOn, basis: 'statement_sent_on' };
}

/** Whether the notice is in time (12 CFR 1026.13(b)(1); 12 CFR 1005.11(b)(1)(i)); see the module comment. */
export function noticeWindow(input: NoticeWindowInput): NoticeWindow {
  assertDate(input.noticeReceivedOn, 'noticeReceivedOn');
  const which = input.regulation ?? 'both';
  const { startsOn, basis } = windowStart(input);
  const lastDayToNotify = addCalendarDays(startsOn, WINDOW_DAYS[input.regulation ?? 'reg_z']);
  const citation = CITATIONS[which];
  const notice = input.noticeReceivedOn;
  const windowStarted = basis !== 'open_cycle_closing_date' && notice >= startsOn;

  if (!windowStarted) {
    const explanation =
      basis === 'open_cycle_closing_date'
        ? `The charge is not on a statement yet, so your notice is in time. Once it appears on the statement closing ${plainDate(startsOn)}, you would have until about ${plainDate(lastDayToNotify)} to tell us.`
        : `Your notice arrived before the statement showing the charge was sent, so it is in time.`;
    return { eligible: true, handling: 'regulatory', windowStarted, lastDayToNotify, daysToSpare: calendarDaysBetween(notice, lastDayToNotify), basis, citation, explanation };
  }
  if (notice <= lastDayToNotify) {
    const daysToSpare = calendarDaysBetween(notice, lastDayToNotify);
    const explanation = `Your notice reached us on ${plainDate(notice)}, within the 60 days after the statement of ${plainDate(startsOn)} (the last day was ${plainDate(lastDayToNotify)}), so ${PROTECTIONS_IN_WORDS[which]} apply.`;
    return { eligible: true, handling: 'regulatory', windowStarted, lastDayToNotify, daysToSpare, basis, citation, explanation };
  }
  const daysLate = calendarDaysBetween(lastDayToNotify, notice);
  const explanation =
    `Your notice reached us on ${plainDate(notice)}, ${daysLate} day${daysLate === 1 ? '' : 's'} after the last day (${plainDate(lastDayToNotify)}) ` +
    `of the 60 days after the statement of ${plainDate(startsOn)}. We will still look into it as a courtesy, but ${PROTECTIONS_IN_WORDS[which]} do not apply.`;
  return { eligible: false, handling: 'courtesy', windowStarted, lastDayToNotify, daysLate, basis, citation, explanation };
}
