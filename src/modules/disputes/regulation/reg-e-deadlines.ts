/**
 * Regulation E error-resolution deadlines (12 CFR 1005.11(c)–(d)), pure functions of the notice date, the
 * transfer's facts and the institution's holiday calendar.
 *
 * Counting: business days are counted with `addBusinessDays` — the notice day is day 0 and counting starts the
 * next day, whether or not the notice day is itself a business day (a notice on Saturday 2026-11-28 makes
 * Monday 11-30 day 1). Calendar-day periods (45/90 days) are notice + n and are not moved off weekends.
 *
 * The two tracks (1005.11(c)):
 * - decide within 10 business days (20 for a new-account transfer), or
 * - post provisional credit within those same 10 (20) business days, tell the consumer within 2 business days
 *   after posting it, and decide within 45 days (90 for point-of-sale, foreign-initiated or new-account
 *   transfers).
 * `finalDecisionBy` is the decision deadline that binds given what is known about provisional credit: the short
 * one until credit is posted in time (or an exemption applies), the long one after.
 */
import { addBusinessDays, addCalendarDays, type HolidayCalendar, isIsoDate, type IsoDate } from '../../calendars/index.ts';
import type { Deadline } from './regulation.ts';
import {
  REG_E_CORRECT_BUSINESS_DAYS,
  REG_E_DECIDE_BUSINESS_DAYS,
  REG_E_EXTENDED_INVESTIGATION_DAYS,
  REG_E_LONG_INVESTIGATION_DAYS,
  REG_E_NEW_ACCOUNT_DECIDE_BUSINESS_DAYS,
  REG_E_REPORT_RESULTS_BUSINESS_DAYS,
  REG_E_REVERSAL_HONOR_BUSINESS_DAYS,
  REG_E_TELL_PROVISIONAL_CREDIT_BUSINESS_DAYS,
  REG_E_WRITTEN_CONFIRMATION_BUSINESS_DAYS,
} from './regulatory-constants.ts';

/**
 * Why provisional credit is not owed (1005.11(c)(2)(i)(A)–(C)); the extended period still applies.
 * - written_confirmation_not_received: written confirmation of an oral notice was asked for and not received
 *   within 10 business days;
 * - regulation_t_account: a securities account subject to Regulation T;
 * - unverified_prepaid_account: a prepaid account (not payroll or government benefit) whose holder's identity
 *   has not been verified (1005.18(e)(3)).
 */
export type ProvisionalCreditExemption = 'written_confirmation_not_received' | 'regulation_t_account' | 'unverified_prepaid_account';

export type RegEDeadlineInput = {
  readonly noticeReceivedOn: IsoDate;
  /** The transfer occurred within 30 days after the account's first deposit (see `isNewAccountTransfer`). */
  readonly isNewAccount: boolean;
  /** A point-of-sale debit card transaction. */
  readonly isPointOfSale: boolean;
  /** Not initiated within a State (see `isForeignInitiated`). */
  readonly isForeignInitiated: boolean;
  /** Whether provisional credit has been posted; unknown (undefined) is treated as not yet. */
  readonly provisionalCreditPosted?: boolean | undefined;
  /** The day provisional credit was posted (implies `provisionalCreditPosted`). */
  readonly provisionalCreditPostedOn?: IsoDate | null | undefined;
  readonly provisionalCreditExemption?: ProvisionalCreditExemption | null | undefined;
};

export type ExtensionReason = 'new_account' | 'point_of_sale' | 'foreign_initiated';

export type RegETrack =
  /** No provisional credit yet: decide, or post credit, by the short deadline. */
  | 'awaiting_provisional_credit'
  /** Provisional credit posted in time: the long deadline applies. */
  | 'extended_with_provisional_credit'
  /** Provisional credit not owed (an exemption): the long deadline applies without it. */
  | 'extended_without_provisional_credit'
  /**
   * Provisional credit posted after the short deadline: the extension was not earned, so the short deadline
   * (already passed) still binds and its clock stays open, overdue, until the decision.
   */
  | 'provisional_credit_late';

export type RegEDeadlines = {
  readonly regulation: 'reg_e';
  readonly noticeReceivedOn: IsoDate;
  /** 10, or 20 for a new account (1005.11(c)(1), (c)(3)(i)). */
  readonly shortPeriodBusinessDays: number;
  readonly decideWithoutProvisionalCreditBy: IsoDate;
  readonly provisionalCreditBy: IsoDate;
  /** The consumer's deadline to confirm an oral notice in writing, when asked (1005.11(b)(2)). */
  readonly writtenConfirmationDueBy: IsoDate;
  /** 2 business days after the day provisional credit was posted; null until that day is known. */
  readonly tellCustomerOfProvisionalCreditBy: IsoDate | null;
  /** 45, or 90 for point-of-sale, foreign-initiated or new-account transfers (1005.11(c)(2), (c)(3)(ii)). */
  readonly extendedPeriodDays: number;
  readonly decideBy: IsoDate;
  readonly extendedBecause: readonly ExtensionReason[];
  readonly track: RegETrack;
  /** The decision deadline that binds now (see the module comment). */
  readonly finalDecisionBy: IsoDate;
  /** Business days to report results after the decision (1005.11(c)(1), (c)(2)(iv)); see `regEResultsDueBy`. */
  readonly reportResultsWithin: number;
  /** Business days to correct after finding an error (1005.11(c)(1), (c)(2)(iii)); see `regECorrectionDueBy`. */
  readonly correctWithin: number;
  /** Business days overdrafts and preauthorized debits are honored after a reversal notice (1005.11(d)(2)(ii)). */
  readonly reversalNoticeHonorDays: number;
  readonly clocks: readonly Deadline[];
};

export const REG_E_SHORT_CITATION = '12 CFR 1005.11(c)(1), (c)(2)(i), (c)(3)(i)';
export const REG_E_TELL_CITATION = '12 CFR 1005.11(c)(2)(ii)';
export const REG_E_DECIDE_CITATION = '12 CFR 1005.11(c)(2), (c)(3)(ii)';

function assertDate(date: unknown, what: string): asserts date is IsoDate {
  if (!isIsoDate(date)) throw new RangeError(`${what} is not a calendar date: ${JSON.stringify(date)}`);
}

function trackOf(input: RegEDeadlineInput, provisionalCreditBy: IsoDate): RegETrack {
  const postedOn = input.provisionalCreditPostedOn ?? null;
  const posted = postedOn !== null || input.provisionalCreditPosted === true;
  if (postedOn !== null && postedOn > provisionalCreditBy) return 'provisional_credit_late';
  if (posted) return 'extended_with_provisional_credit';
  if (input.provisionalCreditExemption) return 'extended_without_provisional_credit';
  return 'awaiting_provisional_credit';
}

export function regEDeadlines(input: RegEDeadlineInput, calendar: HolidayCalendar): RegEDeadlines {
  const notice = input.noticeReceivedOn;
  assertDate(notice, 'noticeReceivedOn');
  const postedOn = input.provisionalCreditPostedOn ?? null;
  if (postedOn !== null) {
    assertDate(postedOn, 'provisionalCreditPostedOn');
    if (postedOn < notice) throw new RangeError(`provisional credit (${postedOn}) cannot precede the notice (${notice})`);
    if (input.provisionalCreditPosted === false) throw new RangeError('provisionalCreditPostedOn given with provisionalCreditPosted false');
  }
  const shortDays = input.isNewAccount ? REG_E_NEW_ACCOUNT_DECIDE_BUSINESS_DAYS : REG_E_DECIDE_BUSINESS_DAYS;
  const shortBy = addBusinessDays(notice, shortDays, calendar);
  const extendedBecause: ExtensionReason[] = [];
  if (input.isNewAccount) extendedBecause.push('new_account');
  if (input.isPointOfSale) extendedBecause.push('point_of_sale');
  if (input.isForeignInitiated) extendedBecause.push('foreign_initiated');
  const extendedPeriodDays = extendedBecause.length > 0 ? REG_E_LONG_INVESTIGATION_DAYS : REG_E_EXTENDED_INVESTIGATION_DAYS;
  const decideBy = addCalendarDays(notice, extendedPeriodDays);
  const tellBy = postedOn === null ? null : addBusinessDays(postedOn, REG_E_TELL_PROVISIONAL_CREDIT_BUSINESS_DAYS, calendar);
  const track = trackOf(input, shortBy);
  const extended = track === 'extended_with_provisional_credit' || track === 'extended_without_provisional_credit';
  const finalDecisionBy = extended ? decideBy : shortBy;

  const clocks: Deadline[] = [];
  if (track === 'awaiting_provisional_credit' || track === 'provisional_credit_late') {
    clocks.push({ name: 'reg_e_decide_or_provisionally_credit', dueOn: shortBy, citation: REG_E_SHORT_CITATION });
  }
  if (tellBy !== null) clocks.push({ name: 'reg_e_tell_provisional_credit', dueOn: tellBy, citation: REG_E_TELL_CITATION });
  if (extended) clocks.push({ name: 'reg_e_decide', dueOn: decideBy, citation: REG_E_DECIDE_CITATION });

  return {
    regulation: 'reg_e',
    noticeReceivedOn: notice,
    shortPeriodBusinessDays: shortDays,
    decideWithoutProvisionalCreditBy: shortBy,
    provisionalCreditBy: shortBy,
    writtenConfirmationDueBy: addBusinessDays(notice, REG_E_WRITTEN_CONFIRMATION_BUSINESS_DAYS, calendar),
    tellCustomerOfProvisionalCreditBy: tellBy,
    extendedPeriodDays,
    decideBy,
    extendedBecause,
    track,
    finalDecisionBy,
    reportResultsWithin: REG_E_REPORT_RESULTS_BUSINESS_DAYS,
    correctWithin: REG_E_CORRECT_BUSINESS_DAYS,
    reversalNoticeHonorDays: REG_E_REVERSAL_HONOR_BUSINESS_DAYS,
    clocks,
  };
}

/** The day results must reach the consumer: 3 business days after the investigation was completed. */
export function regEResultsDueBy(decidedOn: IsoDate, calendar: HolidayCalendar): IsoDate {
  return addBusinessDays(decidedOn, REG_E_REPORT_RESULTS_BUSINESS_DAYS, calendar);
}

/** The day an error must be corrected by: 1 business day after it was found. */
export function regECorrectionDueBy(errorFoundOn: IsoDate, calendar: HolidayCalendar): IsoDate {
  return addBusinessDays(errorFoundOn, REG_E_CORRECT_BUSINESS_DAYS, calendar);
}

/** The last day overdrafts and preauthorized debits must be honored after notice of a provisional-credit reversal. */
export function regEReversalHonorThrough(reversalNoticeOn: IsoDate, calendar: HolidayCalendar): IsoDate {
  return addBusinessDays(reversalNoticeOn, REG_E_REVERSAL_HONOR_BUSINESS_DAYS, calendar);
}
