/**
 * Calendar arithmetic on whole UTC days (days since 1970-01-01). The generator works in days and places
 * every timestamp between 08:00 and 23:59 UTC, which is the same calendar day in every US time zone.
 */
export const DAY_MS = 86_400_000;

export const dayOf = (at: Date): number => Math.floor(at.getTime() / DAY_MS);

export const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const dayFromIso = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

/** A moment on a day: `minutes` after midnight UTC. */
export const at = (day: number, minutes: number): Date => new Date(day * DAY_MS + minutes * 60_000);

export function ymd(day: number): { y: number; m: number; d: number } {
  const date = new Date(day * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth(), d: date.getUTCDate() };
}

/** The same day of month `months` later; the 29th–31st fall back to the month's last day (Feb 29 → Feb 28). */
export function addMonths(day: number, months: number): number {
  const { y, m, d } = ymd(day);
  const lastDay = new Date(Date.UTC(y, m + months + 1, 0)).getUTCDate();
  return Math.floor(Date.UTC(y, m + months, Math.min(d, lastDay)) / DAY_MS);
}

/** The last `count` closing days (cycle day of month) strictly before `beforeDay`, oldest first. */
export function closingDaysBefore(cycleDay: number, beforeDay: number, count: number): number[] {
  const { y, m } = ymd(beforeDay);
  let closing = Math.floor(Date.UTC(y, m, cycleDay) / DAY_MS);
  let month = m;
  let year = y;
  while (closing >= beforeDay) {
    month -= 1;
    closing = Math.floor(Date.UTC(year, month, cycleDay) / DAY_MS);
  }
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    out.unshift(closing);
    month -= 1;
    if (month < 0) {
      month += 12;
      year -= 1;
    }
    closing = Math.floor(Date.UTC(year, month, cycleDay) / DAY_MS);
  }
  return out;
}

/** Anniversaries of `openedDay` that fall in [fromDay, toDay]. */
export function anniversaries(openedDay: number, fromDay: number, toDay: number): number[] {
  const out: number[] = [];
  for (let years = 1; years < 100; years++) {
    const day = addMonths(openedDay, years * 12);
    if (day > toDay) break;
    if (day >= fromDay) out.push(day);
  }
  return out;
}

/** Calendar quarter containing a day: first day, last day and a label like 2026-Q2. */
export function quarterOf(day: number): { start: number; end: number; label: string } {
  const { y, m } = ymd(day);
  const q = Math.floor(m / 3);
  const start = Math.floor(Date.UTC(y, q * 3, 1) / DAY_MS);
  const end = Math.floor(Date.UTC(y, q * 3 + 3, 0) / DAY_MS);
  return { start, end, label: `${y}-Q${q + 1}` };
}
