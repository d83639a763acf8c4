import type { CardholderProfile } from './cardholder-profile.ts';
import { type CompiledRules, mccCode } from './fraud-rules.ts';

export type AuthorizationFacts = {
  amountCents: number;
  mcc: string | null;
  merchantCountry: string | null;
  cardPresent: boolean;
  /** Authorization time in ms. */
  at: number;
};

/** Bit i set = rules[i] fired. Kept as a number so evaluation allocates nothing; `explain` builds the words. */
export type Evaluation = { score: number; fired: number };

function countSince(times: Float64Array, from: number, to: number): number {
  // first index with time >= from (binary search), then count up to `to`
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  let n = 0;
  for (let i = lo; i < times.length && times[i]! <= to; i++) n++;
  return n;
}

/** Pure: the same rules, profile and facts always give the same score. */
export function evaluateAuthorization(compiled: CompiledRules, profile: CardholderProfile, facts: AuthorizationFacts): Evaluation {
  const code = mccCode(facts.mcc);
  const group = code >= 0 ? compiled.groupOf[code]! : -1;
  const rules = compiled.rules;
  let score = 0;
  let fired = 0;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    let hit = false;
    switch (rule.kind) {
      case 'unusual_country':
        hit = facts.merchantCountry !== null && !profile.countries.has(facts.merchantCountry);
        break;
      case 'amount_above_usual': {
        const own = group >= 0 && profile.samplesByGroup[group]! >= rule.minSamples;
        const base = own ? profile.p95ByGroup[group]! : profile.overallSamples >= rule.minSamples ? profile.overallP95 : -1;
        hit = base >= 0 && facts.amountCents >= rule.minAmountCents && facts.amountCents > rule.multiplier * base;
        break;
      }
      case 'velocity':
        // the authorization being evaluated counts as one of the n
        hit = countSince(profile.recentTimes, facts.at - rule.windowMinutes * 60_000, facts.at) + 1 >= rule.count;
        break;
      case 'card_not_present_new_category':
        hit = !facts.cardPresent && group >= 0 && profile.samplesByGroup[group] === 0;
        break;
      case 'high_risk_mcc':
        hit = code >= 0 && compiled.highRisk[code] === 1 && rule.mccs.includes(facts.mcc!);
        break;
    }
    if (hit) {
      score += rule.score;
      fired |= 1 << i;
    }
  }
  return { score, fired };
}

export type FraudReason = { rule: string; score: number; reason: string };

export function explain(compiled: CompiledRules, fired: number): FraudReason[] {
  return compiled.rules.flatMap((rule, i) => ((fired >>> i) & 1 ? [{ rule: rule.id, score: rule.score, reason: rule.reason }] : []));
}

export type Verdict = 'clear' | 'alert' | 'decline';

export function verdictFor(compiled: CompiledRules, score: number): Verdict {
  if (score >= compiled.config.declineThreshold) return 'decline';
  return score >= compiled.config.alertThreshold ? 'alert' : 'clear';
}
