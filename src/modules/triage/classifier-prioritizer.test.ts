import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRulePrioritizer, loadServicePolicy, type Prioritizer } from '../cases/index.ts';
import { loadProfile } from '../directory/index.ts';
// route-case.ts is the cases module's inside; its optional suggestion argument exists for this module's output.
import { productLineFor } from '../cases/route-case.ts';
import { createClassifierPrioritizer } from './classifier-prioritizer.ts';
import type { Triage, TriageResult } from './create-triage.ts';
import { createTriage } from './create-triage.ts';
import { TriageError } from './triage-error.ts';

const rules = createRulePrioritizer(loadServicePolicy('config/service-policy.json').priorityRules);

/** A triage that answers what the test says, to pin down the combination rules. */
function fixed(answer: Partial<TriageResult>): Triage {
  const base: TriageResult = {
    label: 'general_question',
    confidence: 0.9,
    workflow: 'general_inquiry',
    caseType: 'general',
    priority: 'low',
    productLine: 'personal',
    queue: 'personal.general',
    articles: [],
    hotline: 'personal',
    fallbackToHuman: false,
  };
  return { threshold: 0.5, labels: ['general_question'], classify: () => ({ ...base, ...answer }), rank: () => [] };
}

describe('classifier in front of the phrase rules', () => {
  it('takes the classifier type and priority when it is confident', () => {
    const p = createClassifierPrioritizer(fixed({ label: 'duplicate_charge', caseType: 'dispute', priority: 'normal' }), rules);
    assert.deepEqual(p({ subject: 'Question', body: 'The store took my money two times' }), {
      priority: 'normal',
      type: 'dispute',
      matched: ['triage:duplicate_charge'],
      suggestion: { label: 'duplicate_charge', confidence: 0.9, workflow: 'general_inquiry', productLine: 'personal', queue: 'personal.general', articles: [] },
    });
  });

  it('keeps the higher priority: an urgent word still raises a confident low-priority label', () => {
    const p = createClassifierPrioritizer(fixed({ label: 'rewards_points', caseType: 'rewards', priority: 'low' }), rules);
    const r = p({ subject: 'URGENT', body: 'my points did not post' });
    assert.equal(r.priority, 'high');
    assert.equal(r.type, 'rewards');
    assert.deepEqual(r.matched, ['urgent', 'points', 'triage:rewards_points']);
  });

  it('keeps the higher priority the other way too: a high-priority label beats quiet rules', () => {
    const p = createClassifierPrioritizer(fixed({ label: 'account_hold_documents', caseType: 'account_review', priority: 'high' }), rules);
    assert.equal(p({ subject: 'Documents', body: 'which papers should I send you?' }).priority, 'high');
  });

  it('uses the rules alone when the classifier is not confident', () => {
    const p = createClassifierPrioritizer(fixed({ label: 'dispute_charge', caseType: 'dispute', priority: 'urgent', fallbackToHuman: true, confidence: 0.2 }), rules);
    const asRules: Prioritizer = rules;
    const input = { subject: 'Hello', body: 'someone opened an account in my name' };
    assert.deepEqual(p(input), asRules(input));
    assert.equal(p(input).suggestion, undefined, 'no suggestion below the threshold');
    assert.equal(p(input).priority, 'urgent');
    assert.deepEqual(p({ subject: 'Hi', body: 'what are your hours?' }), { priority: 'normal', type: null, matched: [] });
  });

  it('uses the rules for a message with no words', () => {
    const empty: Triage = { threshold: 0.5, labels: [], classify: () => { throw new TriageError('empty_text', 'empty'); }, rank: () => [] };
    assert.deepEqual(createClassifierPrioritizer(empty, rules)({ subject: '', body: '!!!' }), { priority: 'normal', type: null, matched: [] });
  });

  it('works with the default model end to end', () => {
    const p = createClassifierPrioritizer(createTriage(), rules);
    const stolen = p({ subject: 'Help', body: 'My wallet was stolen with my card in it' });
    assert.equal(stolen.type, 'card_services');
    assert.equal(stolen.priority, 'high');
    assert.ok(stolen.matched.includes('triage:card_lost_stolen'));
    const points = p({ subject: 'Points', body: 'my reward points from the trip never showed up' });
    // The label's priority is low, the rules' floor is normal: the higher wins.
    assert.deepEqual([points.type, points.priority], ['rewards', 'normal']);
    assert.ok(points.matched.includes('triage:rewards_points'));
    assert.deepEqual([points.suggestion?.queue, points.suggestion?.productLine], ['rewards.rewards', 'rewards']);
    assert.ok(points.suggestion?.articles.includes('rewards-points-not-posted'));
  });
});

describe('the suggestion\u2019s product line in case routing (productLineFor)', () => {
  const profile = loadProfile('config/issuer-profile.json');
  const table: Array<[string | null, string, string | undefined, string]> = [
    // account's line, text, suggested line, expected
    ['platinum', 'I want to accept cards at my bakery', 'merchant_services', 'platinum'], // the linked account wins
    [null, 'my gift card is empty', 'merchant_services', 'gift_card'], // then the words the cardholder wrote
    [null, 'I want to take your cards at my bakery', 'merchant_services', 'merchant_services'], // then the classifier
    [null, 'I want to take your cards at my bakery', 'no_such_line', 'personal'], // an unknown line is ignored
    [null, 'I want to take your cards at my bakery', undefined, 'personal'], // else the default line
  ];
  for (const [account, text, suggested, expected] of table) {
    it(`${account ?? '-'} / ${JSON.stringify(text)} / ${suggested ?? '-'} → ${expected}`, () => {
      assert.equal(productLineFor(profile, account, text, suggested), expected);
    });
  }
});
