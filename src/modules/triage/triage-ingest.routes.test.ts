import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type Session, signIn, type TestApp } from '../../../test/helpers.ts';

// Message ingest through the classifier (issue 7, item 5): the label's case type, queue and priority when it is
// confident, the phrase rules' urgent words on top, and a person's general queue below the threshold.
describe('Secure Message Center ingest uses the triage classifier', () => {
  let t: TestApp;
  let holder: Session;
  before(async () => {
    t = await buildTestApp();
    holder = await signIn(t, 'cardholder@example.com');
  });
  after(() => t.close());

  async function open(subject: string, body: string) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/messages', headers: holder.headers, payload: { subject, body } });
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json().id as string;
    const { rows } = await t.database.pool.query(
      "SELECT c.type, c.queue, c.priority, e.data FROM cases c JOIN case_events e ON e.case_id = c.id AND e.kind = 'opened' WHERE c.id = $1",
      [id],
    );
    const row = rows[0] as { type: string; queue: string; priority: string; data: { matched: string[] } };
    return { type: row.type, queue: row.queue, priority: row.priority, matched: row.data.matched };
  }

  const table: Array<[string, string, string, string, string, string | null]> = [
    // subject, body, type, queue, priority, label the timeline names (null: below the threshold)
    ['Balance', 'my holiday gift card says zero dollars', 'card_services', 'gift_card.card_services', 'normal', 'gift_card'],
    // The phrase rule "never received" says dispute; the classifier knows a card that did not arrive.
    ['Replacement', 'I never received my replacement card in the mail', 'card_services', 'personal.card_services', 'normal', 'card_delivery'],
    // Urgent words keep precedence: the rules' high beats nothing lower.
    ['urgent: unauthorized charge', 'There is a charge I did not make yesterday.', 'fraud', 'personal.fraud', 'high', 'fraud_unauthorized'],
    // A low-priority label does not lower the rules' normal floor.
    ['Points', 'my reward points from the trip never showed up', 'rewards', 'rewards.rewards', 'normal', 'rewards_points'],
    ['Hello', 'Hello there', 'general', 'personal.general', 'normal', null],
  ];
  for (const [subject, body, type, queue, priority, label] of table) {
    it(`${JSON.stringify(body)} → ${type}, ${queue}, ${priority}`, async () => {
      const c = await open(subject, body);
      assert.deepEqual([c.type, c.queue, c.priority], [type, queue, priority]);
      const triaged = c.matched.filter((m) => m.startsWith('triage:'));
      assert.deepEqual(triaged, label ? [`triage:${label}`] : []);
    });
  }
});
