import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { estimateReviewTime, median, type PastReview, percentile } from './estimate-review-time.ts';

const T0 = new Date('2026-03-02T12:00:00Z');
const past = (reasonCode: string, productLine: string, hours: number, i = 0): PastReview => ({
  reasonCode,
  productLine,
  lastDocumentAt: new Date(T0.getTime() + i * 86_400_000),
  decidedAt: new Date(T0.getTime() + i * 86_400_000 + hours * 3_600_000),
});
const options = { minSimilar: 5, defaultHours: { median: 48, p90: 120 } };

describe('median and percentile', () => {
  for (const [values, m, p90] of [
    [[7], 7, 7],
    [[1, 2], 1.5, 2],
    [[1, 2, 3, 4, 5], 3, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5.5, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 6, 10],
  ] as const) {
    test(`${values.join(',')} → median ${m}, p90 ${p90}`, () => {
      assert.equal(median(values), m);
      assert.equal(percentile(values, 90), p90);
    });
  }
  test('nothing to measure is an error, not NaN', () => {
    assert.throws(() => median([]), RangeError);
    assert.throws(() => percentile([], 90), RangeError);
  });
});

describe('review time estimate from synthetic history', () => {
  const target = { reasonCode: 'income_verification', productLine: 'personal' };

  test('five similar reviews are enough: median and p90 of last document → decision', () => {
    const history = [30, 10, 50, 20, 40].map((h, i) => past('income_verification', 'personal', h, i));
    const e = estimateReviewTime(history, target, options);
    assert.deepEqual([e.basis, e.sampleSize, e.medianHours, e.p90Hours], ['similar_reviews', 5, 30, 50]);
    assert.match(e.summary, /From 5 similar reviews/);
  });

  test('four similar reviews are too few: falls back to the same reason on any product line', () => {
    const history = [...[10, 20, 30, 40].map((h, i) => past('income_verification', 'personal', h, i)), ...[100, 200].map((h, i) => past('income_verification', 'platinum', h, i))];
    const e = estimateReviewTime(history, target, options);
    assert.deepEqual([e.basis, e.sampleSize, e.medianHours, e.p90Hours], ['same_reason', 6, 35, 200]);
  });

  test('too thin everywhere: the stated default, saying why', () => {
    const history = [...[10, 20].map((h, i) => past('income_verification', 'personal', h, i)), ...[1, 2, 3, 4, 5, 6].map((h, i) => past('identity', 'personal', h, i))];
    const e = estimateReviewTime(history, target, options);
    assert.deepEqual([e.basis, e.sampleSize, e.medianHours, e.p90Hours], ['default', 2, 48, 120]);
    assert.match(e.summary, /too few similar past reviews \(fewer than 5\)/);
    assert.match(e.summary, /5 days/);
  });

  test('other reasons never count, and a decision before the last document is ignored', () => {
    const history = [...[10, 20, 30, 40, 50].map((h, i) => past('identity', 'personal', h, i)), ...[5, 6, 7, 8].map((h, i) => past('income_verification', 'personal', h, i)), past('income_verification', 'personal', -3)];
    assert.equal(estimateReviewTime(history, target, options).basis, 'default');
  });

  test('fractional hours keep one decimal', () => {
    const history = [1.25, 1.5, 2, 2.5, 3.75, 4].map((h, i) => past('income_verification', 'personal', h, i));
    const e = estimateReviewTime(history, target, options);
    assert.deepEqual([e.medianHours, e.p90Hours], [2.3, 4]); // (2 + 2.5) / 2 = 2.25 → 2.3
  });
});
