/**
 * The open intervals of one local date of a business-hours calendar, as epoch-ms pairs
 * [open₀, close₀, open₁, close₁, …] in window order: `instantAt` of each window's opening and closing that
 * day, nothing on a holiday. Working-time arithmetic walks day by day over these. Building them costs string
 * dates, holiday lookups and zone offsets (luxon/Intl), microseconds a day, and an SLA computation walks up to
 * a few weeks of days, so each (calendar, day) is built once per process and kept.
 *
 * Cache safety: the memo lives on the compiled calendar, which `compileCalendar` keeps per calendar object
 * (not per id), so two calendars never share entries. Calendars are values: the configured ones are frozen by
 * `parseWorkCalendar`, and the compiled form already ignored edits made in place after first use (its
 * windows, zone and holidays are read once), so the memo adds no new way to go stale. Bounded per calendar.
 */
import { addCalendarDays, instantAt, isoWeekday } from '../../calendars/index.ts';
import type { CompiledCalendar } from './work-calendar.ts';

export type CompiledHours = Extract<CompiledCalendar, { type: 'business_hours' }>;

/** ~22 years of days per calendar; SLA math asks about the weeks around now, so this is never reached in use. */
const DAY_CACHE_LIMIT = 8192;
const EPOCH = '1970-01-01';

export function openIntervalsOn(cal: CompiledHours, day: number): Float64Array {
  const hit = cal.openByDay.get(day);
  if (hit !== undefined) return hit;
  const date = addCalendarDays(EPOCH, day);
  const windows = cal.isClosed(date) ? [] : (cal.byWeekday[isoWeekday(date)] ?? []);
  const intervals = new Float64Array(windows.length * 2);
  windows.forEach(([open, close], i) => {
    intervals[2 * i] = instantAt(date, open, cal.timeZone);
    intervals[2 * i + 1] = instantAt(date, close, cal.timeZone);
  });
  if (cal.openByDay.size >= DAY_CACHE_LIMIT) cal.openByDay.clear();
  cal.openByDay.set(day, intervals);
  return intervals;
}
