import { addBusinessDays, addCalendarDays, type IsoDate, localDate } from '../calendars/index.ts';
import type { ComplaintPolicy } from './complaint-policy.ts';

/**
 * Complaint clocks, pure. Everything counts from the date of receipt in the issuer's time zone (a letter
 * opened at 23:30 in New York on the 31st was received on the 31st, whatever UTC says).
 *
 * - Acknowledgment: `acknowledgmentBusinessDays` business days after receipt (default 1) on the holiday
 *   calendar; the day of receipt is day zero, so a complaint received on a Saturday, a holiday or the Friday
 *   before Thanksgiving is acknowledged by the next business day after it (Mon 30 Nov, … Mon 23 Nov).
 * - Response: 15 calendar days; final: 60 calendar days (CFPB portal expectations, REFERENCE.md Complaints).
 *   Calendar days, never months: 31 January + 15 = 15 February and + 60 = 1 April (31 March in a leap year);
 *   nothing is clamped to a month end, and a due date on a weekend or holiday is NOT moved later — the
 *   regulator's clock does not stop, so the deadline stays the earlier, safe one.
 * A regulator complaint has no acknowledgment clock (the portal acknowledges it).
 */
export type DueDates = { acknowledgment: IsoDate | null; response: IsoDate; final: IsoDate };

export function receiptDate(receivedAt: Date, timeZone: string): IsoDate {
  return localDate(receivedAt, timeZone);
}

export function complaintDueDates(receivedOn: IsoDate, policy: Pick<ComplaintPolicy, 'acknowledgmentBusinessDays' | 'responseCalendarDays' | 'finalCalendarDays' | 'calendar'>, options: { regulator?: boolean } = {}): DueDates {
  return {
    acknowledgment: options.regulator ? null : addBusinessDays(receivedOn, policy.acknowledgmentBusinessDays, policy.calendar),
    response: addCalendarDays(receivedOn, policy.responseCalendarDays),
    final: addCalendarDays(receivedOn, policy.finalCalendarDays),
  };
}

/**
 * One clock of one complaint on a given day: done on or before its due date (on_time), done after it (late),
 * not done and past it (overdue), not done and not yet due (pending), or no such clock (none).
 * Due dates are inclusive: done on the due date is on time; overdue starts the day after.
 */
export type ClockOutcome = 'on_time' | 'late' | 'overdue' | 'pending' | 'none';

export function clockOutcome(due: IsoDate | null, doneOn: IsoDate | null, today: IsoDate): ClockOutcome {
  if (!due) return 'none';
  if (doneOn) return doneOn <= due ? 'on_time' : 'late';
  return today > due ? 'overdue' : 'pending';
}

/**
 * On-time rate of one clock over a set of complaints: done on time ÷ due so far, where "due so far" counts
 * every complaint whose outcome is decided — done (on time or late) or past its due date undone (overdue).
 * Complaints still inside their window and undone are left out (they may yet be on time). Null with nothing due.
 */
export type OnTime = { onTime: number; dueSoFar: number; rate: number | null };

export function onTimeRate(outcomes: ClockOutcome[]): OnTime {
  const onTime = outcomes.filter((o) => o === 'on_time').length;
  const dueSoFar = outcomes.filter((o) => o === 'on_time' || o === 'late' || o === 'overdue').length;
  return { onTime, dueSoFar, rate: dueSoFar === 0 ? null : Math.round((onTime / dueSoFar) * 10_000) / 10_000 };
}
