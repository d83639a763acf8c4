import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSessionCache } from './session-cache.ts';
import type { SessionWithUser } from './sessions.repo.ts';

const row = (sessionId: string): SessionWithUser => ({
  session_id: sessionId,
  csrf_token: 'csrf',
  last_seen_at: new Date('2026-06-15T14:00:00Z'),
  expires_at: new Date('2026-06-16T02:00:00Z'),
  revoked_at: null,
  user_id: 'usr_1',
  email: 'a@example.com',
  role: 'cardholder',
  customer_id: 'cus_1',
  display_name: 'A',
  agent_code: null,
  disabled_at: null,
});

describe('session cache', () => {
  it('remembers a session for ttlMs of process time, then asks the database again', () => {
    let t = 0;
    const cache = createSessionCache({ ttlMs: 5000, max: 10, monotonicMs: () => t, random: () => 0 });
    cache.set('tok', row('ses_1'));
    t = 5000;
    assert.equal(cache.get('tok')?.session_id, 'ses_1');
    t = 5001;
    assert.equal(cache.get('tok'), undefined);
    assert.equal(cache.size, 0);
  });

  it('spreads the expiry of sessions cached together over the second half of ttlMs', () => {
    let t = 0;
    const draws = [0, 0.5, 0.999];
    const cache = createSessionCache({ ttlMs: 4000, max: 10, monotonicMs: () => t, random: () => draws.shift()! });
    for (const id of ['ses_a', 'ses_b', 'ses_c']) cache.set(id, row(id));
    const alive = () => ['ses_a', 'ses_b', 'ses_c'].filter((id) => cache.get(id) !== undefined);
    t = 2000;
    assert.deepEqual(alive(), ['ses_a', 'ses_b', 'ses_c']);
    t = 2005; // c lived 4000 × (1 − 0.5 × 0.999) ≈ 2002 ms
    assert.deepEqual(alive(), ['ses_a', 'ses_b']);
    t = 3001; // b lived 3000 ms
    assert.deepEqual(alive(), ['ses_a']);
    t = 4001;
    assert.deepEqual(alive(), []);
  });

  it('forgets a signed-out session by its id', () => {
    const cache = createSessionCache({ ttlMs: 5000, max: 10, monotonicMs: () => 0 });
    cache.set('tok1', row('ses_1'));
    cache.set('tok2', row('ses_2'));
    cache.forgetSession('ses_1');
    assert.equal(cache.get('tok1'), undefined);
    assert.equal(cache.get('tok2')?.session_id, 'ses_2');
    cache.forgetSession('ses_unknown');
    assert.equal(cache.size, 1);
  });

  it('holds at most max sessions, dropping the oldest', () => {
    const cache = createSessionCache({ ttlMs: 5000, max: 2, monotonicMs: () => 0 });
    cache.set('a', row('ses_a'));
    cache.set('b', row('ses_b'));
    cache.set('c', row('ses_c'));
    assert.equal(cache.get('a'), undefined);
    assert.deepEqual([cache.get('b')?.session_id, cache.get('c')?.session_id], ['ses_b', 'ses_c']);
    cache.forgetSession('ses_a'); // its index entry went with it
    assert.equal(cache.size, 2);
  });
});
