/** Calendars shared by the SLA tests. */
import type { WorkCalendar } from './work-calendar.ts';

export const ROUND_THE_CLOCK: WorkCalendar = { type: '24x7' };

/** Mon–Fri 09:00–17:00 New York, US Federal Reserve holidays (Thanksgiving 2026-11-26 is closed). */
export const NEW_YORK_FED: WorkCalendar = {
  type: 'business_hours',
  timeZone: 'America/New_York',
  windows: [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' }],
  holidayCalendar: 'us_federal_reserve',
};

/** Mon–Fri 09:00–12:00 and 13:00–18:00 Tokyo (UTC+9, no DST), no holidays. */
export const TOKYO_WITH_LUNCH: WorkCalendar = {
  type: 'business_hours',
  timeZone: 'Asia/Tokyo',
  windows: [
    { days: [1, 2, 3, 4, 5], open: '09:00', close: '12:00' },
    { days: [1, 2, 3, 4, 5], open: '13:00', close: '18:00' },
  ],
};

/** Mon–Fri 09:00–17:00 Sydney: AEDT (UTC+11) until 2026-04-05, AEST (UTC+10) until 2026-10-04. No holidays. */
export const SYDNEY: WorkCalendar = {
  type: 'business_hours',
  timeZone: 'Australia/Sydney',
  windows: [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' }],
};

/** Every day 00:00–24:00 New York: the same as 24x7 except on holidays (none here). */
export const NEW_YORK_ALL_DAY: WorkCalendar = {
  type: 'business_hours',
  timeZone: 'America/New_York',
  windows: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00' }],
};

/** Every day 01:00–03:00 New York: the window DST cuts or stretches. */
export const NEW_YORK_NIGHT: WorkCalendar = {
  type: 'business_hours',
  timeZone: 'America/New_York',
  windows: [{ days: [1, 2, 3, 4, 5, 6, 7], open: '01:00', close: '03:00' }],
};
