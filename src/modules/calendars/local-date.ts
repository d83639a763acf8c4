/**
 * Calendar dates and their link to instants.
 *
 * A calendar date is an ISO 8601 string 'YYYY-MM-DD' everywhere in this module (and in JSON config): it sorts
 * as text, prints as itself and needs no wrapper type. Date arithmetic runs on "epoch days" (days since
 * 1970-01-01), which has no time zone and so no DST. Only `localDate` and `instantAt` touch a zone, through
 * luxon's IANA zone data (CONVENTIONS habit 15: use the well-kept library for time zones).
 */
import { IANAZone } from 'luxon';

/** 'YYYY-MM-DD', a day on the proleptic Gregorian calendar with no time zone attached. */
export type IsoDate = string;

/** ISO 8601 weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** The largest |epoch ms| a Date holds (ECMA-262 TimeClip). */
const MAX_DATE_MS = 8.64e15;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in 'YYYY-MM-DD' form ('2027-02-29' is false, '2028-02-29' is true). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01. Throws RangeError on a malformed date: a programming error, not user input. */
export function toEpochDay(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${JSON.stringify(date)}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function fromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function makeDate(year: number, month: number, day: number): IsoDate {
  return fromEpochDay(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** 1970-01-01 (epoch day 0) was a Thursday (ISO 4). */
export function isoWeekday(date: IsoDate): IsoWeekday {
  return weekdayOfEpochDay(toEpochDay(date));
}

export function weekdayOfEpochDay(day: number): IsoWeekday {
  return ((((((day + 3) % 7) + 7) % 7) + 1) as IsoWeekday);
}

/** `date` moved by `days` calendar days (negative moves back). Month, year and leap-day ends are exact. */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function isValidTimeZone(zone: unknown): zone is string {
  return typeof zone === 'string' && IANAZone.isValidZone(zone);
}

function zoneOf(timeZone: string): IANAZone {
  const zone = IANAZone.create(timeZone); // luxon caches zones by name
  if (!zone.isValid) throw new RangeError(`unknown IANA time zone: ${JSON.stringify(timeZone)}`);
  return zone;
}

/** The calendar date an instant falls on in a time zone (2026-03-06T15:30Z is Saturday 2026-03-07 in Tokyo). */
export function localDate(instant: Date, timeZone: string): IsoDate {
  return fromEpochDay(localEpochDay(instant.getTime(), timeZone));
}

/**
 * `localDate` as an epoch day, for hot paths (the SLA clocks ask it on every computation): no string round
 * trip, and no zone lookup on a day whose offset does not change — the offset at `ms` is then the one
 * `dayOffsets` memoized for the surrounding day (the same "at most one change in 48 hours" premise as
 * `instantAt`). On a transition day the zone is asked about `ms` itself. Throws RangeError for an instant a
 * Date cannot hold (NaN, beyond ±8.64e15), truncating fractional ms as `new Date(ms)` does.
 */
export function localEpochDay(ms: number, timeZone: string): number {
  // Whole ms within a Date's range are taken as they are; anything else goes through Date's own TimeClip.
  const t = Number.isInteger(ms) && Math.abs(ms) <= MAX_DATE_MS ? ms : new Date(ms).getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid instant');
  const [before, after] = dayOffsets(timeZone, Math.floor(t / DAY_MS));
  const offset = before === after ? before : zoneOf(timeZone).offset(t);
  return Math.floor((t + offset * MINUTE_MS) / DAY_MS);
}

/**
 * The instant (epoch ms) at which the wall clock in `timeZone` shows `minuteOfDay` minutes after midnight of
 * `date`. 1440 means the next midnight, so a window may close at '24:00'. Disambiguation follows Temporal's
 * 'compatible' rule: a wall time that happens twice (fall-back) means its first occurrence; one that never
 * happens (spring-forward gap) is read with the offset in force before the jump, so it lands after it
 * (02:30 on 2026-03-08 in New York is 03:30 EDT).
 */
export function instantAt(date: IsoDate, minuteOfDay: number, timeZone: string): number {
  const day = toEpochDay(date);
  const wall = day * DAY_MS + minuteOfDay * MINUTE_MS;
  const [before, after] = dayOffsets(timeZone, day);
  // The usual day has one offset throughout: plain arithmetic, no zone lookup.
  if (before === after) return wall - before * MINUTE_MS;
  return exactInstant(zoneOf(timeZone), wall);
}

function exactInstant(zone: IANAZone, wall: number): number {
  // The offsets a day either side bound every candidate: real zones change offset at most once in 48 hours.
  const before = wall - zone.offset(wall - DAY_MS) * MINUTE_MS;
  const after = wall - zone.offset(wall + DAY_MS) * MINUTE_MS;
  const exact = [before, after].filter((t) => t + zone.offset(t) * MINUTE_MS === wall);
  return exact.length > 0 ? Math.min(...exact) : before;
}

/**
 * The offsets (minutes) in force a little before local midnight starting `day` and a little after the next
 * one (UTC offsets lie within −12 h … +14 h). Equal means no transition that day. A zone lookup costs
 * microseconds (Intl formatting) and SLA math asks about the same few days over and over, so results are
 * memoized — a cache of a pure function, bounded in size.
 */
const offsetCache = new Map<string, Map<number, readonly [number, number]>>(); // zone → epoch day → offsets
const OFFSET_CACHE_LIMIT = 50_000;
let offsetCacheSize = 0;

function dayOffsets(timeZone: string, day: number): readonly [number, number] {
  // Keyed zone first, then by the day as a number: a per-call `${zone}|${day}` key string cost more than the rest.
  const hit = offsetCache.get(timeZone)?.get(day);
  if (hit) return hit;
  const zone = zoneOf(timeZone);
  const start = day * DAY_MS;
  const value = [zone.offset(start - 15 * 3_600_000), zone.offset(start + DAY_MS + 13 * 3_600_000)] as const;
  if (offsetCacheSize >= OFFSET_CACHE_LIMIT) {
    offsetCache.clear();
    offsetCacheSize = 0;
  }
  let byDay = offsetCache.get(timeZone);
  if (!byDay) offsetCache.set(timeZone, (byDay = new Map()));
  byDay.set(day, value);
  offsetCacheSize++;
  return value;
}
