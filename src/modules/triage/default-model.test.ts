import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTriage, DEFAULT_MODEL_PATH, DEFAULT_TRAINING_DATA_PATH } from './create-triage.ts';
import { readLabelledCsv } from './labelled-csv.ts';
import { readModelFile } from './model-file.ts';
import { examplesDigest } from './train-model.ts';
import { TriageError } from './triage-error.ts';

// Phrasings written for this test, not in config/triage/training.csv (checked below): the default model must
// route clear messages it has never seen.
export const HELD_OUT: Record<string, string[]> = {
  fraud_unauthorized: ['There are three purchases on my account from a shop in Ohio and none of them were me', 'somebody is making charges with my card number that I never approved'],
  card_lost_stolen: ['I cannot find my credit card since the weekend, please lock it', 'my wallet got stolen on the bus this morning with the card in it'],
  card_declined: ['my card was declined when I tried to pay for groceries', 'why does the store keep declining my card?'],
  dispute_charge: ['the online seller never shipped my order and I want to dispute the charge', 'I want to dispute a restaurant bill that was higher than the menu price'],
  refund_not_received: ['the shop refunded my return ten days ago but the refund is not on my card', 'still no refund after returning the jacket'],
  duplicate_charge: ['the coffee shop charged me twice for one order', 'I see two identical charges for the same purchase'],
  rewards_points: ['my membership rewards points for last month are missing', 'how many points do I need to redeem for a flight?'],
  annual_fee: ['can you refund the annual fee that was charged last week?', 'is there an annual fee on my card?'],
  fees_interest: ['why was I charged a late payment fee this month?', 'why is there an interest charge on my statement?'],
  account_hold_documents: ['my account was placed on hold and you asked for proof of income', 'which documents do I need to send for the account review?'],
  payment_question: ['how can I schedule a payment for my balance?', 'my payment from last week is not showing'],
  statement_question: ['how can I download a copy of my statement from March?', 'I never got my statement this month'],
  card_delivery: ['I am still waiting for my new card to arrive in the mail', 'when will my replacement card be delivered?'],
  card_activation_pin: ['how can I activate the card I got today?', 'I need to reset the PIN on my card'],
  app_login_access: ['I forgot my password and cannot log in to the app', 'the app will not let me sign in'],
  contact_human: ['can I speak to a real person on the phone?', 'what number do I call to reach a representative?'],
  complaint_escalation: ['I want to make a formal complaint about how you handled my case', 'please escalate this to a supervisor, I am very unhappy'],
  scam_report: ['I got a text with a link claiming to be from American Express, is it a scam?', 'a caller said he was from your fraud team and asked for my security code'],
  gift_card: ['how do I check the balance on my gift card?', 'my gift card does not work at the store'],
  prepaid_card: ['how do I reload my prepaid Serve card?', 'my prepaid card balance is not right'],
  business_corporate_card: ['how do I give an employee a card on our business account?', 'my corporate card is managed by my employer, who pays the bill?'],
  merchant_services: ['I run a store and want to start accepting American Express cards', 'my merchant payout from card sales has not arrived'],
  savings_account: ['what is the interest rate on your high yield savings account?', 'how do I transfer money out of my savings account?'],
  general_question: ['how do I change the mailing address on my account?', 'can I add an authorized user to my card?'],
};

const triage = createTriage();

describe('the default model (config/triage)', () => {
  it('was trained from the current config/triage/training.csv (retrain it after editing the examples)', () => {
    const model = readModelFile(DEFAULT_MODEL_PATH);
    assert.equal(model.meta.training.dataSha256, examplesDigest(readLabelledCsv(DEFAULT_TRAINING_DATA_PATH)), 'see config/triage/README.md to retrain');
  });

  it('has every label of the labels configuration and held-out phrasings for each', () => {
    assert.deepEqual(Object.keys(HELD_OUT).sort(), [...triage.labels].sort());
    const training = new Set(readLabelledCsv(DEFAULT_TRAINING_DATA_PATH).map((e) => e.text.toLowerCase()));
    for (const texts of Object.values(HELD_OUT)) for (const t of texts) assert.ok(!training.has(t.toLowerCase()), `"${t}" is in the training data`);
  });

  for (const [label, texts] of Object.entries(HELD_OUT)) {
    for (const text of texts) {
      it(`"${text}" → ${label}`, () => {
        const result = triage.classify(text);
        assert.equal(result.label, label, `confidence ${result.confidence.toFixed(3)}`);
      });
    }
  }

  it('maps a label to its workflow, case type, queue, priority, articles and hotline', () => {
    const r = triage.classify('there are charges on my card I did not make');
    assert.equal(r.label, 'fraud_unauthorized');
    assert.equal(r.fallbackToHuman, false);
    assert.deepEqual(
      { workflow: r.workflow, caseType: r.caseType, priority: r.priority, queue: r.queue, productLine: r.productLine, hotline: r.hotline },
      { workflow: 'fraud_claim', caseType: 'fraud', priority: 'high', queue: 'personal.fraud', productLine: 'personal', hotline: 'personal' },
    );
    assert.ok(r.articles.includes('fraud-alerts-and-declined-cards'));
  });

  it('sends a message below the threshold to the general queue for a person, keeping the guess', () => {
    const strict = createTriage({ threshold: 0.999999 });
    const r = strict.classify('hello');
    assert.equal(r.fallbackToHuman, true);
    assert.deepEqual([r.workflow, r.caseType, r.queue, r.priority], ['general_inquiry', 'general', 'personal.general', 'normal']);
    assert.ok(r.label.length > 0 && r.confidence < 0.999999);
    const lenient = createTriage({ threshold: 0 });
    assert.equal(lenient.classify('hello').fallbackToHuman, false);
  });

  it('gives calibrated-looking confidences: high for a clear message, lower for a vague one', () => {
    const clear = triage.classify('my card was stolen');
    const vague = triage.classify('hello, I have a question');
    assert.ok(clear.confidence > 0.5, `clear ${clear.confidence}`);
    assert.ok(vague.confidence < clear.confidence, `vague ${vague.confidence} vs clear ${clear.confidence}`);
  });

  it('ranks the best labels with their routes, best first, agreeing with classify', () => {
    const text = 'my gift card balance is wrong';
    const ranked = triage.rank(text, 3);
    assert.equal(ranked.length, 3);
    assert.equal(ranked[0]!.label, triage.classify(text).label);
    assert.equal(ranked[0]!.confidence, triage.classify(text).confidence);
    for (let i = 1; i < ranked.length; i++) assert.ok(ranked[i - 1]!.confidence >= ranked[i]!.confidence);
    assert.equal(new Set(ranked.map((r) => r.label)).size, 3);
    assert.equal(ranked[0]!.route.hotline, 'gift_card');
    assert.deepEqual(triage.rank(text, 0), []);
    assert.equal(triage.rank(text, 100).length, triage.labels.length);
  });

  it('refuses empty text, and refuses an out-of-range threshold', () => {
    assert.throws(() => triage.classify('   ?! '), (e: unknown) => e instanceof TriageError && e.code === 'empty_text');
    assert.throws(() => createTriage({ threshold: 1.5 }), /threshold must be between 0 and 1/);
  });

  it('is fast enough to run on every message', () => {
    const text = 'I was charged twice at the restaurant last night, can you help?';
    triage.classify(text);
    const started = performance.now();
    for (let i = 0; i < 200; i++) triage.classify(text);
    assert.ok((performance.now() - started) / 200 < 5, 'under 5 ms per message even on a busy test machine');
  });
});

