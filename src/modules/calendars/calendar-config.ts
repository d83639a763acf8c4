/**
 * Validates a holiday calendar given as configuration (JSON) and names every bad field, e.g.
 *   { "id": "acme_bank", "timeZone": "America/Chicago", "weekend": [6, 7],
 *     "rules": [{ "type": "fixed", "name": "Christmas Day", "month": 12, "day": 25, "observance": "sunday_to_monday" },
 *               { "type": "nth_weekday", "name": "Thanksgiving Day", "month": 11, "weekday": 4, "nth": 4 }],
 *     "extraHolidays": ["2026-12-24"], "removedHolidays": [] }
 * `weekend` defaults to [6, 7]; `rules`, `extraHolidays` and `removedHolidays` default to [].
 * Errors are AppError('validation_failed') with one { field, message } per problem (CONVENTIONS habit 7).
 */
import { AppError, type FieldError } from '../../platform/errors.ts';
import {
  type HolidayCalendar,
  type HolidayRule,
  isHoliday,
  type Observance,
  OBSERVANCES,
  observedHolidays,
} from './holiday-calendar.ts';
import { isIsoDate, type IsoDate, type IsoWeekday, isValidTimeZone, yearOf } from './local-date.ts';

const ID = /^[a-z][a-z0-9_]{1,39}$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]; // 29 Feb: the rule only fires in leap years
const NTHS = [1, 2, 3, 4, 5, -1];

type Problems = FieldError[];
type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIntIn = (v: unknown, min: number, max: number): v is number =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

function unknownKeys(obj: Obj, allowed: readonly string[], path: string, problems: Problems): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) problems.push({ field: path ? `${path}.${key}` : key, message: 'unknown field' });
  }
}

function parseRule(raw: unknown, path: string, problems: Problems): HolidayRule | null {
  if (!isObject(raw)) {
    problems.push({ field: path, message: 'must be an object' });
    return null;
  }
  const before = problems.length;
  const { type, name, month } = raw;
  if (typeof name !== 'string' || name.trim() === '') problems.push({ field: `${path}.name`, message: 'must be a non-empty string' });
  if (!isIntIn(month, 1, 12)) problems.push({ field: `${path}.month`, message: 'must be an integer from 1 to 12' });
  if (type === 'fixed') {
    unknownKeys(raw, ['type', 'name', 'month', 'day', 'observance'], path, problems);
    const max = isIntIn(month, 1, 12) ? (DAYS_IN_MONTH[month - 1] ?? 31) : 31;
    if (!isIntIn(raw.day, 1, max)) problems.push({ field: `${path}.day`, message: `must be an integer from 1 to ${max}` });
    if (!OBSERVANCES.includes(raw.observance as Observance)) {
      problems.push({ field: `${path}.observance`, message: `must be one of ${OBSERVANCES.join(', ')}` });
    }
    if (problems.length > before) return null;
    return { type, name: name as string, month: month as number, day: raw.day as number, observance: raw.observance as Observance };
  }
  if (type === 'nth_weekday') {
    unknownKeys(raw, ['type', 'name', 'month', 'weekday', 'nth'], path, problems);
    if (!isIntIn(raw.weekday, 1, 7)) problems.push({ field: `${path}.weekday`, message: 'must be an ISO weekday from 1 (Monday) to 7 (Sunday)' });
    if (!NTHS.includes(raw.nth as number)) problems.push({ field: `${path}.nth`, message: 'must be 1, 2, 3, 4, 5 or -1 (last)' });
    if (problems.length > before) return null;
    return { type, name: name as string, month: month as number, weekday: raw.weekday as IsoWeekday, nth: raw.nth as 1 | 2 | 3 | 4 | 5 | -1 };
  }
  problems.push({ field: `${path}.type`, message: 'must be "fixed" or "nth_weekday"' });
  return null;
}

function parseDates(raw: unknown, path: string, problems: Problems): IsoDate[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ field: path, message: 'must be an array of dates' });
    return [];
  }
  const seen = new Set<string>();
  raw.forEach((d, i) => {
    if (!isIsoDate(d)) problems.push({ field: `${path}[${i}]`, message: 'must be a calendar date YYYY-MM-DD' });
    else if (seen.has(d)) problems.push({ field: `${path}[${i}]`, message: `${d} is listed twice` });
    else seen.add(d);
  });
  return [...seen].sort();
}

function parseWeekend(raw: unknown, problems: Problems): IsoWeekday[] {
  if (raw === undefined) return [6, 7];
  const ok = Array.isArray(raw) && raw.every((d) => isIntIn(d, 1, 7)) && new Set(raw).size === raw.length && raw.length < 7;
  if (!ok) problems.push({ field: 'weekend', message: 'must list distinct ISO weekdays (1 = Monday … 7 = Sunday), fewer than 7' });
  return ok ? [...(raw as IsoWeekday[])].sort((a, b) => a - b) : [];
}

/** Returns a frozen HolidayCalendar or throws AppError('validation_failed') naming each bad field. */
export function parseCalendarConfig(raw: unknown): HolidayCalendar {
  const problems: Problems = [];
  if (!isObject(raw)) {
    throw new AppError('validation_failed', 'Holiday calendar configuration must be an object', {
      errors: [{ field: '(root)', message: 'must be an object' }],
    });
  }
  unknownKeys(raw, ['id', 'timeZone', 'weekend', 'rules', 'extraHolidays', 'removedHolidays'], '', problems);
  if (typeof raw.id !== 'string' || !ID.test(raw.id)) {
    problems.push({ field: 'id', message: 'must be lowercase letters, digits and underscores, 2–40 long' });
  }
  if (!isValidTimeZone(raw.timeZone)) problems.push({ field: 'timeZone', message: `unknown IANA time zone ${JSON.stringify(raw.timeZone)}` });
  const weekend = parseWeekend(raw.weekend, problems);
  const rules: HolidayRule[] = [];
  if (raw.rules !== undefined && !Array.isArray(raw.rules)) problems.push({ field: 'rules', message: 'must be an array' });
  if (Array.isArray(raw.rules)) {
    raw.rules.forEach((r, i) => {
      const rule = parseRule(r, `rules[${i}]`, problems);
      if (rule) rules.push(rule);
    });
  }
  const extraHolidays = parseDates(raw.extraHolidays, 'extraHolidays', problems);
  const removedHolidays = parseDates(raw.removedHolidays, 'removedHolidays', problems);
  if (problems.length === 0) {
    // A removal must match a date the rules really produce (after observance): a typo would otherwise be a
    // silent no-op and the issuer would close on a day it meant to open.
    const fromRules: HolidayCalendar = { id: 'check', timeZone: 'UTC', weekend, rules, extraHolidays: [], removedHolidays: [] };
    removedHolidays.forEach((d) => {
      const i = (raw.removedHolidays as unknown[]).indexOf(d);
      if (extraHolidays.includes(d)) problems.push({ field: `removedHolidays[${i}]`, message: `${d} is also in extraHolidays` });
      else if (!isHoliday(d, fromRules)) {
        const nearby = observedHolidays(yearOf(d), fromRules).map((h) => h.date).join(', ');
        problems.push({ field: `removedHolidays[${i}]`, message: `${d} is not an observed holiday of the rules (that year: ${nearby || 'none'})` });
      }
    });
  }
  if (problems.length > 0) {
    throw new AppError('validation_failed', `Holiday calendar configuration is not valid: ${problems.map((p) => p.field).join(', ')}`, {
      errors: problems,
    });
  }
  return Object.freeze({
    id: raw.id as string,
    timeZone: raw.timeZone as string,
    weekend: Object.freeze(weekend),
    rules: Object.freeze(rules.map((r) => Object.freeze(r))),
    extraHolidays: Object.freeze(extraHolidays),
    removedHolidays: Object.freeze(removedHolidays),
  });
}
