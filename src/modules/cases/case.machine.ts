import { AppError } from '../../platform/errors.ts';

/**
 * The case state machine as data (Zammad style): states with their flags, events, and the moves allowed.
 * Status changes only through `transition()`; an illegal move is a 409.
 */
export const CASE_STATES = {
  new: { slaPaused: false, terminal: false, open: true, cardholderLabel: 'Received' },
  open: { slaPaused: false, terminal: false, open: true, cardholderLabel: 'In progress' },
  // Waiting for the cardholder: the SLA clock stops until they answer.
  pending_customer: { slaPaused: true, terminal: false, open: true, cardholderLabel: 'Waiting for your reply' },
  // Waiting on another team or the network: the cardholder is still waiting on us, so the clock keeps running.
  pending_internal: { slaPaused: false, terminal: false, open: true, cardholderLabel: 'In progress' },
  resolved: { slaPaused: true, terminal: false, open: false, cardholderLabel: 'Resolved' },
  closed: { slaPaused: true, terminal: true, open: false, cardholderLabel: 'Closed' },
} as const;

export type CaseState = keyof typeof CASE_STATES;
export const CASE_STATE_NAMES = Object.keys(CASE_STATES) as CaseState[];

export const CASE_EVENTS = ['start_work', 'await_customer', 'await_internal', 'customer_replied', 'agent_replied', 'resolve', 'reopen', 'close'] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

/** How long after resolution a cardholder's reply reopens the case; later, or once closed, they start a new one. */
export const REOPEN_WINDOW_DAYS = 14;

const MOVES: Record<CaseState, Partial<Record<CaseEvent, CaseState>>> = {
  new: { start_work: 'open', await_customer: 'pending_customer', await_internal: 'pending_internal', customer_replied: 'new', agent_replied: 'open', resolve: 'resolved' },
  open: { start_work: 'open', await_customer: 'pending_customer', await_internal: 'pending_internal', customer_replied: 'open', agent_replied: 'open', resolve: 'resolved' },
  pending_customer: { start_work: 'open', await_internal: 'pending_internal', customer_replied: 'open', agent_replied: 'pending_customer', resolve: 'resolved' },
  pending_internal: { start_work: 'open', await_customer: 'pending_customer', customer_replied: 'pending_internal', agent_replied: 'pending_internal', resolve: 'resolved' },
  resolved: { reopen: 'open', customer_replied: 'open', close: 'closed' },
  closed: {},
};

export function canTransition(from: CaseState, event: CaseEvent): boolean {
  return MOVES[from][event] !== undefined;
}

export function transition(from: CaseState, event: CaseEvent): CaseState {
  const to = MOVES[from][event];
  if (!to) {
    throw new AppError('invalid_state_transition', `A case that is ${from.replace('_', ' ')} cannot ${event.replace('_', ' ')}`, {
      extra: { from, event },
    });
  }
  return to;
}

export function allowedEvents(from: CaseState): CaseEvent[] {
  return CASE_EVENTS.filter((e) => canTransition(from, e));
}

export function isSlaPaused(state: CaseState): boolean {
  return CASE_STATES[state].slaPaused;
}
