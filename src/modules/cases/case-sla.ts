import { CASE_STATES, type CaseState } from './case.machine.ts';
import type { CaseEventRow } from './cases.repo.ts';
import type { ServicePolicy } from './service-policy.ts';
import { computeSla, isAtRisk, type SlaClock, type SlaEvent, type SlaPolicy, type SlaStatus } from './sla/index.ts';

/**
 * The case timeline is the SLA history: opening, cardholder messages, agent replies (not internal notes),
 * and state changes in and out of states that pause the clock, resolution and reopening.
 *
 * An escalation to a supervisor starts the supervisor policy's clocks afresh at the escalation (issue 4,
 * item 1): the tighter promise is made when the cardholder asks, so it is measured from then. Replaying the
 * supervisor targets from the original opening would count an agent's earlier reply as the supervisor's first
 * response, and would breach a case escalated days after it opened at the very moment it was escalated.
 * A case escalated while in a state that pauses the SLA stays paused until it leaves that state.
 */
export function slaEventsFrom(events: Pick<CaseEventRow, 'kind' | 'at' | 'data'>[]): SlaEvent[] {
  let out: SlaEvent[] = [];
  let state: CaseState | null = null;
  for (const e of events) {
    if (e.kind === 'state_changed') state = e.data.to as CaseState;
    if (e.kind === 'escalated' && e.data.to === 'supervisor') {
      out = [{ type: 'opened', at: e.at }];
      if (state && CASE_STATES[state]?.slaPaused) out.push({ type: 'paused', at: e.at });
    } else if (e.kind === 'opened') out.push({ type: 'opened', at: e.at });
    else if (e.kind === 'message') out.push({ type: e.data.authorRole === 'cardholder' ? 'customer_message' : 'agent_reply', at: e.at });
    else if (e.kind === 'state_changed') {
      const from = e.data.from as CaseState;
      const to = e.data.to as CaseState;
      if (to === 'resolved') out.push({ type: 'resolved', at: e.at });
      else if (from === 'resolved') {
        out.push({ type: 'reopened', at: e.at });
        if (CASE_STATES[to]?.slaPaused) out.push({ type: 'paused', at: e.at });
      } else if (CASE_STATES[to]?.slaPaused && !CASE_STATES[from]?.slaPaused) out.push({ type: 'paused', at: e.at });
      else if (!CASE_STATES[to]?.slaPaused && CASE_STATES[from]?.slaPaused) out.push({ type: 'resumed', at: e.at });
    }
  }
  return out;
}

export function computeCaseSla(policy: ServicePolicy, slaPolicy: SlaPolicy, history: SlaEvent[], now: Date): SlaStatus {
  const calendar = policy.calendars.get(slaPolicy.calendarId);
  if (!calendar) throw new Error(`SLA policy ${slaPolicy.id} names an unknown calendar`);
  return computeSla(slaPolicy, calendar, history, now);
}

/** The due times stored on the case row, for queue ordering and the breach sweep (null while met, idle or paused). */
export function dueColumns(status: SlaStatus) {
  const live = (c: SlaClock) => (c.met ? null : c.dueAt);
  return {
    first_response_due_at: live(status.firstResponse),
    next_response_due_at: live(status.nextResponse),
    resolution_due_at: live(status.resolution),
  };
}

export type SlaClockView = { dueAt: string | null; breached: boolean; paused: boolean; met: boolean; remainingMinutes: number | null; atRisk: boolean };

export function slaView(policyId: string, status: SlaStatus, now: Date, warnFraction: number) {
  const view = (c: SlaClock): SlaClockView => ({
    dueAt: c.dueAt?.toISOString() ?? null,
    breached: c.breached,
    paused: c.paused,
    met: c.met,
    remainingMinutes: c.remainingMinutes === null ? null : Math.round(c.remainingMinutes),
    atRisk: isAtRisk(c, now, { warnFraction }),
  });
  return { policy: policyId, firstResponse: view(status.firstResponse), nextResponse: view(status.nextResponse), resolution: view(status.resolution) };
}
