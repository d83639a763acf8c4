/**
 * One SLA clock: the working time it has run (a list of running segments, pauses already cut out) turned into
 * a due time, a breach verdict and the minutes left. Pure: the same segments, target, calendar and `now`
 * always give the same clock.
 */
import type { SlaClock } from './sla-policy.ts';
import { addWorkingMs, workingMsBetween } from './working-time.ts';
import type { WorkCalendar } from './work-calendar.ts';

const MINUTE_MS = 60_000;
/** 0.8 × 60 must compare equal to 48 used minutes despite binary fractions. */
const FLOAT_SLACK = 1e-9;

/** What the event replay knows about one clock. Times are epoch ms. */
export type Track = {
  hasStarted: boolean;
  /** Started and not yet met (a paused clock is still active). */
  isActive: boolean;
  /** Closed running segments [from, to): the clock counted working time only inside these. */
  segments: Array<readonly [number, number]>;
  /** Start of the segment still running at the last event, or null when not counting (paused, met, idle). */
  since: number | null;
  metAt: number | null;
};

export const newTrack = (): Track => ({ hasStarted: false, isActive: false, segments: [], since: null, metAt: null });

export const idleClock = (targetMinutes: number | null): SlaClock => ({
  targetMinutes,
  dueAt: null,
  breached: false,
  breachedAt: null,
  remainingMinutes: null,
  paused: false,
  met: false,
  metAt: null,
});

/**
 * Due time: the instant the working time spent reaches the target — found inside the segments when it
 * already happened, otherwise projected from `now` (running) or from `metAt` (met in time). A paused clock
 * that has not run out has no due time (it depends on when the pause ends).
 * Breach: the clock kept going after the due time — met after it, still running at a `now` after it, or
 * paused after it. Meeting exactly at the due instant is on time; one minute later is a breach. The test is
 * on instants, not working minutes: due Fri 17:00, replied Mon 08:59 before opening is a breach even
 * though no working minute passed after 17:00.
 */
export function evaluateTrack(track: Track, targetMinutes: number | undefined, calendar: WorkCalendar, nowMs: number): SlaClock {
  if (targetMinutes === undefined || !track.hasStarted) return idleClock(targetMinutes ?? null);
  const running = track.since !== null;
  const segments = running ? [...track.segments, [track.since!, nowMs] as const] : track.segments;
  const targetMs = targetMinutes * MINUTE_MS;
  let spent = 0;
  let dueMs: number | null = null;
  for (const [from, to] of segments) {
    const worked = workingMsBetween(from, to, calendar);
    if (dueMs === null && spent + worked >= targetMs) dueMs = addWorkingMs(from, targetMs - spent, calendar);
    spent += worked;
  }
  const met = !track.isActive;
  const paused = track.isActive && !running;
  const stoppedAt = met ? track.metAt! : running ? nowMs : (segments.at(-1)?.[1] ?? Number.NEGATIVE_INFINITY);
  if (dueMs === null && running) dueMs = addWorkingMs(nowMs, targetMs - spent, calendar);
  if (dueMs === null && met) dueMs = addWorkingMs(track.metAt!, targetMs - spent, calendar);
  const breached = dueMs !== null && stoppedAt > dueMs;
  const dueAt = dueMs === null || (paused && !breached) ? null : new Date(dueMs);
  return {
    targetMinutes,
    dueAt,
    breached,
    breachedAt: breached ? dueAt : null,
    remainingMinutes: met ? null : (targetMs - spent) / MINUTE_MS,
    paused,
    met,
    metAt: met ? new Date(track.metAt!) : null,
  };
}

export type RiskThreshold = { warnFraction: number } | { warnMinutes: number };

/**
 * A running clock close to its due time: at least `warnFraction` of the target used (default 0.8), or at most
 * `warnMinutes` working minutes left. Breached, met, paused and idle clocks are not "at risk" (a breach is
 * reported by `breached`; a paused clock does not move). `clock` should be computed at `now`; a clock computed
 * earlier whose due time `now` has reached also counts as at risk.
 */
export function isAtRisk(clock: SlaClock, now: Date, threshold: RiskThreshold = { warnFraction: 0.8 }): boolean {
  if ('warnMinutes' in threshold ? !(threshold.warnMinutes >= 0) : !(threshold.warnFraction > 0 && threshold.warnFraction <= 1)) {
    throw new RangeError(`bad risk threshold ${JSON.stringify(threshold)}: warnFraction in (0, 1] or warnMinutes ≥ 0`);
  }
  const { dueAt, remainingMinutes, targetMinutes } = clock;
  if (clock.met || clock.paused || clock.breached || dueAt === null || remainingMinutes === null || targetMinutes === null) return false;
  if (now.getTime() >= dueAt.getTime()) return true;
  if ('warnMinutes' in threshold) return remainingMinutes <= threshold.warnMinutes;
  return targetMinutes - remainingMinutes >= threshold.warnFraction * targetMinutes - FLOAT_SLACK;
}
