/**
 * Test-only reference: the working-time arithmetic as it was before the per-day interval cache
 * (working-time.ts), kept verbatim and slow on purpose: luxon asked for the local date of the start instant,
 * `instantAt` for every window of every day walked, no memo. working-time.property.test.ts checks the fast
 * path against it on random inputs.
 * Not exported from the module door; do not use outside tests.
 */
import { IANAZone } from 'luxon';
import { addCalendarDays, instantAt, isoWeekday } from '../../calendars/index.ts';
import { type CompiledCalendar, compileCalendar, type WorkCalendar } from './work-calendar.ts';

const MAX_CLOSED_DAYS = 3660;
const DAY_MS = 86_400_000;

/** `localDate` as it was: the zone asked about the instant itself, every time. */
function localDate(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid instant');
  const local = ms + IANAZone.create(timeZone).offset(ms) * 60_000;
  return new Date(Math.floor(local / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

type Hours = Extract<CompiledCalendar, { type: 'business_hours' }>;

function* openIntervals(cal: Hours, fromMs: number): Generator<readonly [number, number]> {
  let date = localDate(new Date(fromMs), cal.timeZone);
  for (let closedRun = 0; closedRun < MAX_CLOSED_DAYS; date = addCalendarDays(date, 1)) {
    const windows = cal.isClosed(date) ? [] : (cal.byWeekday[isoWeekday(date)] ?? []);
    closedRun = windows.length === 0 ? closedRun + 1 : 0;
    for (const [open, close] of windows) {
      const closeMs = instantAt(date, close, cal.timeZone);
      if (closeMs > fromMs) yield [instantAt(date, open, cal.timeZone), closeMs];
    }
  }
  throw new RangeError(`work calendar has no open window in ${MAX_CLOSED_DAYS} days after ${new Date(fromMs).toISOString()}`);
}

export function referenceAddWorkingMs(fromMs: number, ms: number, calendar: WorkCalendar): number {
  const cal = compileCalendar(calendar);
  if (cal.type === '24x7') return fromMs + ms;
  let left = ms;
  for (const [open, close] of openIntervals(cal, fromMs)) {
    const start = Math.max(open, fromMs);
    const available = close - start;
    if (available <= 0) continue;
    if (left <= available) return start + left;
    left -= available;
  }
  throw new Error('unreachable: openIntervals never ends without throwing');
}

export function referenceWorkingMsBetween(aMs: number, bMs: number, calendar: WorkCalendar): number {
  if (bMs < aMs) return 0 - referenceWorkingMsBetween(bMs, aMs, calendar);
  const cal = compileCalendar(calendar);
  if (cal.type === '24x7') return bMs - aMs;
  let total = 0;
  if (bMs === aMs) return 0;
  for (const [open, close] of openIntervals(cal, aMs)) {
    if (open >= bMs) break;
    total += Math.min(close, bMs) - Math.max(open, aMs);
  }
  return total;
}
