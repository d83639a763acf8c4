/**
 * The built-in holiday calendars. Regulation E counts in the institution's business days (12 CFR 1005.2(d));
 * Cardcare's default is the Federal Reserve holiday schedule (federalreserve.gov/aboutthefed/k8.htm), which
 * issuers may change through configuration (see `parseCalendarConfig`).
 */
import type { HolidayCalendar, HolidayRule } from './holiday-calendar.ts';

/** The eleven holidays of 5 U.S.C. 6103(a) as the Federal Reserve Banks observe them. */
export const US_FEDERAL_RESERVE_RULES: readonly HolidayRule[] = Object.freeze([
  { type: 'fixed', name: "New Year's Day", month: 1, day: 1, observance: 'sunday_to_monday' },
  { type: 'nth_weekday', name: 'Birthday of Martin Luther King, Jr.', month: 1, weekday: 1, nth: 3 },
  { type: 'nth_weekday', name: "Washington's Birthday", month: 2, weekday: 1, nth: 3 },
  { type: 'nth_weekday', name: 'Memorial Day', month: 5, weekday: 1, nth: -1 },
  { type: 'fixed', name: 'Juneteenth National Independence Day', month: 6, day: 19, observance: 'sunday_to_monday' },
  { type: 'fixed', name: 'Independence Day', month: 7, day: 4, observance: 'sunday_to_monday' },
  { type: 'nth_weekday', name: 'Labor Day', month: 9, weekday: 1, nth: 1 },
  { type: 'nth_weekday', name: 'Columbus Day', month: 10, weekday: 1, nth: 2 },
  { type: 'fixed', name: 'Veterans Day', month: 11, day: 11, observance: 'sunday_to_monday' },
  { type: 'nth_weekday', name: 'Thanksgiving Day', month: 11, weekday: 4, nth: 4 },
  { type: 'fixed', name: 'Christmas Day', month: 12, day: 25, observance: 'sunday_to_monday' },
] satisfies HolidayRule[]);

/**
 * Mon–Fri minus the Federal Reserve holidays. A Saturday holiday is not moved: the Reserve Banks stay open the
 * Friday before (2026-07-03 is a business day). A Sunday holiday closes the Monday after (2027-07-05).
 * The zone is Eastern, where the Board sits; an issuer in another zone configures its own calendar.
 * LIMITATION: a one-off closing by executive order (e.g. a national day of mourning) is not a rule; add it
 * through `extraHolidays`.
 */
export const US_FEDERAL_RESERVE: HolidayCalendar = Object.freeze({
  id: 'us_federal_reserve',
  timeZone: 'America/New_York',
  weekend: Object.freeze([6, 7] as const),
  rules: US_FEDERAL_RESERVE_RULES,
  extraHolidays: Object.freeze([]),
  removedHolidays: Object.freeze([]),
});

export const BUILT_IN_HOLIDAY_CALENDARS: Readonly<Record<string, HolidayCalendar>> = Object.freeze({
  [US_FEDERAL_RESERVE.id]: US_FEDERAL_RESERVE,
});

/** A built-in calendar by id, or null. */
export function builtInHolidayCalendar(id: string): HolidayCalendar | null {
  return Object.hasOwn(BUILT_IN_HOLIDAY_CALENDARS, id) ? (BUILT_IN_HOLIDAY_CALENDARS[id] ?? null) : null;
}
