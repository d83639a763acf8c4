import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../platform/errors.ts';
import { CASE_EVENTS, CASE_STATE_NAMES, CASE_STATES, canTransition, type CaseEvent, type CaseState, transition } from './case.machine.ts';

// The whole table, written out: every (state, event) pair and where it leads, or null when refused.
const EXPECTED: Record<CaseState, Record<CaseEvent, CaseState | null>> = {
  new: { start_work: 'open', await_customer: 'pending_customer', await_internal: 'pending_internal', customer_replied: 'new', agent_replied: 'open', resolve: 'resolved', reopen: null, close: null },
  open: { start_work: 'open', await_customer: 'pending_customer', await_internal: 'pending_internal', customer_replied: 'open', agent_replied: 'open', resolve: 'resolved', reopen: null, close: null },
  pending_customer: { start_work: 'open', await_customer: null, await_internal: 'pending_internal', customer_replied: 'open', agent_replied: 'pending_customer', resolve: 'resolved', reopen: null, close: null },
  pending_internal: { start_work: 'open', await_customer: 'pending_customer', await_internal: null, customer_replied: 'pending_internal', agent_replied: 'pending_internal', resolve: 'resolved', reopen: null, close: null },
  resolved: { start_work: null, await_customer: null, await_internal: null, customer_replied: 'open', agent_replied: null, resolve: null, reopen: 'open', close: 'closed' },
  closed: { start_work: null, await_customer: null, await_internal: null, customer_replied: null, agent_replied: null, resolve: null, reopen: null, close: null },
};

describe('case state machine', () => {
  for (const state of CASE_STATE_NAMES) {
    for (const event of CASE_EVENTS) {
      const expected = EXPECTED[state][event];
      it(`${state} --${event}--> ${expected ?? '409'}`, () => {
        assert.equal(canTransition(state, event), expected !== null);
        if (expected) assert.equal(transition(state, event), expected);
        else {
          assert.throws(() => transition(state, event), (e: unknown) => e instanceof AppError && e.status === 409 && e.code === 'invalid_state_transition');
        }
      });
    }
  }
  it('pauses the SLA only while waiting for the cardholder or after resolution', () => {
    const paused = CASE_STATE_NAMES.filter((s) => CASE_STATES[s].slaPaused);
    assert.deepEqual(paused, ['pending_customer', 'resolved', 'closed']);
  });
  it('has exactly one terminal state', () => {
    assert.deepEqual(CASE_STATE_NAMES.filter((s) => CASE_STATES[s].terminal), ['closed']);
  });
});
