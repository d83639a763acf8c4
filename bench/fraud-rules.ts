// Fraud-rule evaluation on one core: authorizations evaluated per second against precomputed cardholder
// profiles (target ≥ 50,000/s), and p99 per authorization. Pure CPU, no database: the profile is built once per
// cardholder from their history (src/modules/fraud/cardholder-profile.ts), as the authorization path does.
import { buildProfile, type CardholderProfile, type HistoryItem } from '../src/modules/fraud/cardholder-profile.ts';
import { type AuthorizationFacts, evaluateAuthorization } from '../src/modules/fraud/evaluate-authorization.ts';
import { compileRules, loadFraudRules } from '../src/modules/fraud/fraud-rules.ts';
import type { BenchContext } from './lib/types.ts';

const PROFILES = 1_000;
const HISTORY_PER_PROFILE = 400; // ~180 days of an active card
const AUTHORIZATIONS = 1_000_000;
const TIMED_SAMPLE = 200_000;
const MCCS = ['5411', '5812', '5541', '5732', '4511', '7011', '5999', '5311', '4829', '7995', '5815', '5912'];
const COUNTRIES = ['US', 'US', 'US', 'US', 'CA', 'GB', 'RO', 'MX'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return s / 4294967296;
  };
}

export async function run(ctx: BenchContext): Promise<void> {
  const compiled = compileRules(loadFraudRules());
  const random = rng(42);
  const now = Date.parse('2026-06-15T14:00:00Z');
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

  const buildStarted = performance.now();
  const profiles: CardholderProfile[] = [];
  for (let p = 0; p < PROFILES; p++) {
    const history: HistoryItem[] = [];
    for (let i = 0; i < HISTORY_PER_PROFILE; i++) {
      history.push({ kind: 'purchase', direction: 'debit', status: 'posted', amountCents: 500 + Math.floor(random() * 20_000), mcc: pick(MCCS.slice(0, 8)), merchantCountry: random() < 0.95 ? 'US' : 'CA', authorizedAt: new Date(now - Math.floor(random() * 180 * 86_400_000)) });
    }
    profiles.push(buildProfile(compiled, history, { homeCountry: 'US' }));
  }
  const buildMs = performance.now() - buildStarted;
  ctx.record('profile build', Number((buildMs / PROFILES).toFixed(3)), 'ms/profile', `${HISTORY_PER_PROFILE} transactions each`);

  const facts: AuthorizationFacts[] = Array.from({ length: 4_096 }, () => ({
    amountCents: random() < 0.05 ? 50_000 + Math.floor(random() * 200_000) : 500 + Math.floor(random() * 15_000),
    mcc: pick(MCCS),
    merchantCountry: pick(COUNTRIES),
    cardPresent: random() < 0.6,
    at: now - Math.floor(random() * 3_600_000),
  }));

  let sink = 0;
  for (let i = 0; i < 200_000; i++) sink += evaluateAuthorization(compiled, profiles[i % PROFILES]!, facts[i & 4095]!).score; // warm-up

  const started = process.hrtime.bigint();
  for (let i = 0; i < AUTHORIZATIONS; i++) sink += evaluateAuthorization(compiled, profiles[i % PROFILES]!, facts[(i * 7) & 4095]!).score;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  ctx.record('throughput', Math.round(AUTHORIZATIONS / seconds), 'evaluations/s', `one core, ${AUTHORIZATIONS.toLocaleString('en-US')} authorizations, target ≥ 50,000/s`);

  const samples = new Float64Array(TIMED_SAMPLE);
  for (let i = 0; i < TIMED_SAMPLE; i++) {
    const t0 = process.hrtime.bigint();
    sink += evaluateAuthorization(compiled, profiles[i % PROFILES]!, facts[(i * 13) & 4095]!).score;
    samples[i] = Number(process.hrtime.bigint() - t0) / 1_000;
  }
  samples.sort();
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  ctx.record('p50 per authorization', Number(at(0.5).toFixed(2)), 'µs', 'includes ~0.1 µs of timer overhead');
  ctx.record('p99 per authorization', Number(at(0.99).toFixed(2)), 'µs');
  ctx.log(`checksum ${sink}`);
}
