/**
 * computeSla(policy, calendar, history, now): the three SLA clocks of a case, replayed from its SLA events.
 * Pure (CONVENTIONS habit 6): no clock is read; events after `now` are ignored, so a test can travel in time.
 *
 * Rules (Zammad's first-response / update / solution escalations, with Zendesk's "next reply" counting):
 * - First response runs from 'opened' until the first 'agent_reply'. Customer messages before that reply add
 *   no clock: the first response already covers them.
 * - Next response runs from the first customer message that is still unanswered — the first 'customer_message'
 *   after the latest agent reply — until the next 'agent_reply'. Further customer messages in the same
 *   unanswered run do not restart it (else a customer writing twice would push the promise out). Each run is
 *   a new cycle; the result shows the latest cycle (LIMITATION: earlier cycles' breaches are not returned).
 * - Resolution runs from 'opened' until 'resolved'.
 * - 'paused' … 'resumed': no clock counts working time in between; every due time moves out by the working
 *   time the pause covered. A paused clock shows dueAt = null and its frozen remainingMinutes (decision: a
 *   projected due time would be wrong as soon as the pause outlasts it).
 * - 'resolved' stops every running clock: the resolution is met, and a first or next response still owed is
 *   counted as met at the resolution (the resolution answers the customer; a breach already incurred stays).
 *   A pause ends with the resolution.
 * - 'reopened' (only after 'resolved') restarts the resolution clock, accumulating on top of the working time
 *   already spent (decision: a reopen continues the same promise to the customer rather than granting a fresh
 *   budget; a case reopened after using 3 of 24 hours has 21 left). The first response is not restarted; a
 *   customer message on the reopened case starts a next-response cycle (the case service records 'reopened'
 *   before the message that caused it; a message while resolved starts nothing).
 * - Duplicate or out-of-place events ('agent_reply' before 'opened', 'resumed' without 'paused', a second
 *   'opened') are ignored. Events are ordered by time; ties keep their given order.
 */
import { evaluateTrack, newTrack, type Track } from './sla-clock.ts';
import type { SlaEvent, SlaPolicy, SlaStatus } from './sla-policy.ts';
import type { WorkCalendar } from './work-calendar.ts';

type Replay = {
  isOpened: boolean;
  isResolved: boolean;
  isPaused: boolean;
  first: Track;
  next: Track;
  resolution: Track;
};

function start(track: Track): void {
  track.hasStarted = true;
  track.isActive = true;
  track.metAt = null;
}

function meet(track: Track, at: number): void {
  if (!track.isActive) return;
  track.isActive = false;
  track.metAt = at;
}

/** Opens or closes the running segment of each clock after its state changed at `at`. */
function sync(state: Replay, at: number): void {
  for (const track of [state.first, state.next, state.resolution]) {
    const counting = track.isActive && !state.isPaused;
    if (counting && track.since === null) track.since = at;
    if (!counting && track.since !== null) {
      if (at > track.since) track.segments.push([track.since, at]);
      track.since = null;
    }
  }
}

function apply(state: Replay, event: SlaEvent, at: number): void {
  const isLive = state.isOpened && !state.isResolved;
  switch (event.type) {
    case 'opened':
      if (state.isOpened) return;
      state.isOpened = true;
      start(state.first);
      start(state.resolution);
      return;
    case 'agent_reply':
      if (!isLive) return;
      meet(state.first, at);
      meet(state.next, at);
      return;
    case 'customer_message':
      if (!isLive || state.first.isActive || state.next.isActive) return;
      state.next = newTrack(); // a new cycle; the previous one is done
      start(state.next);
      return;
    case 'paused':
      if (isLive) state.isPaused = true;
      return;
    case 'resumed':
      state.isPaused = false;
      return;
    case 'resolved':
      if (!isLive) return;
      state.isResolved = true;
      state.isPaused = false;
      meet(state.first, at);
      meet(state.next, at);
      meet(state.resolution, at);
      return;
    case 'reopened':
      if (!state.isResolved) return;
      state.isResolved = false;
      start(state.resolution);
      return;
  }
}

export function computeSla(policy: SlaPolicy, calendar: WorkCalendar, history: readonly SlaEvent[], now: Date): SlaStatus {
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('invalid now');
  const events = history.map((event, i) => {
    const at = event.at.getTime();
    if (Number.isNaN(at)) throw new RangeError(`invalid time on ${event.type} event #${i}`);
    return { event, at, i };
  });
  const past = events.filter(({ at }) => at <= nowMs).sort((a, b) => a.at - b.at || a.i - b.i);
  const state: Replay = { isOpened: false, isResolved: false, isPaused: false, first: newTrack(), next: newTrack(), resolution: newTrack() };
  for (const { event, at } of past) {
    apply(state, event, at);
    sync(state, at);
  }
  return {
    firstResponse: evaluateTrack(state.first, policy.targets.firstResponse, calendar, nowMs),
    nextResponse: evaluateTrack(state.next, policy.targets.nextResponse, calendar, nowMs),
    resolution: evaluateTrack(state.resolution, policy.targets.resolution, calendar, nowMs),
  };
}
