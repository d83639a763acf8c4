import type { StaffActor } from '../../platform/auth/actor.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { US_FEDERAL_RESERVE, type HolidayCalendar } from '../calendars/index.ts';
import type { CaseDeps, RequestMeta } from './case-engine.ts';

/**
 * What the dispute use cases need: the case engine's dependencies plus the business-day calendar.
 * LIMITATION: the calendar is the built-in US Federal Reserve one; the issuer profile has no calendar setting yet.
 */
export type DisputeDeps = CaseDeps & { calendar: HolidayCalendar };
export type { Actor, RequestMeta, StaffActor };

export const withCalendar = (c: CaseDeps, calendar: HolidayCalendar = US_FEDERAL_RESERVE): DisputeDeps => ({ ...c, calendar });
