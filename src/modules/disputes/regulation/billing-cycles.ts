/**
 * Billing cycles as the Regulation Z clocks need them: "which statement closing dates come on or after this
 * day". A cycle runs from the day after one closing date through the next closing date, both inclusive; the
 * closing date is the cycle's last day (the ledger's statements: period_start … closing_date).
 *
 * Three ways to describe an account's schedule:
 * - `billingCycleDay`: monthly, closing on that day of each month. The ledger uses 1–28; 29–31 are accepted
 *   and close on the month's last day in shorter months (cycle day 31: 2026-02-28, 2028-02-29, 2026-04-30),
 *   which is how issuers with month-end cycles close. Cycles therefore run 28 to 31 days.
 * - `closingDates`: an explicit, ascending list — the account's statements plus the processor's scheduled
 *   closings. Any cycle lengths (28-day cycles, a long first cycle, a moved cycle date).
 * - `nextClosingAfter`: a function giving the first closing date strictly after a day, for schedules a list
 *   cannot hold open-endedly (e.g. every 4 weeks).
 * Pure: no clock, no I/O.
 */
import { addCalendarDays, isIsoDate, type IsoDate } from '../../calendars/index.ts';

export type BillingSchedule =
  | { readonly billingCycleDay: number }
  | { readonly closingDates: readonly IsoDate[] }
  | { readonly nextClosingAfter: (date: IsoDate) => IsoDate };

export type BillingCycle = { readonly periodStart: IsoDate; readonly closingDate: IsoDate };

const FIRST_DAY_OF_MONTH = 1;
const LAST_POSSIBLE_DAY_OF_MONTH = 31;
const MONTHS_PER_YEAR = 12;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The last day of a month: the day before the first of the next one (no month-length table to get wrong). */
function lastDayOfMonth(year: number, month: number): number {
  const nextYear = month === MONTHS_PER_YEAR ? year + 1 : year;
  const nextMonth = month === MONTHS_PER_YEAR ? 1 : month + 1;
  return Number(addCalendarDays(`${pad(nextYear, 4)}-${pad(nextMonth, 2)}-01`, -1).slice(8, 10));
}

/** The closing date of a monthly cycle in a given month; days past the month's end close on its last day. */
export function monthlyClosingDate(year: number, month: number, billingCycleDay: number): IsoDate {
  assertCycleDay(billingCycleDay);
  const day = Math.min(billingCycleDay, lastDayOfMonth(year, month));
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function assertCycleDay(day: number): void {
  if (!Number.isInteger(day) || day < FIRST_DAY_OF_MONTH || day > LAST_POSSIBLE_DAY_OF_MONTH) {
    throw new RangeError(`billingCycleDay must be an integer from 1 to 31, got ${day}`);
  }
}

function assertDate(date: IsoDate, what: string): void {
  if (!isIsoDate(date)) throw new RangeError(`${what} is not a calendar date: ${JSON.stringify(date)}`);
}

/** The first closing date on or after `date`: the end of the cycle `date` belongs to. */
export function closingDateOnOrAfter(schedule: BillingSchedule, date: IsoDate): IsoDate {
  assertDate(date, 'date');
  if ('billingCycleDay' in schedule) {
    const year = Number(date.slice(0, 4));
    const month = Number(date.slice(5, 7));
    const thisMonth = monthlyClosingDate(year, month, schedule.billingCycleDay);
    if (thisMonth >= date) return thisMonth;
    return month === MONTHS_PER_YEAR
      ? monthlyClosingDate(year + 1, 1, schedule.billingCycleDay)
      : monthlyClosingDate(year, month + 1, schedule.billingCycleDay);
  }
  if ('closingDates' in schedule) {
    assertAscending(schedule.closingDates);
    const found = schedule.closingDates.find((c) => c >= date);
    if (found === undefined) {
      const last = schedule.closingDates.at(-1) ?? 'none';
      throw new RangeError(`no closing date on or after ${date} in the schedule (last: ${last}); add the scheduled closings`);
    }
    return found;
  }
  const dayBefore = addCalendarDays(date, -1);
  const next = schedule.nextClosingAfter(dayBefore);
  if (!isIsoDate(next) || next <= dayBefore) {
    throw new RangeError(`nextClosingAfter(${dayBefore}) returned ${JSON.stringify(next)}, not a date after it`);
  }
  return next;
}

function assertAscending(dates: readonly IsoDate[]): void {
  dates.forEach((d, i) => {
    assertDate(d, `closingDates[${i}]`);
    const previous = dates[i - 1];
    if (previous !== undefined && previous >= d) {
      throw new RangeError(`closingDates must be strictly ascending: ${previous} then ${d}`);
    }
  });
}

/** `count` consecutive closing dates, the first being the one on or after `date`. */
export function closingDatesFrom(schedule: BillingSchedule, date: IsoDate, count: number): IsoDate[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const out: IsoDate[] = [];
  let from = date;
  for (let i = 0; i < count; i++) {
    const closing = closingDateOnOrAfter(schedule, from);
    out.push(closing);
    from = addCalendarDays(closing, 1);
  }
  return out;
}

/**
 * The `count` billing cycles that start after the cycle holding `date`, i.e. the complete cycles after it.
 * Each starts the day after the previous closing date.
 */
export function cyclesAfter(schedule: BillingSchedule, date: IsoDate, count: number): BillingCycle[] {
  const closings = closingDatesFrom(schedule, date, count + 1);
  return closings.slice(1).map((closingDate, i) => ({
    periodStart: addCalendarDays(closings[i] as IsoDate, 1),
    closingDate,
  }));
}
