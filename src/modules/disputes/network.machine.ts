import { AppError } from '../../platform/errors.ts';

/**
 * The network (chargeback) track as data (CONVENTIONS habit 5): states with their flags and the cardholder's
 * plain-language status, staff actions, and the moves allowed. Changes only through `networkTransition()`;
 * an illegal move is a 409. REFERENCE.md: intake → evidence → submitted → representment → pre-arbitration →
 * arbitration → won / lost / withdrawn / expired.
 */
export const NETWORK_STATES = {
  intake: { terminal: false, label: 'Received', text: 'We have your dispute and are reviewing it.' },
  evidence: { terminal: false, label: 'Gathering information', text: 'We are gathering the information needed to challenge the charge.' },
  submitted: { terminal: false, label: 'Sent to the card network', text: 'We have challenged the charge with the merchant through the card network and are waiting for an answer.' },
  representment: { terminal: false, label: 'Merchant responded', text: 'The merchant has responded to the challenge; we are reviewing their answer.' },
  pre_arbitration: { terminal: false, label: 'Under further review', text: 'We disagreed with the merchant’s answer and asked the network to look again.' },
  arbitration: { terminal: false, label: 'With the card network for a decision', text: 'The card network is deciding the dispute.' },
  won: { terminal: true, label: 'Decided in your favor', text: 'The charge was decided in your favor.' },
  lost: { terminal: true, label: 'Decided for the merchant', text: 'The network decided the charge was valid. We will explain why in a message on your case.' },
  withdrawn: { terminal: true, label: 'Withdrawn', text: 'The challenge with the merchant was withdrawn.' },
  expired: { terminal: true, label: 'Closed (time limit passed)', text: 'The network’s time limit for this challenge passed.' },
} as const;

export type NetworkState = keyof typeof NETWORK_STATES;
export const NETWORK_STATE_NAMES = Object.keys(NETWORK_STATES) as NetworkState[];

/** Staff actions, as they appear in `POST /api/v1/disputes/:id/:action`. */
export const NETWORK_ACTIONS = ['collect-evidence', 'submit', 'representment', 'pre-arbitration', 'arbitration', 'win', 'lose', 'withdraw', 'expire'] as const;
export type NetworkAction = (typeof NETWORK_ACTIONS)[number];

const OPEN_BEFORE_SUBMISSION = { withdraw: 'withdrawn', expire: 'expired' } as const;

export const NETWORK_MOVES: Readonly<Record<NetworkState, Partial<Record<NetworkAction, NetworkState>>>> = {
  intake: { 'collect-evidence': 'evidence', submit: 'submitted', ...OPEN_BEFORE_SUBMISSION },
  evidence: { submit: 'submitted', ...OPEN_BEFORE_SUBMISSION },
  submitted: { representment: 'representment', win: 'won', ...OPEN_BEFORE_SUBMISSION },
  representment: { 'pre-arbitration': 'pre_arbitration', win: 'won', lose: 'lost', ...OPEN_BEFORE_SUBMISSION },
  pre_arbitration: { arbitration: 'arbitration', win: 'won', lose: 'lost', ...OPEN_BEFORE_SUBMISSION },
  arbitration: { win: 'won', lose: 'lost', expire: 'expired' },
  won: {},
  lost: {},
  withdrawn: {},
  expired: {},
};

export function networkTransition(from: NetworkState, action: NetworkAction): NetworkState {
  const to = NETWORK_MOVES[from][action];
  if (!to) {
    throw new AppError('invalid_state_transition', `A dispute whose network track is ${from.replace('_', ' ')} cannot move by "${action}"`, {
      extra: { from, action, allowed: allowedNetworkActions(from) },
    });
  }
  return to;
}

export function allowedNetworkActions(from: NetworkState): NetworkAction[] {
  return NETWORK_ACTIONS.filter((a) => NETWORK_MOVES[from][a] !== undefined);
}

/** The regulatory track's states (REFERENCE.md): notice received → acknowledged → provisional credit → resolved. */
export const REGULATORY_STATES = {
  notice_received: { label: 'Notice received' },
  acknowledged: { label: 'Acknowledged in writing' },
  provisional_credit_granted: { label: 'Temporary credit posted' },
  provisional_credit_reverted: { label: 'Temporary credit reversed' },
  resolved: { label: 'Resolved; notice sent' },
} as const;
export type RegulatoryState = keyof typeof REGULATORY_STATES;
