/**
 * "When will my review end?" from how long similar past reviews really took (issue 6, item 3): the median and
 * the 90th percentile of the time from the last document received to the decision. Similar = same reason and
 * same product line; with fewer than `minSimilar` of those, the same reason on any product line; with fewer
 * still, a stated default — never an estimate from one or two cases. Pure: history in, estimate out.
 */
export type PastReview = { reasonCode: string; productLine: string; lastDocumentAt: Date; decidedAt: Date };
export type EstimateBasis = 'similar_reviews' | 'same_reason' | 'default';
export type ReviewEstimate = { basis: EstimateBasis; sampleSize: number; medianHours: number; p90Hours: number; summary: string };
export type EstimateOptions = { minSimilar: number; defaultHours: { median: number; p90: number } };

const HOUR_MS = 3_600_000;
const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/** Median: the middle value, or the mean of the two middle values. */
export function median(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('median of nothing');
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of nothing');
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function describeHours(hours: number): string {
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  const days = oneDecimal(hours / 24);
  return `${days} days`;
}

export function estimateReviewTime(history: readonly PastReview[], target: { reasonCode: string; productLine: string }, options: EstimateOptions): ReviewEstimate {
  const durations = (rows: readonly PastReview[]) =>
    rows
      .map((r) => (r.decidedAt.getTime() - r.lastDocumentAt.getTime()) / HOUR_MS)
      .filter((h) => h >= 0) // a decision before the last document (documents after the fact) says nothing about waiting
      .sort((a, b) => a - b);
  const similar = durations(history.filter((r) => r.reasonCode === target.reasonCode && r.productLine === target.productLine));
  const sameReason = durations(history.filter((r) => r.reasonCode === target.reasonCode));
  const [basis, sample]: [EstimateBasis, number[]] =
    similar.length >= options.minSimilar ? ['similar_reviews', similar] : sameReason.length >= options.minSimilar ? ['same_reason', sameReason] : ['default', []];
  if (basis === 'default') {
    const { median: m, p90 } = options.defaultHours;
    return {
      basis,
      sampleSize: similar.length,
      medianHours: m,
      p90Hours: p90,
      summary: `We have too few similar past reviews (fewer than ${options.minSimilar}) to measure, so this is our standard estimate: most reviews are decided within ${describeHours(m)} of the last document, and almost all within ${describeHours(p90)}.`,
    };
  }
  const m = oneDecimal(median(sample));
  const p90 = oneDecimal(percentile(sample, 90));
  const which = basis === 'similar_reviews' ? 'similar reviews on this kind of account' : 'past reviews for the same reason';
  return {
    basis,
    sampleSize: sample.length,
    medianHours: m,
    p90Hours: p90,
    summary: `From ${sample.length} ${which}: half were decided within ${describeHours(m)} of the last document, and 9 in 10 within ${describeHours(p90)}.`,
  };
}
