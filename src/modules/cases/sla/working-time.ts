/**
 * Working-time arithmetic on instants: the core of every SLA clock (CONVENTIONS habit 6: pure, time passed in).
 *
 * A window contributes the real minutes between its local opening and its local closing. On a DST day that is
 * what the wall clock says minus or plus the jump: a 01:00–03:00 window is 60 minutes on 2026-03-08 and 180 on
 * 2026-11-01 in New York; a 09:00–17:00 window is 480 minutes every day. Wall times follow `instantAt`'s rule
 * (first occurrence of a repeated time; a skipped time lands after the jump).
 */
import { localEpochDay } from '../../calendars/index.ts';
import { type CompiledHours, openIntervalsOn } from './day-intervals.ts';
import { compileCalendar, type WorkCalendar } from './work-calendar.ts';

const MINUTE_MS = 60_000;
/** Ten years without a single open window means the calendar is broken, not that the deadline is far. */
const MAX_CLOSED_DAYS = 3660;

/*
 * Both walks below go day by day from `fromMs`'s own local date (windows never cross local midnight, so
 * nothing before it can still be open at `fromMs`), over the memoized intervals of each day, skipping the
 * intervals that close at or before `fromMs`. They are plain loops over typed arrays on purpose: this runs
 * for every message (SLA re-planning), and a generator of tuples cost more than the arithmetic.
 */

function noOpenWindow(fromMs: number): RangeError {
  return new RangeError(`work calendar has no open window in ${MAX_CLOSED_DAYS} days after ${new Date(fromMs).toISOString()}`);
}

/**
 * The instant at which `ms` of working time have passed after `fromMs`. Outside hours the clock starts at the
 * next opening. Lands exactly on a closing time when the budget runs out there (16:00 + 60 min = 17:00, not
 * 09:00 the next day); `ms` = 0 outside hours (or exactly at a closing) gives the next opening.
 */
export function addWorkingMs(fromMs: number, ms: number, calendar: WorkCalendar): number {
  const cal = compileCalendar(calendar);
  if (cal.type === '24x7') return fromMs + ms;
  let left = ms;
  let day = localEpochDay(fromMs, cal.timeZone);
  for (let closedRun = 0; closedRun < MAX_CLOSED_DAYS; day++) {
    const intervals = openIntervalsOn(cal, day);
    closedRun = intervals.length === 0 ? closedRun + 1 : 0;
    for (let i = 0; i < intervals.length; i += 2) {
      const close = intervals[i + 1]!;
      if (close <= fromMs) continue;
      const start = Math.max(intervals[i]!, fromMs);
      const available = close - start;
      if (available <= 0) continue;
      if (left <= available) return start + left;
      left -= available;
    }
  }
  throw noOpenWindow(fromMs);
}

/** Working ms in [aMs, bMs); negative when b is before a. */
export function workingMsBetween(aMs: number, bMs: number, calendar: WorkCalendar): number {
  if (bMs < aMs) return 0 - workingMsBetween(bMs, aMs, calendar);
  const cal = compileCalendar(calendar);
  if (cal.type === '24x7') return bMs - aMs;
  if (bMs === aMs) return 0;
  return workingMsWithin(cal, aMs, bMs);
}

function workingMsWithin(cal: CompiledHours, aMs: number, bMs: number): number {
  let total = 0;
  let day = localEpochDay(aMs, cal.timeZone);
  for (let closedRun = 0; closedRun < MAX_CLOSED_DAYS; day++) {
    const intervals = openIntervalsOn(cal, day);
    closedRun = intervals.length === 0 ? closedRun + 1 : 0;
    for (let i = 0; i < intervals.length; i += 2) {
      const open = intervals[i]!;
      const close = intervals[i + 1]!;
      if (close <= aMs) continue;
      if (open >= bMs) return total;
      total += Math.min(close, bMs) - Math.max(open, aMs);
    }
  }
  throw noOpenWindow(aMs);
}

function toMs(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be a finite number ≥ 0, got ${minutes}`);
  return Math.round(minutes * MINUTE_MS);
}

function msOf(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid instant');
  return ms;
}

/**
 * The instant when `minutes` of working time have elapsed after `start`. If `start` is outside working hours,
 * the clock starts at the next opening. Fractional minutes are kept to the millisecond.
 * Example (US Federal Reserve holidays, Mon–Fri 09:00–17:00 New York): Wed 2026-11-25 16:00 EST + 120 →
 * 60 on Wednesday, Thanksgiving closed, 60 on Friday → Fri 2026-11-27 10:00 EST.
 */
export function addWorkingTime(start: Date, minutes: number, calendar: WorkCalendar): Date {
  return new Date(addWorkingMs(msOf(start), toMs(minutes), calendar));
}

/** Working minutes between two instants (fractional when they are not whole minutes; negative if b < a). */
export function workingMinutesBetween(a: Date, b: Date, calendar: WorkCalendar): number {
  return workingMsBetween(msOf(a), msOf(b), calendar) / MINUTE_MS;
}

/** True when `instant` is inside an open window (opening inclusive, closing exclusive). */
export function isWorkingTime(instant: Date, calendar: WorkCalendar): boolean {
  const ms = msOf(instant);
  return workingMsBetween(ms, ms + 1, calendar) === 1;
}

/** `instant` itself when working, otherwise the next opening. */
export function nextWorkingInstant(instant: Date, calendar: WorkCalendar): Date {
  return new Date(addWorkingMs(msOf(instant), 0, calendar));
}
