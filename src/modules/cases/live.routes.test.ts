import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type Session, signIn, type TestApp } from '../../../test/helpers.ts';

/** Reads server-sent events until `predicate` matches one or the time runs out. */
async function nextEvent(url: string, token: string, trigger: () => Promise<unknown>, predicate: (e: { event: string; data: string }) => boolean, waitMs = 3000) {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const timer = setTimeout(() => controller.abort(), waitMs);
  await reader.read(); // the "connected" comment
  void trigger();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return null;
      buffer += decoder.decode(value);
      for (const block of buffer.split('\n\n').slice(0, -1)) {
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data && predicate({ event, data })) return { event, data };
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
    }
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

describe('live updates (server-sent events)', () => {
  let t: TestApp;
  let base = '';
  let holder: Session;
  let other: Session;
  let agent: Session;
  let caseId = '';
  before(async () => {
    t = await buildTestApp();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    holder = await signIn(t, 'cardholder@example.com');
    other = await signIn(t, 'cardholder2@example.com');
    agent = await signIn(t, 'agent@example.com');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/messages', headers: holder.headers, payload: { subject: 'Live', body: 'hello' } });
    caseId = res.json().id;
  });
  after(() => t.close());

  const reply = (internal = false) => t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/messages`, headers: agent.headers, payload: { body: 'An update for you.', internal } });

  it('tells the cardholder about a new reply on their case', async () => {
    const got = await nextEvent(`${base}/api/v1/events`, holder.token, () => reply(), (e) => e.event === 'message.created');
    assert.deepEqual(JSON.parse(got?.data ?? '{}'), { caseId });
  });

  it('tells staff about changes, and tells nobody else', async () => {
    const staff = await nextEvent(`${base}/api/v1/events`, agent.token, () => reply(), (e) => e.event === 'message.created');
    assert.ok(staff);
    const stranger = await nextEvent(`${base}/api/v1/events`, other.token, () => reply(), () => true, 1000);
    assert.equal(stranger, null);
  });

  it('does not signal internal notes to the cardholder', async () => {
    const got = await nextEvent(`${base}/api/v1/events`, holder.token, () => reply(true), (e) => e.event === 'message.created', 1000);
    assert.equal(got, null);
  });

  it('requires sign-in', async () => {
    const res = await fetch(`${base}/api/v1/events`);
    assert.equal(res.status, 401);
  });
});
