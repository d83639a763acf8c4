/**
 * The annual-fee refund computation, line by line (issue 6, item 2). Pure: the policy, the fee posting, the
 * statement that carries it, the close date and the benefits used in, the lines and the total out. No clock.
 *
 * Rules, in the order the lines show them:
 * 1. Full refund when the account closes on or before `statement closing date + fullRefundDays` (the window
 *    runs from the statement carrying the fee, not from the posting). While that statement is not issued yet
 *    the window has not even started, so the refund is full.
 * 2. After the window, `prorate: 'daily'` refunds the unused days of the fee year: fee × unused ÷ days in the
 *    fee year, rounded down to the cent. The fee year runs from the posting date to the same date a year later
 *    (a fee posted on Feb 29 runs to Feb 28), so it has 366 days when it spans a Feb 29 and 365 otherwise.
 *    The closing day itself is not charged: days used = close date − posting date. `prorate: 'none'` refunds
 *    nothing after the window.
 * 3. With `deductBenefits`, benefits used in the fee year up to the close date are deducted, never below zero.
 */
import { addCalendarDays, calendarDaysBetween, type IsoDate } from '../calendars/index.ts';

export type FeeRefundPolicy = { fullRefundDays: number; prorate: 'daily' | 'none'; deductBenefits: boolean; approvalAboveCents: number };
export type BenefitUse = { label: string; amountCents: number; usedOn: IsoDate };

export type QuoteInput = {
  policy: FeeRefundPolicy;
  feeCents: number;
  feePostedOn: IsoDate;
  /** Closing date of the statement carrying the fee; null while the fee is still in the open cycle. */
  statementClosingDate: IsoDate | null;
  closeOn: IsoDate;
  benefitsUsed: readonly BenefitUse[];
  currency?: string;
};

export type QuoteLine = { kind: 'fee' | 'window' | 'proration' | 'no_refund' | 'benefit' | 'total'; label: string; amountCents: number };

export type FeeRefundQuote = {
  feeCents: number;
  feeYearFrom: IsoDate;
  feeYearThrough: IsoDate;
  daysInFeeYear: number;
  daysUsed: number;
  daysUnused: number;
  fullRefundThrough: IsoDate | null;
  inFullRefundWindow: boolean;
  grossRefundCents: number;
  deductionsCents: number;
  refundCents: number;
  lines: QuoteLine[];
};

/** The same month and day a year later; Feb 29 becomes Feb 28 (the year ends at the end of February). */
export function sameDayNextYear(date: IsoDate): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + 1;
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !isLeap ? 28 : d;
  return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const formatMoney = (cents: number, currency = 'USD') => new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);

export function quoteFeeRefund(input: QuoteInput): FeeRefundQuote {
  const { policy, feeCents, feePostedOn, statementClosingDate, closeOn } = input;
  const $ = (cents: number) => formatMoney(cents, input.currency);
  const yearEnd = sameDayNextYear(feePostedOn); // exclusive
  const daysInFeeYear = calendarDaysBetween(feePostedOn, yearEnd);
  const daysUsed = Math.min(daysInFeeYear, Math.max(0, calendarDaysBetween(feePostedOn, closeOn)));
  const daysUnused = daysInFeeYear - daysUsed;
  const fullRefundThrough = statementClosingDate === null ? null : addCalendarDays(statementClosingDate, policy.fullRefundDays);
  const inFullRefundWindow = fullRefundThrough === null || closeOn <= fullRefundThrough;

  const lines: QuoteLine[] = [{ kind: 'fee', label: `Annual fee posted on ${feePostedOn}`, amountCents: feeCents }];
  let gross: number;
  if (inFullRefundWindow) {
    gross = feeCents;
    lines.push({
      kind: 'window',
      label:
        fullRefundThrough === null
          ? 'The statement carrying the fee has not been issued yet, so closing now refunds the whole fee'
          : `Closing on ${closeOn} is within ${policy.fullRefundDays} days after the statement of ${statementClosingDate} (through ${fullRefundThrough}): the whole fee is refunded`,
      amountCents: gross,
    });
  } else if (policy.prorate === 'daily') {
    // Integer arithmetic, rounded down: fee × unused ÷ days (both integers; fee ≤ 10^7 so no overflow).
    gross = Math.floor((feeCents * daysUnused) / daysInFeeYear);
    lines.push({
      kind: 'proration',
      label: `The full-refund window ended on ${fullRefundThrough}. ${daysUnused} of the ${daysInFeeYear} days of the fee year (${feePostedOn} to ${addCalendarDays(yearEnd, -1)}) are unused: ${$(feeCents)} × ${daysUnused} ÷ ${daysInFeeYear}, rounded down`,
      amountCents: gross,
    });
  } else {
    gross = 0;
    lines.push({ kind: 'no_refund', label: `The full-refund window ended on ${fullRefundThrough}, and this card's policy gives no partial refund after it`, amountCents: 0 });
  }

  let deductions = 0;
  if (policy.deductBenefits && gross > 0) {
    const used = input.benefitsUsed.filter((b) => b.usedOn >= feePostedOn && b.usedOn < yearEnd && b.usedOn <= closeOn && b.amountCents > 0);
    for (const b of used) {
      const take = Math.min(b.amountCents, gross - deductions);
      if (take <= 0) break;
      deductions += take;
      const capped = take < b.amountCents ? ` (${$(b.amountCents)} used; the deduction stops at the refund)` : '';
      lines.push({ kind: 'benefit', label: `Benefit already used: ${b.label} on ${b.usedOn}${capped}`, amountCents: -take });
    }
  }
  const refundCents = gross - deductions;
  lines.push({ kind: 'total', label: refundCents > 0 ? `Refund if you close on ${closeOn}` : `No refund if you close on ${closeOn}`, amountCents: refundCents });
  return {
    feeCents,
    feeYearFrom: feePostedOn,
    feeYearThrough: addCalendarDays(yearEnd, -1),
    daysInFeeYear,
    daysUsed,
    daysUnused,
    fullRefundThrough,
    inFullRefundWindow,
    grossRefundCents: gross,
    deductionsCents: deductions,
    refundCents,
    lines,
  };
}
