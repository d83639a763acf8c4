import { createRng, shuffle } from './rng.ts';

/** Accuracy, macro-averaged F1 (over the labels that occur in truth or prediction) and balanced accuracy. */
export type Scores = { accuracy: number; macroF1: number; balancedAccuracy: number; count: number };

export function score(truth: ArrayLike<number>, predicted: ArrayLike<number>, classes: number): Scores {
  const tp = new Float64Array(classes);
  const actual = new Float64Array(classes);
  const guessed = new Float64Array(classes);
  let correct = 0;
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i]!;
    const p = predicted[i]!;
    actual[t]!++;
    guessed[p]!++;
    if (t === p) {
      tp[t]!++;
      correct++;
    }
  }
  let f1Sum = 0;
  let f1Count = 0;
  let recallSum = 0;
  let recallCount = 0;
  for (let c = 0; c < classes; c++) {
    if (actual[c]! > 0) {
      recallSum += tp[c]! / actual[c]!;
      recallCount++;
    }
    if (actual[c]! + guessed[c]! > 0) {
      f1Sum += (2 * tp[c]!) / (actual[c]! + guessed[c]!);
      f1Count++;
    }
  }
  return {
    accuracy: truth.length ? correct / truth.length : 0,
    macroF1: f1Count ? f1Sum / f1Count : 0,
    balancedAccuracy: recallCount ? recallSum / recallCount : 0,
    count: truth.length,
  };
}

/**
 * Stratified k folds: each label's examples are shuffled (seeded) and dealt round-robin, so every fold has
 * each label in the data's proportion. Returns the fold number of each example.
 */
export function stratifiedFolds(labels: ArrayLike<number>, k: number, seed: number): Int32Array {
  const fold = new Int32Array(labels.length);
  const byLabel = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const list = byLabel.get(labels[i]!);
    if (list) list.push(i);
    else byLabel.set(labels[i]!, [i]);
  }
  const rng = createRng(seed);
  let next = 0;
  for (const label of [...byLabel.keys()].sort((a, b) => a - b)) {
    const members = shuffle(Int32Array.from(byLabel.get(label)!), rng);
    // Continue the round-robin where the previous label stopped, so small labels do not all land in fold 0.
    for (const i of members) fold[i] = next++ % k;
  }
  return fold;
}
