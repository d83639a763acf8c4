import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Session, signIn, type TestApp, buildTestApp } from '../../../test/helpers.ts';

describe('rights words in secure messages', () => {
  let t: TestApp;
  let holder: Session;
  let agent: Session;
  before(async () => {
    t = await buildTestApp();
    holder = await signIn(t, 'cardholder@example.com');
    agent = await signIn(t, 'agent@example.com');
  });
  after(() => t.close());
  const post = (url: string, s: Session, payload: unknown) => t.app.inject({ method: 'POST', url, headers: s.headers, payload: payload as string });

  it('a first message asking for a supervisor opens the case with a supervisor and says what happens next', async () => {
    const res = await post('/api/v1/messages', holder, { subject: 'Fee', body: 'This is unacceptable, I want to speak to a supervisor.' });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().queue, 'supervisor');
    assert.equal(res.json().nextSteps.escalated, true);
  });

  it('a reply that disputes a charge flags the case without escalating; agents\u2019 words never count', async () => {
    const opened = await post('/api/v1/messages', holder, { subject: 'Question', body: 'What is this charge?' });
    assert.equal(opened.json().nextSteps, null);
    const id = opened.json().id;
    const reply = await post(`/api/v1/cases/${id}/messages`, holder, { body: 'I dispute this charge.' });
    assert.equal(reply.statusCode, 201, reply.body);
    assert.equal(reply.json().nextSteps.kind, 'dispute');
    assert.equal(reply.json().queue, opened.json().queue);
    const byAgent = await post(`/api/v1/cases/${id}/messages`, agent, { body: 'If you want, you can escalate to a supervisor.' });
    assert.equal(byAgent.json().nextSteps, null);
  });
});
