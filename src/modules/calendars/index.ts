/**
 * Public door of the calendars module: holiday calendars as data and pure business-day arithmetic on ISO
 * calendar dates ('YYYY-MM-DD'). No I/O, no clock: callers pass instants and dates in.
 */
export {
  addCalendarDays,
  calendarDaysBetween,
  instantAt,
  isIsoDate,
  isoWeekday,
  isValidTimeZone,
  localDate,
  localEpochDay,
  type IsoDate,
  type IsoWeekday,
} from './local-date.ts';
export {
  holidayName,
  isHoliday,
  observedHolidays,
  ruleDate,
  type HolidayCalendar,
  type HolidayRule,
  type Observance,
  type ObservedHoliday,
} from './holiday-calendar.ts';
export {
  addBusinessDays,
  businessDaysBetween,
  isBusinessDay,
  nextBusinessDay,
  previousBusinessDay,
} from './business-days.ts';
export { parseCalendarConfig } from './calendar-config.ts';
export {
  BUILT_IN_HOLIDAY_CALENDARS,
  builtInHolidayCalendar,
  US_FEDERAL_RESERVE,
  US_FEDERAL_RESERVE_RULES,
} from './us-federal-reserve.ts';
