import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, problem, signIn, type TestApp } from '../../../test/helpers.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../demo/seed-demo.ts';
import { totpCode } from '../../platform/auth/totp.ts';

describe('sign-in and sessions', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  const post = (payload: object, remoteAddress = '127.0.0.1') => t.app.inject({ method: 'POST', url: '/api/v1/session', payload, remoteAddress });

  it('signs a cardholder in with e-mail and password, setting an HttpOnly SameSite cookie', async () => {
    const res = await post({ email: 'Cardholder@Example.com', password: DEMO_PASSWORD });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.user.role, 'cardholder');
    assert.match(body.user.customerId, /^cus_/);
    assert.equal(body.user.agentCode, undefined);
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /cardcare_session=ccs_/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${body.token}` } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.email, 'cardholder@example.com');
    assert.equal(me.json().csrfToken, body.csrfToken);
    const viaCookie = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { cardcare_session: body.token } });
    assert.equal(viaCookie.statusCode, 200);
  });

  it('answers a wrong password and an unknown e-mail identically', async () => {
    const wrong = await post({ email: 'cardholder2@example.com', password: 'not-it' }, '10.1.0.1');
    const unknown = await post({ email: 'nobody@example.com', password: 'not-it' }, '10.1.0.2');
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.deepEqual({ ...problem(wrong), instance: undefined }, { ...problem(unknown), instance: undefined });
    assert.equal(problem(wrong).code, 'invalid_credentials');
  });

  it('asks staff for the TOTP code, refuses a wrong one and accepts the right one', async () => {
    const noCode = await post({ email: 'agent@example.com', password: DEMO_PASSWORD });
    assert.equal(noCode.statusCode, 401);
    assert.equal(problem(noCode).code, 'totp_required');
    const badCode = await post({ email: 'agent@example.com', password: DEMO_PASSWORD, totp: '000000' });
    assert.equal(problem(badCode).code, 'invalid_totp');
    const code = await totpCode(DEMO_TOTP_SECRET, t.clock.now());
    const ok = await post({ email: 'agent@example.com', password: DEMO_PASSWORD, totp: code });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().user.role, 'agent');
    assert.match(ok.json().user.agentCode, /^AGT-/);
    assert.ok(ok.json().user.displayName.length > 3);
  });

  it('locks an account after five failures and lets it in again after the lock expires', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await post({ email: 'compliance@example.com', password: `bad-${i}` }, '10.2.0.1')).statusCode, 401);
    const code = await totpCode(DEMO_TOTP_SECRET, t.clock.now());
    const locked = await post({ email: 'compliance@example.com', password: DEMO_PASSWORD, totp: code }, '10.2.0.1');
    assert.equal(locked.statusCode, 429);
    assert.equal(problem(locked).code, 'account_locked');
    assert.ok(Number(locked.headers['retry-after']) > 0);
    t.clock.advance(16 * 60_000);
    const later = await post({ email: 'compliance@example.com', password: DEMO_PASSWORD, totp: await totpCode(DEMO_TOTP_SECRET, t.clock.now()) }, '10.2.0.1');
    assert.equal(later.statusCode, 200);
  });

  it('limits failures per client address across accounts', async () => {
    for (let i = 0; i < 20; i++) await post({ email: `guess${i}@example.com`, password: 'x' }, '10.3.0.1');
    const blocked = await post({ email: 'cardholder@example.com', password: DEMO_PASSWORD }, '10.3.0.1');
    assert.equal(blocked.statusCode, 429);
    assert.equal(problem(blocked).code, 'rate_limited');
    const elsewhere = await post({ email: 'cardholder@example.com', password: DEMO_PASSWORD }, '10.3.0.2');
    assert.equal(elsewhere.statusCode, 200);
  });

  it('expires an idle session and an old one, answering 401 session_expired', async () => {
    const s = await signIn(t, 'cardholder@example.com');
    t.clock.advance(31 * 60_000);
    const idle = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers });
    assert.equal(idle.statusCode, 401);
    assert.equal(problem(idle).code, 'session_expired');

    const busy = await signIn(t, 'cardholder@example.com');
    for (let h = 0; h < 12 * 3; h++) {
      t.clock.advance(20 * 60_000);
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: busy.headers });
      if (h < 12 * 3 - 1) assert.equal(res.statusCode, 200, `still valid after ${(h + 1) * 20} minutes of activity`);
      else assert.equal(problem(res).code, 'session_expired', 'absolute expiry after 12 hours');
    }
  });

  it('requires the CSRF token on cookie-authenticated writes and signs out', async () => {
    const s = await signIn(t, 'cardholder2@example.com');
    const cookies = { cardcare_session: s.token };
    const forged = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', cookies });
    assert.equal(forged.statusCode, 403);
    assert.equal(problem(forged).code, 'csrf_failed');
    const out = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', cookies, headers: { 'x-csrf-token': s.csrfToken } });
    assert.equal(out.statusCode, 204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: s.headers });
    assert.equal(problem(after).code, 'session_expired');
  });

  it('answers 401 unauthenticated without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    assert.equal(res.statusCode, 401);
    assert.equal(problem(res).code, 'unauthenticated');
  });

  it('audits sign-ins and failures', async () => {
    const { rows } = await t.database.pool.query<{ action: string; n: number }>(
      'SELECT action, count(*)::int AS n FROM audit_log GROUP BY action',
    );
    const counts: Record<string, number> = Object.fromEntries(rows.map((r) => [r.action, r.n]));
    const n = (action: string) => counts[action] ?? 0;
    assert.ok(n('session.sign_in') >= 3);
    assert.ok(n('session.sign_in_failed') >= 2);
    assert.equal(n('account.locked_out'), 1);
    assert.ok(n('session.sign_out') >= 1);
  });
});
