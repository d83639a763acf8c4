/**
 * Business-day arithmetic on calendar dates.
 *
 * 12 CFR 1005.2(d): a business day is "any day on which the offices of the consumer's financial institution
 * are open to the public for carrying on substantially all business functions". Here: any date that is not on
 * the calendar's weekend and not an observed holiday (Federal Reserve schedule by default).
 *
 * Counting convention (the one Regulation E deadlines use, "within 10 business days" of a notice): the day of
 * the event is day zero and counting starts the day after. Whether a notice received on a Saturday should first
 * be rolled to Monday is the caller's rule, not this module's: `addBusinessDays(saturday, 1)` is that Monday.
 */
import { type HolidayCalendar, isHoliday } from './holiday-calendar.ts';
import { fromEpochDay, type IsoDate, toEpochDay, weekdayOfEpochDay } from './local-date.ts';

/** No real calendar has a run of 1,000 closed days; hitting this means the calendar data is broken. */
const MAX_CLOSED_RUN = 1000;

export function isBusinessDay(date: IsoDate, calendar: HolidayCalendar): boolean {
  return isOpenEpochDay(toEpochDay(date), calendar);
}

function isOpenEpochDay(day: number, calendar: HolidayCalendar): boolean {
  return !calendar.weekend.includes(weekdayOfEpochDay(day)) && !isHoliday(fromEpochDay(day), calendar);
}

/** The first business day strictly after `date` (Friday 2026-11-27 after Wednesday 2026-11-25, Thanksgiving between). */
export function nextBusinessDay(date: IsoDate, calendar: HolidayCalendar): IsoDate {
  return fromEpochDay(stepToOpen(toEpochDay(date) + 1, 1, calendar));
}

/** The last business day strictly before `date`. */
export function previousBusinessDay(date: IsoDate, calendar: HolidayCalendar): IsoDate {
  return fromEpochDay(stepToOpen(toEpochDay(date) - 1, -1, calendar));
}

/** `day` itself if open, else the nearest open day in direction `step`. */
function stepToOpen(day: number, step: 1 | -1, calendar: HolidayCalendar): number {
  for (let i = 0; i < MAX_CLOSED_RUN; i++, day += step) {
    if (isOpenEpochDay(day, calendar)) return day;
  }
  throw new RangeError(`calendar ${calendar.id} has no business day within ${MAX_CLOSED_RUN} days`);
}

/**
 * The n-th business day after `date` (n ≥ 0, an integer).
 * - n = 0: `date` itself when it is a business day, otherwise the next business day.
 * - n ≥ 1: counting starts the day after `date`, whether or not `date` is a business day; the result is the
 *   n-th business day met. Wednesday 2026-11-25 + 1 = Friday 2026-11-27 (Thanksgiving skipped);
 *   Saturday 2026-11-28 + 1 = Monday 2026-11-30.
 * Invariant: for n ≥ 1, businessDaysBetween(date, addBusinessDays(date, n)) === n.
 */
export function addBusinessDays(date: IsoDate, n: number, calendar: HolidayCalendar): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  let day = toEpochDay(date);
  if (n === 0) return fromEpochDay(stepToOpen(day, 1, calendar));
  for (let left = n; left > 0; left--) day = stepToOpen(day + 1, 1, calendar);
  return fromEpochDay(day);
}

/**
 * The number of business days d with from < d ≤ to: how many business days have passed since `from` by the
 * end of `to`. Zero when to = from; negative (the same count, negated) when `to` is before `from`.
 * Friday 2026-11-20 → Monday 2026-11-30 is 5 (23, 24, 25, 27, 30; Thanksgiving 26 and the weekends skipped).
 */
export function businessDaysBetween(from: IsoDate, to: IsoDate, calendar: HolidayCalendar): number {
  const a = toEpochDay(from);
  const b = toEpochDay(to);
  if (b < a) return 0 - businessDaysBetween(to, from, calendar); // 0 - x: never -0
  let count = 0;
  for (let day = a + 1; day <= b; day++) if (isOpenEpochDay(day, calendar)) count++;
  return count;
}
