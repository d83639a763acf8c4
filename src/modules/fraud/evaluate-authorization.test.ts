import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildProfile, type HistoryItem } from './cardholder-profile.ts';
import { type AuthorizationFacts, evaluateAuthorization, explain, verdictFor } from './evaluate-authorization.ts';
import { compileRules, loadFraudRules, parseFraudRules } from './fraud-rules.ts';

const compiled = compileRules(loadFraudRules());
const NOW = Date.parse('2026-06-15T14:00:00Z');
const DAY = 86_400_000;

/** A domestic cardholder: groceries (~$40–$90) and dining (~$30–$60), card present, one per day for 60 days. */
function history(): HistoryItem[] {
  const items: HistoryItem[] = [];
  for (let d = 1; d <= 60; d++) {
    const base = { kind: 'purchase', direction: 'debit' as const, status: 'posted', merchantCountry: 'US' };
    items.push({ ...base, amountCents: 4_000 + (d % 6) * 1_000, mcc: '5411', authorizedAt: new Date(NOW - d * DAY) });
    items.push({ ...base, amountCents: 3_000 + (d % 4) * 1_000, mcc: '5812', authorizedAt: new Date(NOW - d * DAY + 3_600_000) });
  }
  return items;
}
const profile = buildProfile(compiled, history(), { homeCountry: 'US' });
const usual: AuthorizationFacts = { amountCents: 5_000, mcc: '5411', merchantCountry: 'US', cardPresent: true, at: NOW };

const firedIds = (facts: AuthorizationFacts, p = profile) => explain(compiled, evaluateAuthorization(compiled, p, facts).fired).map((r) => r.rule);

describe('fraud rules', () => {
  it('the usual purchase fires nothing', () => {
    assert.deepEqual(firedIds(usual), []);
    assert.equal(verdictFor(compiled, evaluateAuthorization(compiled, profile, usual).score), 'clear');
  });

  const cases: Array<{ rule: string; fires: Partial<AuthorizationFacts>; stays: Partial<AuthorizationFacts> }> = [
    { rule: 'unusual_country', fires: { merchantCountry: 'RO' }, stays: { merchantCountry: 'US' } },
    { rule: 'amount_far_above_usual', fires: { amountCents: 40_000 }, stays: { amountCents: 26_000 } }, // groceries p95 = $90 → 3× = $270
    { rule: 'card_not_present_new_category', fires: { cardPresent: false, mcc: '5732' }, stays: { cardPresent: false, mcc: '5411' } },
    { rule: 'high_risk_merchant', fires: { mcc: '7995' }, stays: { mcc: '5812' } },
  ];
  for (const c of cases) {
    it(`${c.rule} fires on ${JSON.stringify(c.fires)} and not on ${JSON.stringify(c.stays)}`, () => {
      assert.ok(firedIds({ ...usual, ...c.fires }).includes(c.rule));
      assert.ok(!firedIds({ ...usual, ...c.stays }).includes(c.rule));
    });
  }

  it('amount: a group with few samples is compared with the overall p95, and a tiny amount never fires', () => {
    assert.ok(firedIds({ ...usual, mcc: '5732', amountCents: 40_000 }).includes('amount_far_above_usual'));
    assert.ok(!firedIds({ ...usual, mcc: '5732', amountCents: 20_000 }).includes('amount_far_above_usual'));
    const thin = buildProfile(compiled, history().slice(0, 2));
    assert.ok(!firedIds({ ...usual, amountCents: 4_900 }, thin).includes('amount_far_above_usual'));
  });

  it('velocity fires on the 5th authorization within 10 minutes, not on the 4th, nor when they are spread out', () => {
    const burst = (n: number, spacingMs: number) =>
      buildProfile(compiled, [...history(), ...Array.from({ length: n }, (_, i) => ({ kind: 'purchase', direction: 'debit' as const, status: 'authorized', amountCents: 1_000, mcc: '5411', merchantCountry: 'US', authorizedAt: new Date(NOW - (i + 1) * spacingMs) }))], { homeCountry: 'US' });
    assert.ok(firedIds(usual, burst(4, 60_000)).includes('velocity'));
    assert.ok(!firedIds(usual, burst(3, 60_000)).includes('velocity'));
    assert.ok(!firedIds(usual, burst(4, 5 * 60_000)).includes('velocity'));
  });

  it('the planted pattern (foreign, card not present, new category, large) passes the alert threshold with reasons in plain words', () => {
    const facts = { amountCents: 124_999, mcc: '5732', merchantCountry: 'RO', cardPresent: false, at: NOW };
    const result = evaluateAuthorization(compiled, profile, facts);
    assert.ok(result.score >= compiled.config.alertThreshold);
    const reasons = explain(compiled, result.fired);
    assert.deepEqual(reasons.map((r) => r.rule).sort(), ['amount_far_above_usual', 'card_not_present_new_category', 'unusual_country']);
    assert.ok(reasons.every((r) => /^[A-Z].*\.$/.test(r.reason)));
    assert.equal(verdictFor(compiled, result.score), 'decline');
  });

  it('refuses a configuration with a duplicate rule id or an unknown kind', () => {
    const raw = loadFraudRules();
    assert.throws(() => parseFraudRules({ ...raw, rules: [raw.rules[0], raw.rules[0]] }), /appears twice/);
    assert.throws(() => parseFraudRules({ ...raw, rules: [{ id: 'x', kind: 'moon_phase', score: 1, reason: 'Because of the moon.' }] }), /invalid/);
  });
});
