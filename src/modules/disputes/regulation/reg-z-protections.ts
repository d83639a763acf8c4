/**
 * What must hold while a Regulation Z billing error is open (12 CFR 1026.13(d)), as data the ledger and the UI
 * read: the rules in plain words with their citations, and flags the ledger applies to the disputed amount.
 *
 * Notes on the flags:
 * - The consumer need not pay, and the creditor may not try to collect, the disputed amount or the related
 *   finance or other charges (1026.13(d)(1)): the ledger leaves them out of the amount due and the minimum
 *   payment, so no late fee or delinquency can arise from them.
 * - Finance charges may accrue on the disputed amount but may not be collected while the dispute is open;
 *   they are credited if an error is found (1026.13(e)(1)) and become payable if none is (1026.13(g)(1)).
 * - The disputed amount may still count against the credit limit and appear on the statement, marked as not
 *   payable pending resolution; the undisputed balance stays due (1026.13(d)(4)).
 * - Autopay may not deduct the disputed amount if the notice arrived at least 3 business days before the
 *   scheduled payment date (1026.13(d)(1)).
 */
import { businessDaysBetween, type HolidayCalendar, isIsoDate, type IsoDate } from '../../calendars/index.ts';
import { REG_Z_AUTOPAY_CUTOFF_BUSINESS_DAYS } from './regulatory-constants.ts';

export type RegZProtectionId =
  | 'not_in_amount_due'
  | 'no_collection'
  | 'no_late_fee_or_delinquency'
  | 'finance_charges_on_hold'
  | 'autopay_excludes_disputed_amount'
  | 'no_adverse_credit_report'
  | 'no_close_or_restrict'
  | 'may_count_against_credit_limit'
  | 'undisputed_balance_stays_due';

export type RegZProtection = {
  readonly id: RegZProtectionId;
  readonly citation: string;
  /** True when the protection holds for this dispute (the autopay one depends on dates). */
  readonly applies: boolean;
  readonly rule: string;
};

export type RegZLedgerEffects = {
  readonly excludeFromAmountDue: true;
  readonly excludeFromMinimumPayment: true;
  readonly lateFeeOnDisputedAmount: false;
  readonly collectFinanceChargesOnDisputedAmount: false;
  readonly reportDelinquencyOnDisputedAmount: false;
  readonly closeOrRestrictForNonPayment: false;
  readonly mayCountAgainstCreditLimit: true;
  /** null when no autopay date was given. */
  readonly autopayMayDeductDisputedAmount: boolean | null;
};

export type RegZProtectionsInput = {
  readonly noticeReceivedOn: IsoDate;
  /** The next scheduled automatic payment, when the cardholder is enrolled. */
  readonly autopayScheduledOn?: IsoDate | null | undefined;
  /** Needed with `autopayScheduledOn` (business days, 12 CFR 1026.2(a)(6)). */
  readonly calendar?: HolidayCalendar | undefined;
};

export type RegZProtections = {
  readonly protections: readonly RegZProtection[];
  readonly ledger: RegZLedgerEffects;
};

/** True when autopay must leave the disputed amount out: notice ≥ 3 business days before the payment date. */
export function autopayMustExcludeDisputedAmount(noticeReceivedOn: IsoDate, autopayScheduledOn: IsoDate, calendar: HolidayCalendar): boolean {
  return businessDaysBetween(noticeReceivedOn, autopayScheduledOn, calendar) >= REG_Z_AUTOPAY_CUTOFF_BUSINESS_DAYS;
}

const RULES: ReadonlyArray<Omit<RegZProtection, 'applies'>> = [
  { id: 'not_in_amount_due', citation: '12 CFR 1026.13(d)(1)', rule: 'The disputed amount and its related charges are left out of the amount due and the minimum payment while the dispute is open.' },
  { id: 'no_collection', citation: '12 CFR 1026.13(d)(1)', rule: 'We may not try to collect the disputed amount or its related charges while the dispute is open.' },
  { id: 'no_late_fee_or_delinquency', citation: '12 CFR 1026.13(d)(1)', rule: 'Not paying the disputed amount cannot cause a late fee or make the account delinquent.' },
  { id: 'finance_charges_on_hold', citation: '12 CFR 1026.13(d)(1), (e)(1), (g)(1)', rule: 'Interest on the disputed amount is not collected while the dispute is open; it is credited if there was an error.' },
  { id: 'autopay_excludes_disputed_amount', citation: '12 CFR 1026.13(d)(1)', rule: 'Automatic payments leave the disputed amount out when the notice arrived at least 3 business days before the payment date.' },
  { id: 'no_adverse_credit_report', citation: '12 CFR 1026.13(d)(2)', rule: 'No report or threat of a report to a credit bureau that the disputed amount is unpaid or delinquent.' },
  { id: 'no_close_or_restrict', citation: '12 CFR 1026.13(d)(3)', rule: 'The account may not be closed, restricted or accelerated because the disputed amount is unpaid.' },
  { id: 'may_count_against_credit_limit', citation: '12 CFR 1026.13(d)(4)', rule: 'The disputed amount may still count against the credit limit.' },
  { id: 'undisputed_balance_stays_due', citation: '12 CFR 1026.13(d)(4)', rule: 'The rest of the balance is still due as usual.' },
];

export function regZProtections(input: RegZProtectionsInput): RegZProtections {
  if (!isIsoDate(input.noticeReceivedOn)) throw new RangeError(`noticeReceivedOn is not a calendar date: ${JSON.stringify(input.noticeReceivedOn)}`);
  let autopay: boolean | null = null;
  if (input.autopayScheduledOn !== undefined && input.autopayScheduledOn !== null) {
    if (!input.calendar) throw new RangeError('a holiday calendar is required to check the autopay cut-off');
    autopay = autopayMustExcludeDisputedAmount(input.noticeReceivedOn, input.autopayScheduledOn, input.calendar);
  }
  const protections = RULES.map((r) => ({ ...r, applies: r.id === 'autopay_excludes_disputed_amount' ? autopay === true : true }));
  return {
    protections,
    ledger: {
      excludeFromAmountDue: true,
      excludeFromMinimumPayment: true,
      lateFeeOnDisputedAmount: false,
      collectFinanceChargesOnDisputedAmount: false,
      reportDelinquencyOnDisputedAmount: false,
      closeOrRestrictForNonPayment: false,
      mayCountAgainstCreditLimit: true,
      autopayMayDeductDisputedAmount: autopay === null ? null : !autopay,
    },
  };
}
