import type { Classifier } from './classifier.ts';
import type { LabelledExample } from './labelled-csv.ts';
import { score, type Scores } from './metrics.ts';

export type Evaluation = Scores & {
  /** Per label: examples, recall, precision, F1 — worst F1 first. */
  perLabel: { label: string; support: number; precision: number; recall: number; f1: number }[];
  /** Most frequent confusions, "truth → predicted". */
  confusions: { truth: string; predicted: string; count: number }[];
  msPerMessage: number;
};

/** Scores a classifier on labelled examples (whose labels the caller has checked against the model's). */
export function evaluate(classifier: Classifier, examples: readonly LabelledExample[]): Evaluation {
  const index = new Map(classifier.labels.map((l, i) => [l, i]));
  const C = classifier.labels.length;
  const truth = Int32Array.from(examples, (e) => index.get(e.label)!);
  const started = performance.now();
  const predicted = Int32Array.from(examples, (e) => classifier.predictIndex(e.text));
  const ms = performance.now() - started;
  const tp = new Float64Array(C);
  const actual = new Float64Array(C);
  const guessed = new Float64Array(C);
  const pairs = new Map<string, number>();
  truth.forEach((t, i) => {
    const p = predicted[i]!;
    actual[t]!++;
    guessed[p]!++;
    if (t === p) tp[t]!++;
    else pairs.set(`${t} ${p}`, (pairs.get(`${t} ${p}`) ?? 0) + 1);
  });
  const perLabel = classifier.labels
    .map((label, c) => ({
      label,
      support: actual[c]!,
      precision: guessed[c]! ? tp[c]! / guessed[c]! : 0,
      recall: actual[c]! ? tp[c]! / actual[c]! : 0,
      f1: actual[c]! + guessed[c]! ? (2 * tp[c]!) / (actual[c]! + guessed[c]!) : 0,
    }))
    .filter((r) => r.support > 0)
    .sort((a, b) => a.f1 - b.f1 || a.label.localeCompare(b.label));
  const confusions = [...pairs.entries()]
    .map(([k, count]) => {
      const [t, p] = k.split(' ').map(Number);
      return { truth: classifier.labels[t!]!, predicted: classifier.labels[p!]!, count };
    })
    .sort((a, b) => b.count - a.count || a.truth.localeCompare(b.truth))
    .slice(0, 10);
  return { ...score(truth, predicted, C), perLabel, confusions, msPerMessage: examples.length ? ms / examples.length : 0 };
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** The eval command's report. Its last two lines are always `accuracy: 0.xxxx` and `macro_f1: 0.xxxx`. */
export function formatEvaluation(e: Evaluation, worst = 10): string {
  const lines = [`examples: ${e.count}`, `ms per message: ${e.msPerMessage.toFixed(3)}`, `balanced accuracy (mean recall per label): ${e.balancedAccuracy.toFixed(4)}`];
  if (e.perLabel.length > 0) {
    lines.push(`weakest labels (F1, precision, recall, examples):`);
    for (const r of e.perLabel.slice(0, worst)) lines.push(`  ${r.label.padEnd(40)} ${pct(r.f1).padStart(6)} ${pct(r.precision).padStart(6)} ${pct(r.recall).padStart(6)} ${String(r.support).padStart(5)}`);
  }
  if (e.confusions.length > 0) {
    lines.push('most frequent confusions (truth → predicted):');
    for (const c of e.confusions) lines.push(`  ${String(c.count).padStart(4)}  ${c.truth} → ${c.predicted}`);
  }
  lines.push(`accuracy: ${e.accuracy.toFixed(4)}`, `macro_f1: ${e.macroF1.toFixed(4)}`);
  return lines.join('\n');
}
