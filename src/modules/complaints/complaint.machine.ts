import { AppError } from '../../platform/errors.ts';

/** Complaint states as data. Closing needs a written response and a root cause (checked in close-complaint). */
export const COMPLAINT_STATES = {
  received: { terminal: false, label: 'Received' },
  acknowledged: { terminal: false, label: 'Acknowledged' },
  responded: { terminal: false, label: 'Answered' },
  closed: { terminal: true, label: 'Closed' },
} as const;
export type ComplaintState = keyof typeof COMPLAINT_STATES;
export const COMPLAINT_STATE_NAMES = Object.keys(COMPLAINT_STATES) as ComplaintState[];

export type ComplaintEvent = 'acknowledge' | 'respond' | 'close';

const MOVES: Record<ComplaintState, Partial<Record<ComplaintEvent, ComplaintState>>> = {
  received: { acknowledge: 'acknowledged', respond: 'responded' },
  acknowledged: { respond: 'responded' },
  responded: { respond: 'responded', close: 'closed' },
  closed: {},
};

export function complaintTransition(from: ComplaintState, event: ComplaintEvent): ComplaintState {
  const to = MOVES[from][event];
  if (to) return to;
  if (event === 'close' && from !== 'closed') {
    throw new AppError('complaint_response_required', 'Store a written response on the complaint\u2019s case (POST /api/v1/complaints/:id/respond) before closing it', { extra: { from } });
  }
  throw new AppError('invalid_state_transition', `A complaint that is ${from} cannot ${event}`, { extra: { from, event } });
}

export function canMove(from: ComplaintState, event: ComplaintEvent): boolean {
  return MOVES[from][event] !== undefined;
}
