/**
 * Holiday calendars as data: rules ("4th Thursday of November") plus dates configuration adds or removes.
 * A calendar answers one question — which dates are observed holidays — and `business-days.ts` builds the
 * business-day arithmetic of 12 CFR 1005.2(d) on top of it.
 */
import {
  addCalendarDays,
  daysInMonth,
  type IsoDate,
  type IsoWeekday,
  isoWeekday,
  makeDate,
  yearOf,
} from './local-date.ts';

/**
 * How a holiday that falls on a weekend is observed.
 * - 'none': never moved (a Saturday or Sunday holiday simply costs no business day).
 * - 'sunday_to_monday': Sunday → the Monday after; Saturday stays put. The Federal Reserve's rule: "For
 *   holidays falling on Saturday, Federal Reserve Banks and Branches will be open the preceding Friday. For
 *   holidays falling on Sunday, all Federal Reserve Banks and Branches will be closed the following Monday."
 * - 'nearest_weekday': Saturday → the Friday before, Sunday → the Monday after (5 U.S.C. 6103(b), the rule
 *   for federal employees, which some issuers follow).
 */
export type Observance = 'none' | 'sunday_to_monday' | 'nearest_weekday';

export const OBSERVANCES: readonly Observance[] = ['none', 'sunday_to_monday', 'nearest_weekday'];

export type HolidayRule =
  /** The same month and day every year (Juneteenth: month 6, day 19). */
  | { type: 'fixed'; name: string; month: number; day: number; observance: Observance }
  /** The nth given weekday of a month; nth -1 is the last (Memorial Day: last Monday of May). Always a weekday. */
  | { type: 'nth_weekday'; name: string; month: number; weekday: IsoWeekday; nth: 1 | 2 | 3 | 4 | 5 | -1 };

export type HolidayCalendar = {
  readonly id: string;
  /** The zone whose wall clock decides which calendar date an instant falls on (see `localDate`). */
  readonly timeZone: string;
  /** ISO weekdays that are never business days; [6, 7] is Saturday and Sunday. */
  readonly weekend: readonly IsoWeekday[];
  readonly rules: readonly HolidayRule[];
  /** Extra closed dates (a bank's own day off, e.g. '2026-12-24'). */
  readonly extraHolidays: readonly IsoDate[];
  /** Observed dates a rule produces that this issuer nevertheless works (e.g. open on Columbus Day). */
  readonly removedHolidays: readonly IsoDate[];
};

export type ObservedHoliday = { date: IsoDate; name: string };

/** The date a rule falls on in `year`, before observance moves it. Null when it does not exist that year. */
export function ruleDate(rule: HolidayRule, year: number): IsoDate | null {
  if (rule.type === 'fixed') {
    return rule.day <= daysInMonth(year, rule.month) ? makeDate(year, rule.month, rule.day) : null;
  }
  if (rule.nth === -1) {
    const last = makeDate(year, rule.month, daysInMonth(year, rule.month));
    const back = (isoWeekday(last) - rule.weekday + 7) % 7;
    return addCalendarDays(last, -back);
  }
  const first = makeDate(year, rule.month, 1);
  const ahead = (rule.weekday - isoWeekday(first) + 7) % 7;
  const date = addCalendarDays(first, ahead + 7 * (rule.nth - 1));
  return Number(date.slice(5, 7)) === rule.month ? date : null; // a 5th Monday is not in every month
}

export function observe(date: IsoDate, observance: Observance): IsoDate {
  const weekday = isoWeekday(date);
  if (observance === 'sunday_to_monday') return weekday === 7 ? addCalendarDays(date, 1) : date;
  if (observance === 'nearest_weekday') {
    if (weekday === 6) return addCalendarDays(date, -1);
    if (weekday === 7) return addCalendarDays(date, 1);
  }
  return date;
}

function observedFromRules(calendar: HolidayCalendar, year: number): ObservedHoliday[] {
  const found: ObservedHoliday[] = [];
  // Observance can move a date across New Year (1 Jan 2022, a Saturday, observed on Friday 31 Dec 2021 under
  // 'nearest_weekday'), so the neighbouring years' rules are evaluated too.
  for (const y of [year - 1, year, year + 1]) {
    for (const rule of calendar.rules) {
      const actual = ruleDate(rule, y);
      if (actual === null) continue;
      const date = rule.type === 'fixed' ? observe(actual, rule.observance) : actual;
      if (yearOf(date) === year) found.push({ date, name: rule.name });
    }
  }
  return found;
}

const cache = new WeakMap<HolidayCalendar, Map<number, Map<IsoDate, string>>>();

function holidaysByDate(calendar: HolidayCalendar, year: number): Map<IsoDate, string> {
  let years = cache.get(calendar);
  if (!years) cache.set(calendar, (years = new Map()));
  let byDate = years.get(year);
  if (byDate) return byDate;
  byDate = new Map();
  for (const h of observedFromRules(calendar, year)) {
    if (!byDate.has(h.date)) byDate.set(h.date, h.name);
  }
  for (const d of calendar.extraHolidays) if (yearOf(d) === year && !byDate.has(d)) byDate.set(d, 'Holiday');
  for (const d of calendar.removedHolidays) byDate.delete(d);
  years.set(year, byDate);
  return byDate;
}

/**
 * The observed holidays of `year`, sorted by date: rules after observance, plus `extraHolidays`, minus
 * `removedHolidays`. Removal matches the observed date (remove '2027-07-05', not '2027-07-04').
 * Results are cached per calendar object; calendars are treated as immutable values.
 */
export function observedHolidays(year: number, calendar: HolidayCalendar): ObservedHoliday[] {
  return [...holidaysByDate(calendar, year)]
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}

export function isHoliday(date: IsoDate, calendar: HolidayCalendar): boolean {
  return holidaysByDate(calendar, yearOf(date)).has(date);
}

export function holidayName(date: IsoDate, calendar: HolidayCalendar): string | null {
  return holidaysByDate(calendar, yearOf(date)).get(date) ?? null;
}
