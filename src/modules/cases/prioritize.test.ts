import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRulePrioritizer } from './prioritize.ts';
import { tokens } from './tokens.ts';
import { loadServicePolicy } from './service-policy.ts';

const policy = loadServicePolicy('config/service-policy.json');
const prioritize = createRulePrioritizer(policy.priorityRules);

describe('priority rules', () => {
  const table: Array<[string, string, string, string | null]> = [
    ['urgent: unauthorized charge', '', 'high', 'fraud'],
    ['Question', 'There are UNAUTHORIZED CHARGES on my statement!!!', 'high', 'fraud'],
    ['card', 'My card was stolen yesterday', 'high', 'fraud'],
    ['Help', 'my account is on hold, why?', 'high', 'account_review'],
    ['Help', 'There is an account-hold notice', 'high', 'account_review'],
    ['login', "I'm locked out of the app", 'high', 'account_review'],
    ['Frauds', 'frauds everywhere', 'high', 'fraud'],
    ['Identity theft', 'someone opened an account in my name', 'urgent', 'fraud'],
    ['Points', "my points didn't post", 'normal', 'rewards'],
    ['Fee', 'can you waive the annual fee?', 'normal', 'fee'],
    ['Charged twice', 'the store charged me twice', 'normal', 'dispute'],
    ['Order', 'order 4412 is late, call me on +1 800 555 0100', 'normal', null],
    ['Double', 'I was double charged at the store', 'normal', 'dispute'],
    ['Hello', 'What are your opening hours?', 'normal', null],
    ['Holder', 'I am the account holder', 'normal', null],
  ];
  for (const [subject, body, priority, type] of table) {
    it(`${JSON.stringify(subject)} / ${JSON.stringify(body)} → ${priority}, ${type}`, () => {
      const result = prioritize({ subject, body });
      assert.equal(result.priority, priority);
      assert.equal(result.type, type);
    });
  }
  it('reports which phrases matched', () => {
    assert.deepEqual(prioritize({ subject: 'URGENT', body: 'card stolen' }).matched, ['stolen', 'urgent']);
  });
  it('tokenizes robustly', () => {
    assert.deepEqual(tokens('Locked-OUT!! of my Accounts’'), ['lock', 'out', 'of', 'my', 'account']);
  });
});
