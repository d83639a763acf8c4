import { readFileSync } from 'node:fs';
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';

// The fraud rules are data (config/fraud-rules.json): each rule has a kind, a score and a reason in plain
// words. `compileRules` turns the file into lookup tables once, so evaluating an authorization allocates
// nothing and does no string work beyond a country Set lookup (bench/fraud-rules.ts).

const Reason = Type.String({ minLength: 10, maxLength: 300 });
const Score = Type.Integer({ minimum: 0, maximum: 1000 });
const Mcc = Type.String({ pattern: '^[0-9]{4}$' });
const MccRange = Type.String({ pattern: '^[0-9]{4}(-[0-9]{4})?$' });

const RuleSchema = Type.Union([
  Type.Object({ id: Type.String(), kind: Type.Literal('unusual_country'), score: Score, reason: Reason }, { additionalProperties: false }),
  Type.Object(
    {
      id: Type.String(),
      kind: Type.Literal('amount_above_usual'),
      score: Score,
      reason: Reason,
      multiplier: Type.Number({ exclusiveMinimum: 1, maximum: 100 }),
      minAmountCents: Type.Integer({ minimum: 0 }),
      minSamples: Type.Integer({ minimum: 1, maximum: 1000 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { id: Type.String(), kind: Type.Literal('velocity'), score: Score, reason: Reason, count: Type.Integer({ minimum: 2, maximum: 1000 }), windowMinutes: Type.Integer({ minimum: 1, maximum: 10_080 }) },
    { additionalProperties: false },
  ),
  Type.Object({ id: Type.String(), kind: Type.Literal('card_not_present_new_category'), score: Score, reason: Reason }, { additionalProperties: false }),
  Type.Object({ id: Type.String(), kind: Type.Literal('high_risk_mcc'), score: Score, reason: Reason, mccs: Type.Array(Mcc, { minItems: 1 }) }, { additionalProperties: false }),
]);

const FraudRulesFile = Type.Object(
  {
    version: Type.Literal(1),
    alertThreshold: Type.Integer({ minimum: 1 }),
    /** At or above this score the authorization is declined until the cardholder confirms it. */
    declineThreshold: Type.Integer({ minimum: 1 }),
    historyDays: Type.Integer({ minimum: 7, maximum: 730 }),
    suppressSameMerchantDays: Type.Integer({ minimum: 0, maximum: 365 }),
    alertLinkHours: Type.Integer({ minimum: 1, maximum: 168 }),
    /** The issuer's own promise for unauthorized use (the usual "$0 liability"); null for none. */
    issuerLiabilityPromiseCents: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    recurringMerchantLookbackDays: Type.Integer({ minimum: 60, maximum: 730 }),
    mccGroups: Type.Record(Type.String({ pattern: '^[a-z_]{2,40}$' }), Type.Array(MccRange)),
    rules: Type.Array(RuleSchema, { minItems: 1, maxItems: 31 }),
  },
  { additionalProperties: false },
);

export type FraudRulesConfig = Static<typeof FraudRulesFile>;
export type FraudRule = Static<typeof RuleSchema>;

export const FRAUD_RULES_PATH = new URL('../../../config/fraud-rules.json', import.meta.url).pathname;

export function parseFraudRules(raw: unknown): FraudRulesConfig {
  const errors = [...Value.Errors(FraudRulesFile, raw)];
  if (errors.length > 0) throw new Error(`fraud rules are invalid: ${errors.slice(0, 5).map((e) => `${e.instancePath || '(root)'} ${e.message}`).join('; ')}`);
  const config = raw as FraudRulesConfig;
  const ids = new Set<string>();
  for (const rule of config.rules) {
    if (ids.has(rule.id)) throw new Error(`fraud rules are invalid: rule id ${rule.id} appears twice`);
    ids.add(rule.id);
  }
  return config;
}

export function loadFraudRules(path: string = FRAUD_RULES_PATH): FraudRulesConfig {
  return parseFraudRules(JSON.parse(readFileSync(path, 'utf8')));
}

/** MCCs are four digits: a table of 10,000 entries replaces every string lookup. */
export const MCC_SPACE = 10_000;
/** MCCs outside every configured group fall into their two-digit family (e.g. 57xx), after the named groups. */
const FAMILIES = 100;

export type CompiledRules = {
  config: FraudRulesConfig;
  /** Group index of each MCC (named groups first, then families). */
  groupOf: Int16Array;
  groupNames: string[];
  groupCount: number;
  /** 1 for an MCC any high-risk rule lists. */
  highRisk: Uint8Array;
  rules: readonly FraudRule[];
};

export function compileRules(config: FraudRulesConfig): CompiledRules {
  const named = Object.keys(config.mccGroups);
  const groupOf = new Int16Array(MCC_SPACE);
  for (let mcc = 0; mcc < MCC_SPACE; mcc++) groupOf[mcc] = named.length + Math.floor(mcc / 100);
  named.forEach((name, index) => {
    for (const range of config.mccGroups[name] ?? []) {
      const [from, to = from] = range.split('-').map(Number) as [number, number?];
      for (let mcc = from; mcc <= to; mcc++) groupOf[mcc] = index;
    }
  });
  const highRisk = new Uint8Array(MCC_SPACE);
  for (const rule of config.rules) if (rule.kind === 'high_risk_mcc') for (const mcc of rule.mccs) highRisk[Number(mcc)] = 1;
  const groupNames = [...named, ...Array.from({ length: FAMILIES }, (_, i) => `mcc_${String(i).padStart(2, '0')}xx`)];
  return { config, groupOf, groupNames, groupCount: named.length + FAMILIES, highRisk, rules: config.rules };
}

/** "5732" → 5732 without allocating; anything that is not four digits → -1. */
export function mccCode(mcc: string | null): number {
  if (mcc === null || mcc.length !== 4) return -1;
  let n = 0;
  for (let i = 0; i < 4; i++) {
    const d = mcc.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
