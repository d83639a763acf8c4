/**
 * Regulatory track of the disputes module: which regulation applies, whether a notice is in time, the
 * Regulation Z and Regulation E deadlines, what holds while a dispute is open, warnings for the SLA clocks and
 * cardholder liability. Everything here is a pure function of its inputs and a holiday calendar: no clock reads,
 * no I/O (CONVENTIONS habit 6). Dates are ISO calendar dates 'YYYY-MM-DD' in the holiday calendar's time zone;
 * turn an instant into one with `localDate(instant, calendar.timeZone)` from modules/calendars.
 */
export { regulationFor, type Deadline, type DeadlineName, type Regulation } from './regulation.ts';
export * from './regulatory-constants.ts';
export {
  type BillingCycle,
  type BillingSchedule,
  closingDateOnOrAfter,
  closingDatesFrom,
  cyclesAfter,
  monthlyClosingDate,
} from './billing-cycles.ts';
export {
  noticeWindow,
  type NoticeWindow,
  type NoticeWindowBasis,
  type NoticeWindowInput,
  type StatementShowingCharge,
} from './notice-window.ts';
export {
  REG_Z_ACKNOWLEDGE_CITATION,
  REG_Z_RESOLVE_CITATION,
  regZDeadlines,
  type RegZDeadlineInput,
  type RegZDeadlines,
} from './reg-z-deadlines.ts';
export {
  autopayMustExcludeDisputedAmount,
  regZProtections,
  type RegZLedgerEffects,
  type RegZProtection,
  type RegZProtectionId,
  type RegZProtections,
  type RegZProtectionsInput,
} from './reg-z-protections.ts';
export {
  type ExtensionReason,
  type ProvisionalCreditExemption,
  REG_E_DECIDE_CITATION,
  REG_E_SHORT_CITATION,
  REG_E_TELL_CITATION,
  regECorrectionDueBy,
  regEDeadlines,
  type RegEDeadlineInput,
  type RegEDeadlines,
  regEResultsDueBy,
  regEReversalHonorThrough,
  type RegETrack,
} from './reg-e-deadlines.ts';
export { isForeignInitiated, isNewAccountTransfer } from './reg-e-transfer-facts.ts';
export {
  deadlineWarnings,
  type DeadlineSet,
  type DeadlineStatus,
  type DeadlineWarning,
} from './deadline-warnings.ts';
export { type Liability, liabilityFor, type LiabilityInput, type LiabilityTier } from './liability.ts';
export { plainDate } from './plain-date.ts';
