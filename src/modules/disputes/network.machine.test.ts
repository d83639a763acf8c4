import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedNetworkActions, NETWORK_ACTIONS, NETWORK_MOVES, NETWORK_STATE_NAMES, NETWORK_STATES, networkTransition } from './network.machine.ts';

describe('network track state machine', () => {
  it('walks the whole table: every listed move lands, every other move is a 409', () => {
    for (const from of NETWORK_STATE_NAMES) {
      for (const action of NETWORK_ACTIONS) {
        const to = NETWORK_MOVES[from][action];
        if (to) assert.equal(networkTransition(from, action), to);
        else assert.throws(() => networkTransition(from, action), (e: { status?: number; code?: string }) => e.status === 409 && e.code === 'invalid_state_transition');
      }
    }
  });

  it('has no way out of a terminal state and a way out of every other state', () => {
    for (const s of NETWORK_STATE_NAMES) assert.equal(allowedNetworkActions(s).length === 0, NETWORK_STATES[s].terminal, s);
  });

  it('reaches every state from intake', () => {
    const seen = new Set(['intake']);
    const queue = ['intake'] as (keyof typeof NETWORK_STATES)[];
    while (queue.length) {
      const s = queue.shift()!;
      for (const to of Object.values(NETWORK_MOVES[s])) if (to && !seen.has(to)) (seen.add(to), queue.push(to));
    }
    assert.deepEqual([...seen].sort(), [...NETWORK_STATE_NAMES].sort());
  });
});
