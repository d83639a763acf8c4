import { type CompiledRules, mccCode } from './fraud-rules.ts';

/**
 * What the cardholder usually does, summarized once from their history so that evaluating a new authorization
 * is a few array reads: the countries they use the card in, how much they usually spend per merchant group
 * (p95 by nearest rank), the groups they have bought from, and recent authorization times for velocity.
 */
export type CardholderProfile = {
  countries: ReadonlySet<string>;
  /** Purchases seen per MCC group (index from CompiledRules.groupOf). */
  samplesByGroup: Int32Array;
  p95ByGroup: Float64Array;
  overallSamples: number;
  overallP95: number;
  /** Authorization times (ms), ascending. */
  recentTimes: Float64Array;
};

export type HistoryItem = {
  kind: string;
  direction: 'debit' | 'credit';
  status: string;
  amountCents: number;
  mcc: string | null;
  merchantCountry: string | null;
  authorizedAt: Date;
};

function p95(sorted: number[]): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
}

/** Only purchases the cardholder made count: declined attempts and refunds say nothing about their habits. */
const counts = (t: HistoryItem) => t.kind === 'purchase' && t.direction === 'debit' && (t.status === 'posted' || t.status === 'authorized');

export function buildProfile(compiled: CompiledRules, history: readonly HistoryItem[], options: { homeCountry?: string | null } = {}): CardholderProfile {
  const countries = new Set<string>();
  if (options.homeCountry) countries.add(options.homeCountry);
  const amounts: number[][] = Array.from({ length: compiled.groupCount }, () => []);
  const all: number[] = [];
  const times: number[] = [];
  for (const t of history) {
    if (t.status !== 'declined') times.push(t.authorizedAt.getTime());
    if (!counts(t)) continue;
    if (t.merchantCountry) countries.add(t.merchantCountry);
    const code = mccCode(t.mcc);
    if (code >= 0) amounts[compiled.groupOf[code]!]!.push(t.amountCents);
    all.push(t.amountCents);
  }
  const samplesByGroup = new Int32Array(compiled.groupCount);
  const p95ByGroup = new Float64Array(compiled.groupCount);
  amounts.forEach((list, g) => {
    list.sort((a, b) => a - b);
    samplesByGroup[g] = list.length;
    p95ByGroup[g] = p95(list);
  });
  all.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  return { countries, samplesByGroup, p95ByGroup, overallSamples: all.length, overallP95: p95(all), recentTimes: Float64Array.from(times) };
}
