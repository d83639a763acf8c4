/**
 * Regulation Z billing-error deadlines (12 CFR 1026.13(c)), pure functions of the notice date and the account's
 * billing schedule. All counts are calendar days; a deadline on a weekend or holiday is not moved (moving it
 * later would make the issuer late).
 *
 * Acknowledge, 1026.13(c)(1): in writing within 30 days of receiving the notice → acknowledgeBy = notice + 30.
 * (Not needed when the dispute is resolved within those 30 days; the clock is met by the resolution then.)
 *
 * Resolve, 1026.13(c)(2): "within two complete billing cycles (but in no event later than 90 days) after
 * receiving a billing error notice". As we read the official interpretation (Supplement I, comment 13(c)(2)-1):
 * two actual cycles occurring after receipt, not a length of time equal to two cycles; a notice received
 * mid-cycle leaves the rest of that cycle plus the next two full cycles.
 * Definition used here ("complete billing cycle"): the cycle in which the notice is received — the one whose
 * period holds the notice day — never counts, because it was not wholly after the notice. That includes a
 * notice received ON a closing date (the cycle's last day) and one received on the first day of a cycle. The
 * two complete cycles are the next two; resolveBy is the closing date of the second, capped at notice + 90:
 *   resolveBy = min(third closing date on or after the notice day, notice + 90 days).
 * Worked example, cycle day 15: notice Tue 2026-03-10 is in the cycle 2026-02-16 … 2026-03-15 (incomplete);
 * complete cycles 2026-03-16 … 04-15 and 2026-04-16 … 05-15 → 2026-05-15 (66 days, under the 90-day cap).
 * Notice 2026-03-16 (first day of a cycle): its cycle ends 04-15; complete cycles end 05-15 and 06-15, which is
 * 91 days later → the 90-day cap binds: 2026-06-14.
 */
import { addCalendarDays, calendarDaysBetween, isIsoDate, type IsoDate } from '../../calendars/index.ts';
import { type BillingCycle, type BillingSchedule, closingDateOnOrAfter, cyclesAfter } from './billing-cycles.ts';
import type { Deadline } from './regulation.ts';
import { REG_Z_ACKNOWLEDGE_DAYS, REG_Z_RESOLVE_COMPLETE_CYCLES, REG_Z_RESOLVE_MAX_DAYS } from './regulatory-constants.ts';

export type RegZDeadlineInput = {
  readonly noticeReceivedOn: IsoDate;
  /** The account's statement schedule: monthly by cycle day, explicit closing dates, or a function. */
  readonly billingCycles: BillingSchedule;
};

export type RegZDeadlines = {
  readonly regulation: 'reg_z';
  readonly noticeReceivedOn: IsoDate;
  /** 12 CFR 1026.13(c)(1): notice + 30 days. */
  readonly acknowledgeBy: IsoDate;
  /** The closing date of the (incomplete) cycle in which the notice was received. */
  readonly noticeCycleClosesOn: IsoDate;
  /** The two complete cycles after the notice's own cycle. */
  readonly completeCycles: readonly BillingCycle[];
  /** The closing date of the second complete cycle. */
  readonly endOfSecondCompleteCycle: IsoDate;
  /** 12 CFR 1026.13(c)(2): notice + 90 days, the latest resolveBy can ever be. */
  readonly ninetyDayLimit: IsoDate;
  /** min(endOfSecondCompleteCycle, ninetyDayLimit). */
  readonly resolveBy: IsoDate;
  /** Which bound set resolveBy ('two_complete_cycles' when both fall on the same day). */
  readonly resolveByBasis: 'two_complete_cycles' | 'ninety_day_limit';
  /** Calendar days from the notice to resolveBy. */
  readonly daysToResolve: number;
  /** The SLA clocks, for `deadlineWarnings`. */
  readonly clocks: readonly Deadline[];
};

export const REG_Z_ACKNOWLEDGE_CITATION = '12 CFR 1026.13(c)(1)';
export const REG_Z_RESOLVE_CITATION = '12 CFR 1026.13(c)(2)';

export function regZDeadlines(input: RegZDeadlineInput): RegZDeadlines {
  const notice = input.noticeReceivedOn;
  if (!isIsoDate(notice)) throw new RangeError(`noticeReceivedOn is not a calendar date: ${JSON.stringify(notice)}`);
  const noticeCycleClosesOn = closingDateOnOrAfter(input.billingCycles, notice);
  const completeCycles = cyclesAfter(input.billingCycles, notice, REG_Z_RESOLVE_COMPLETE_CYCLES);
  const endOfSecondCompleteCycle = (completeCycles.at(-1) as BillingCycle).closingDate;
  const ninetyDayLimit = addCalendarDays(notice, REG_Z_RESOLVE_MAX_DAYS);
  const cyclesBind = endOfSecondCompleteCycle <= ninetyDayLimit;
  const resolveBy = cyclesBind ? endOfSecondCompleteCycle : ninetyDayLimit;
  const acknowledgeBy = addCalendarDays(notice, REG_Z_ACKNOWLEDGE_DAYS);
  return {
    regulation: 'reg_z',
    noticeReceivedOn: notice,
    acknowledgeBy,
    noticeCycleClosesOn,
    completeCycles,
    endOfSecondCompleteCycle,
    ninetyDayLimit,
    resolveBy,
    resolveByBasis: cyclesBind ? 'two_complete_cycles' : 'ninety_day_limit',
    daysToResolve: calendarDaysBetween(notice, resolveBy),
    clocks: [
      { name: 'reg_z_acknowledge', dueOn: acknowledgeBy, citation: REG_Z_ACKNOWLEDGE_CITATION },
      { name: 'reg_z_resolve', dueOn: resolveBy, citation: REG_Z_RESOLVE_CITATION },
    ],
  };
}
