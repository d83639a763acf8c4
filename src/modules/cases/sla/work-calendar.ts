/**
 * Work calendars: when an SLA clock runs. Either round the clock ('24x7') or business hours in one IANA time
 * zone, as windows of local wall time per ISO weekday (the same { days, open, close } shape as a product
 * line's hours in the issuer profile), minus holidays.
 *
 * A window is local wall time: 09:00–17:00 in America/New_York is 09:00–17:00 EST in winter and EDT in
 * summer. A window may not cross midnight (split it: 22:00–24:00 and 00:00–02:00 the next day); '24:00' is
 * allowed as a closing time. Several windows a day are fine (09:00–12:00, 13:00–18:00).
 */
import { AppError, type FieldError } from '../../../platform/errors.ts';
import {
  builtInHolidayCalendar,
  type HolidayCalendar,
  isHoliday,
  isIsoDate,
  type IsoDate,
  type IsoWeekday,
  isValidTimeZone,
  parseCalendarConfig,
} from '../../calendars/index.ts';

export type WorkWindow = { days: readonly IsoWeekday[]; open: string; close: string };

export type WorkCalendar =
  | { type: '24x7' }
  | {
      type: 'business_hours';
      timeZone: string;
      windows: readonly WorkWindow[];
      /**
       * Closed dates, read on the calendar's own time zone: a holiday calendar (by built-in id or as an object,
       * e.g. from `parseCalendarConfig`) or an explicit list of dates. Only its holidays are used; its weekend
       * is not, because the windows already say which weekdays are worked.
       */
      holidayCalendar?: string | HolidayCalendar | readonly IsoDate[];
    };

/** Internal, precomputed form: minutes after local midnight per ISO weekday (index 1–7), sorted. */
export type CompiledCalendar =
  | { type: '24x7' }
  | {
      type: 'business_hours';
      timeZone: string;
      byWeekday: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
      isClosed: (date: IsoDate) => boolean;
      /** Memo of `openIntervalsOn` (day-intervals.ts): epoch day → that date's open intervals in epoch ms. */
      openByDay: Map<number, Float64Array>;
    };

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** 'HH:mm' → minutes after midnight; '24:00' only where `allow24`. Null when malformed. */
function minutesOf(hhmm: unknown, allow24: boolean): number | null {
  if (allow24 && hhmm === '24:00') return 1440;
  const m = typeof hhmm === 'string' ? TIME.exec(hhmm) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

type Resolve = (id: string) => HolidayCalendar | null;

function windowProblems(raw: unknown, problems: FieldError[]): Array<Array<readonly [number, number, number]>> {
  const byWeekday: Array<Array<readonly [number, number, number]>> = Array.from({ length: 8 }, () => []);
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push({ field: 'windows', message: 'must be a non-empty array of { days, open, close }' });
    return byWeekday;
  }
  raw.forEach((w: unknown, j) => {
    const path = `windows[${j}]`;
    const win = (typeof w === 'object' && w !== null ? w : {}) as Record<string, unknown>;
    for (const key of Object.keys(win)) if (!['days', 'open', 'close'].includes(key)) problems.push({ field: `${path}.${key}`, message: 'unknown field' });
    const days = win.days;
    const daysOk = Array.isArray(days) && days.length > 0 && days.every((d) => Number.isInteger(d) && d >= 1 && d <= 7) && new Set(days).size === days.length;
    if (!daysOk) problems.push({ field: `${path}.days`, message: 'must list distinct ISO weekdays (1 = Monday … 7 = Sunday)' });
    const open = minutesOf(win.open, false);
    const close = minutesOf(win.close, true);
    if (open === null) problems.push({ field: `${path}.open`, message: 'must be HH:mm from 00:00 to 23:59' });
    if (close === null) problems.push({ field: `${path}.close`, message: 'must be HH:mm from 00:01 to 24:00' });
    else if (open !== null && close <= open) {
      problems.push({ field: `${path}.close`, message: `closes at ${String(win.close)}, not after it opens at ${String(win.open)}: a window may not cross midnight; split it in two` });
    }
    if (daysOk && open !== null && close !== null && close > open) for (const d of days as number[]) byWeekday[d]!.push([open, close, j]);
  });
  const overlaps = new Map<string, number[]>(); // "later|earlier" window index → weekdays where they overlap
  byWeekday.forEach((list, day) => {
    list.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < list.length; i++) {
      const [prev, cur] = [list[i - 1]!, list[i]!];
      if (cur[0] < prev[1]) overlaps.set(`${cur[2]}|${prev[2]}`, [...(overlaps.get(`${cur[2]}|${prev[2]}`) ?? []), day]);
    }
  });
  for (const [pair, days] of overlaps) {
    const [cur, prev] = pair.split('|');
    problems.push({ field: `windows[${cur}]`, message: `overlaps windows[${prev}] on ISO weekday(s) ${days.join(', ')}` });
  }
  return byWeekday;
}

function holidayProblems(raw: unknown, resolve: Resolve, problems: FieldError[]): HolidayCalendar | readonly IsoDate[] | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string') {
    const found = resolve(raw);
    if (!found) problems.push({ field: 'holidayCalendar', message: `unknown holiday calendar ${JSON.stringify(raw)}` });
    return found ?? undefined;
  }
  if (Array.isArray(raw)) {
    raw.forEach((d, i) => {
      if (!isIsoDate(d)) problems.push({ field: `holidayCalendar[${i}]`, message: 'must be a calendar date YYYY-MM-DD' });
    });
    return Object.freeze([...(raw as IsoDate[])]);
  }
  if (typeof raw === 'object' && raw !== null) {
    // An inline holiday calendar gets the same checks as a standalone one, its fields named under ours.
    try {
      return parseCalendarConfig(raw);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      for (const e of error.errors ?? []) problems.push({ field: `holidayCalendar.${e.field}`, message: e.message });
      return undefined;
    }
  }
  problems.push({ field: 'holidayCalendar', message: 'must be a holiday calendar id, a holiday calendar or an array of dates' });
  return undefined;
}

/**
 * Validates a work calendar from configuration. A `holidayCalendar` id is resolved against the built-in
 * calendars and `holidayCalendars` (issuer-defined, already parsed); the result holds the resolved object.
 * Throws AppError('validation_failed') naming each bad field.
 */
export function parseWorkCalendar(raw: unknown, holidayCalendars: readonly HolidayCalendar[] = []): WorkCalendar {
  const problems: FieldError[] = [];
  const obj = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  if (obj.type === '24x7') {
    for (const key of Object.keys(obj)) if (key !== 'type') problems.push({ field: key, message: 'unknown field' });
    if (problems.length === 0) return Object.freeze({ type: '24x7' });
  } else if (obj.type === 'business_hours') {
    for (const key of Object.keys(obj)) {
      if (!['type', 'timeZone', 'windows', 'holidayCalendar'].includes(key)) problems.push({ field: key, message: 'unknown field' });
    }
    if (!isValidTimeZone(obj.timeZone)) problems.push({ field: 'timeZone', message: `unknown IANA time zone ${JSON.stringify(obj.timeZone)}` });
    windowProblems(obj.windows, problems);
    const resolve: Resolve = (id) => holidayCalendars.find((c) => c.id === id) ?? builtInHolidayCalendar(id);
    const holidays = holidayProblems(obj.holidayCalendar, resolve, problems);
    if (problems.length === 0) {
      const windows = (obj.windows as WorkWindow[]).map((w) => Object.freeze({ days: Object.freeze([...w.days]), open: w.open, close: w.close }));
      return Object.freeze({
        type: 'business_hours',
        timeZone: obj.timeZone as string,
        windows: Object.freeze(windows),
        ...(holidays === undefined ? {} : { holidayCalendar: holidays }),
      });
    }
  } else {
    problems.push({ field: 'type', message: 'must be "24x7" or "business_hours"' });
  }
  throw new AppError('validation_failed', `Work calendar is not valid: ${problems.map((p) => p.field).join(', ')}`, { errors: problems });
}

const compiled = new WeakMap<WorkCalendar, CompiledCalendar>();

/**
 * The precomputed form of a calendar, cached per calendar object. Throws RangeError for a calendar that
 * `parseWorkCalendar` would reject (code that builds calendars by hand gets the same checks).
 */
export function compileCalendar(calendar: WorkCalendar): CompiledCalendar {
  const hit = compiled.get(calendar);
  if (hit) return hit;
  let result: CompiledCalendar;
  if (calendar.type === '24x7') {
    result = { type: '24x7' };
  } else {
    const problems: FieldError[] = [];
    if (!isValidTimeZone(calendar.timeZone)) problems.push({ field: 'timeZone', message: 'unknown IANA time zone' });
    const byWeekday = windowProblems(calendar.windows, problems).map((list) => list.map(([o, c]) => [o, c] as const));
    const ref = calendar.holidayCalendar;
    // Code may pass a holiday calendar object as is; an id must name a built-in (parseWorkCalendar resolves others).
    const holidays = typeof ref === 'string' || Array.isArray(ref) ? holidayProblems(ref, builtInHolidayCalendar, problems) : ref;
    if (problems.length > 0) {
      throw new RangeError(`invalid work calendar: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    }
    const explicit = Array.isArray(holidays) ? new Set<IsoDate>(holidays) : null;
    const isClosed = (date: IsoDate): boolean => {
      if (holidays === undefined) return false;
      return explicit ? explicit.has(date) : isHoliday(date, holidays as HolidayCalendar);
    };
    result = { type: 'business_hours', timeZone: calendar.timeZone, byWeekday, isClosed, openByDay: new Map() };
  }
  compiled.set(calendar, result);
  return result;
}
