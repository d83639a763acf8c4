/**
 * Which regulatory clocks need attention today: overdue, due today, or due within the warning period.
 *
 * A deadline "due on D" is met by the end of day D in the holiday calendar's time zone, so the comparison is on
 * calendar dates: give `now` as the local date (`localDate(instant, calendar.timeZone)`), or as an instant with
 * the zone, and it is converted here. There is no way to pause or mute a clock: a met clock (`metOn` set) is the
 * only one that stops warning.
 */
import { calendarDaysBetween, isIsoDate, type IsoDate, localDate } from '../../calendars/index.ts';
import type { Deadline } from './regulation.ts';

export type DeadlineStatus = 'overdue' | 'due_today' | 'due_soon';

export type DeadlineWarning = {
  readonly name: string;
  readonly dueOn: IsoDate;
  readonly citation: string;
  readonly status: DeadlineStatus;
  /** Calendar days from today to the due date: negative when overdue, 0 when due today. */
  readonly daysLeft: number;
};

/** Clocks as a list, or as a record of name → due date (entries that are null or undefined are skipped). */
export type DeadlineSet = readonly Deadline[] | Readonly<Record<string, IsoDate | null | undefined>>;

function toList(deadlines: DeadlineSet): Deadline[] {
  if (Array.isArray(deadlines)) return [...(deadlines as readonly Deadline[])];
  return Object.entries(deadlines as Readonly<Record<string, IsoDate | null | undefined>>)
    .filter((entry): entry is [string, IsoDate] => typeof entry[1] === 'string')
    .map(([name, dueOn]) => ({ name, dueOn, citation: '' }));
}

function statusOf(daysLeft: number, warnBeforeDays: number): DeadlineStatus | null {
  if (daysLeft < 0) return 'overdue';
  if (daysLeft === 0) return 'due_today';
  return daysLeft <= warnBeforeDays ? 'due_soon' : null;
}

export function deadlineWarnings(deadlines: DeadlineSet, now: IsoDate, warnBeforeDays: number): DeadlineWarning[];
export function deadlineWarnings(deadlines: DeadlineSet, now: Date, warnBeforeDays: number, timeZone: string): DeadlineWarning[];
export function deadlineWarnings(deadlines: DeadlineSet, now: IsoDate | Date, warnBeforeDays: number, timeZone?: string): DeadlineWarning[] {
  if (!Number.isInteger(warnBeforeDays) || warnBeforeDays < 0) {
    throw new RangeError(`warnBeforeDays must be a non-negative integer, got ${warnBeforeDays}`);
  }
  let today: IsoDate;
  if (now instanceof Date) {
    if (timeZone === undefined) throw new RangeError('a time zone is required to turn an instant into a date');
    today = localDate(now, timeZone);
  } else {
    if (!isIsoDate(now)) throw new RangeError(`now is not a calendar date: ${JSON.stringify(now)}`);
    today = now;
  }
  const warnings: DeadlineWarning[] = [];
  for (const d of toList(deadlines)) {
    if (d.metOn !== undefined && d.metOn !== null) continue;
    const daysLeft = calendarDaysBetween(today, d.dueOn);
    const status = statusOf(daysLeft, warnBeforeDays);
    if (status !== null) warnings.push({ name: d.name, dueOn: d.dueOn, citation: d.citation, status, daysLeft });
  }
  return warnings.sort((a, b) => (a.dueOn === b.dueOn ? (a.name < b.name ? -1 : 1) : a.dueOn < b.dueOn ? -1 : 1));
}
