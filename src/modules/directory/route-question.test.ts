import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTriage, type RankedLabel } from '../triage/index.ts';
import { loadProfile } from './load-profile.ts';
import { ASKS_FOR_A_PERSON_WORKFLOW, decideRoute, keywordTokens, NAMED_PRODUCT_CONFIDENCE, namedLine, type Ranker, withoutIssuerNames } from './route-question.ts';

const profile = loadProfile('config/issuer-profile.json');
const triage = createTriage();

// The two examples first, then phrasings written for this test that are in no fixture (not in
// config/triage/training.csv). [text, expected line, expected basis]
const TABLE: Array<[string, string, 'product_named' | 'topic' | 'default']> = [
  ['my corporate card was declined abroad', 'corporate', 'product_named'],
  ['gift card balance', 'gift_card', 'product_named'],
  ['Two of my GIFT CARDS from the holidays show zero', 'gift_card', 'product_named'],
  ['who do I ring about the business card my staff use?', 'small_business', 'product_named'],
  ['my small business account has a charge I do not recognise', 'small_business', 'product_named'],
  ['the reload on my prepaid card never arrived', 'prepaid', 'product_named'],
  ['I want to use my points for a hotel', 'rewards', 'product_named'],
  ['our shop terminal will not settle the day\u2019s sales', 'merchant_services', 'product_named'],
  ['what does the platinum concierge do', 'platinum', 'product_named'],
  ['how much interest does the high yield savings pay', 'savings', 'product_named'],
  ['a jewellery shop in Miami charged me and I was home all week', 'personal', 'topic'],
  ['I left my wallet in a taxi last night', 'personal', 'topic'],
  ['my miles from the last flight never showed up', 'rewards', 'product_named'],
  ['we have a flower stall and want buyers to pay with your cards', 'merchant_services', 'topic'],
  ['what is the Amex phone number?', 'personal', 'default'],
  ['which number do I call if my Amex is stolen', 'personal', 'topic'],
];

describe('which number do I call? (decideRoute with the default model)', () => {
  for (const [text, line, basis] of TABLE) {
    it(`${JSON.stringify(text)} → ${line} (${basis})`, () => {
      const d = decideRoute(profile, triage, text);
      assert.equal(d.line.id, line, d.why);
      assert.equal(d.basis, basis, d.why);
      assert.ok(d.why.length > 20);
      assert.ok(d.confidence > 0 && d.confidence <= 1);
      assert.ok(!d.alternatives.some((a) => a.line.id === line), 'an alternative is never the answer itself');
    });
  }

  it('says why with the product the cardholder named', () => {
    const d = decideRoute(profile, triage, 'my corporate card was declined abroad');
    assert.match(d.why, /\u201ccorporate\u201d/);
    assert.ok(d.confidence >= NAMED_PRODUCT_CONFIDENCE);
  });

  it('is deterministic', () => {
    const a = decideRoute(profile, triage, 'who do I ring about the business card my staff use?');
    const b = decideRoute(profile, triage, 'who do I ring about the business card my staff use?');
    assert.deepEqual(a, b);
  });
});

/** A classifier that answers what the test says; the label contact_human stands for "asks for a person". */
function ranker(labels: Array<[string, number, string]>, threshold = 0.5): Ranker {
  const ranked: RankedLabel[] = labels.map(([label, confidence, hotline]) => ({
    label,
    confidence,
    route: {
      workflow: label === 'contact_human' ? ASKS_FOR_A_PERSON_WORKFLOW : 'w',
      caseType: 'general',
      productLine: hotline,
      queue: `${hotline}.general`,
      priority: 'normal',
      articles: [`${label.replaceAll('_', '-')}`],
      hotline,
      description: `About ${label}`,
    },
  }));
  return { threshold, rank: (_t, n) => ranked.slice(0, n) };
}

describe('decideRoute rules', () => {
  it('takes the classifier\u2019s line at the threshold, and the default line just below it', () => {
    const at = decideRoute(profile, ranker([['savings_account', 0.5, 'savings'], ['general_question', 0.3, 'personal']]), 'where does my money go');
    assert.deepEqual([at.line.id, at.basis, at.topic?.label], ['savings', 'topic', 'savings_account']);
    assert.deepEqual(at.topic?.articles, ['savings-account']);
    const below = decideRoute(profile, ranker([['savings_account', 0.499, 'savings'], ['general_question', 0.3, 'personal']]), 'where does my money go');
    assert.deepEqual([below.line.id, below.basis, below.topic], ['personal', 'default', null]);
    assert.deepEqual(below.alternatives.map((a) => a.line.id), ['savings'], 'the unsure guess is offered as an alternative');
  });

  it('prefers a named product over a confident classifier, and offers the classifier\u2019s line', () => {
    const d = decideRoute(profile, ranker([['business_corporate_card', 0.8, 'corporate']]), 'my business card');
    assert.deepEqual([d.line.id, d.basis, d.confidence], ['small_business', 'product_named', NAMED_PRODUCT_CONFIDENCE]);
    assert.deepEqual(d.alternatives.map((a) => [a.line.id, a.confidence]), [['corporate', 0.8]]);
  });

  it('keeps the classifier\u2019s higher confidence when it agrees with the named product', () => {
    assert.equal(decideRoute(profile, ranker([['gift_card', 0.99, 'gift_card']]), 'gift card').confidence, 0.99);
  });

  it('ignores a label whose line this issuer does not have', () => {
    const d = decideRoute(profile, ranker([['crypto', 0.95, 'crypto_wallet']]), 'my wallet');
    assert.deepEqual([d.line.id, d.basis], ['personal', 'default']);
  });

  it('merges alternatives by line, drops noise and keeps at most two', () => {
    const d = decideRoute(profile, ranker([['general_question', 0.4, 'personal'], ['rewards_points', 0.2, 'rewards'], ['rewards_redeem', 0.15, 'rewards'], ['savings_account', 0.1, 'savings'], ['gift_card', 0.04, 'gift_card']]), 'hello');
    assert.deepEqual(d.alternatives.map((a) => [a.line.id, Math.round(a.confidence * 100)]), [['rewards', 35], ['savings', 10]]);
  });

  it('leaves out "asks for a person" and renormalizes the rest: 0.3 of the remaining 0.5 is a confident 0.6', () => {
    const d = decideRoute(profile, ranker([['contact_human', 0.5, 'personal'], ['rewards_points', 0.3, 'rewards'], ['general_question', 0.2, 'personal']]), 'x');
    assert.deepEqual([d.line.id, d.basis, d.topic?.label], ['rewards', 'topic', 'rewards_points']);
    assert.ok(Math.abs(d.confidence - 0.6) < 1e-9);
  });

  it('answers the main line, surely, when the text only asks for a number (over 3/4 for "asks for a person")', () => {
    const only = decideRoute(profile, ranker([['contact_human', 0.8, 'personal'], ['rewards_points', 0.2, 'rewards']]), 'x');
    assert.deepEqual([only.line.id, only.basis, only.confidence, only.alternatives], ['personal', 'default', 0.8, []]);
    assert.match(only.why, /main line/);
    // At exactly 3/4 the remaining quarter still counts: 0.25 of 0.25 is a sure topic.
    const edge = decideRoute(profile, ranker([['contact_human', 0.75, 'personal'], ['rewards_points', 0.25, 'rewards']]), 'x');
    assert.deepEqual([edge.line.id, edge.basis], ['rewards', 'topic']);
  });

  it('answers the default line for text without letters or digits', () => {
    const d = decideRoute(profile, { threshold: 0.5, rank: () => assert.fail('not classified') }, '?!');
    assert.deepEqual([d.line.id, d.basis, d.confidence], ['personal', 'default', 0]);
  });
});

describe('the issuer\u2019s own names', () => {
  const table: Array<[string, string]> = [
    ['what is the Amex phone number?', 'what is the card phone number?'],
    ["call American  Express's fraud team", 'call card fraud team'],
    ['AMEX', 'card'],
    ['examex and amexco stay', 'examex and amexco stay'], // whole words only
  ];
  for (const [text, expected] of table) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => assert.equal(withoutIssuerNames(profile, text), expected));
  }
});

describe('product keywords', () => {
  it('folds case, punctuation and plurals', () => {
    assert.deepEqual(keywordTokens('Gift-Cards, BUSINESSES & t&e!'), ['gift', 'card', 'businesse', 't', 'e']);
  });
  const table: Array<[string, string | null]> = [
    ['gift card', 'gift_card'],
    ['a small business card', 'small_business'],
    ['our T&E card', 'corporate'],
    ['my card was declined', null], // the default line's keywords are topics, not products
    ['observe the giftwrap', null], // whole words only
  ];
  for (const [text, line] of table) {
    it(`${JSON.stringify(text)} names ${line}`, () => assert.equal(namedLine(profile, text)?.line.id ?? null, line));
  }
});
