// `npm run bench:triage [-- <train.csv>] [--folds N] [--seed N] [--members N] [--hidden N] [--epochs N]`
//
// The triage classifier's quality benchmark: stratified k-fold cross-validation (default 5) on a labelled CSV,
// by default Banking77's training split at ../shared/data/banking77/train.csv (CC-BY-4.0, read in place, never
// copied into the repository). Each fold trains a model exactly as `npm run triage -- train` does (same
// defaults), scores it on the fold it did not see, and times every classification one by one on this thread
// (one core; training is over by then). Then one model is trained on all the data, for the training time and
// the model file size that a real `train` gives.
//
// Prints numbers and never asserts (bench/run.ts's rule). The folds of train.csv are imbalanced like the file
// (35–187 per label) while Banking77's official test split is balanced (40 per label): "balanced accuracy"
// (mean recall per label) is the figure that estimates accuracy on a balanced test set.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  createClassifier,
  DEFAULT_TRAIN_OPTIONS,
  type LabelledExample,
  readLabelledCsv,
  score,
  stratifiedFolds,
  trainModel,
  type TrainOptions,
  writeModelFile,
} from '../src/modules/triage/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DATA = path.resolve(ROOT, '../shared/data/banking77/train.csv');

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    folds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    members: { type: 'string' },
    hidden: { type: 'string' },
    epochs: { type: 'string' },
    'skip-full': { type: 'boolean', default: false },
  },
});

const dataPath = positionals[0] ?? DEFAULT_DATA;
const k = Number(values.folds);
const overrides: Partial<TrainOptions> = {};
if (values.members) overrides.members = Number(values.members);
if (values.hidden) overrides.hidden = Number(values.hidden);
if (values.epochs) overrides.epochs = Number(values.epochs);
const options = { ...DEFAULT_TRAIN_OPTIONS, ...overrides };

const quantile = (sorted: Float64Array, q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
const pct = (v: number) => (v * 100).toFixed(2);
const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const examples = readLabelledCsv(dataPath);
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const y = Int32Array.from(examples, (e) => index.get(e.label)!);
  const fold = stratifiedFolds(y, k, Number(values.seed));
  log(`triage benchmark: ${dataPath}`);
  log(`${examples.length} examples, ${labels.length} labels; stratified ${k}-fold cross-validation (seed ${values.seed})`);
  log(`model: ${options.members} × ${options.hidden}-unit networks (input dropout ${options.inputDropout}, hidden dropout ${options.hiddenDropout}, ${options.epochs} epochs), merged; workers ${options.workers}`);
  log('');
  log('fold  train   test  accuracy  macro_f1  balanced  train_s  cpu_s  p50_ms  p99_ms  cpu_p50  cpu_p99');

  const rows: { accuracy: number; macroF1: number; balanced: number; seconds: number; cpu: number }[] = [];
  const allTimes: number[] = [];
  const allCpu: number[] = [];
  const confidences: number[] = [];
  const hits: boolean[] = [];
  for (let f = 0; f < k; f++) {
    const train: LabelledExample[] = [];
    const test: LabelledExample[] = [];
    examples.forEach((e, i) => (fold[i] === f ? test : train).push(e));
    const cpu0 = process.cpuUsage();
    const { contents, report } = await trainModel(train, overrides);
    const cpuUsed = process.cpuUsage(cpu0);
    const cpuSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;
    const classifier = createClassifier(contents);
    const modelIndex = new Map(classifier.labels.map((l, i) => [l, i]));
    const truth = Int32Array.from(test, (e) => modelIndex.get(e.label) ?? -1);
    const predicted = new Int32Array(test.length);
    const times = new Float64Array(test.length);
    const cpuTimes = new Float64Array(test.length);
    for (let r = 0; r < 2; r++) classifier.predict(test[r % test.length]!.text); // warm the JIT
    // Wall time per message, and CPU time (this process; no worker runs now), which a busy machine inflates less.
    test.forEach((e, i) => {
      const c = process.cpuUsage();
      const t = performance.now();
      const p = classifier.predict(e.text, 0);
      times[i] = performance.now() - t;
      predicted[i] = modelIndex.get(p.label)!;
      confidences.push(p.confidence);
      hits.push(predicted[i] === truth[i]);
      const used = process.cpuUsage(c);
      cpuTimes[i] = (used.user + used.system) / 1000;
    });
    const s = score(truth, predicted, classifier.labels.length);
    times.sort();
    cpuTimes.sort();
    allTimes.push(...times);
    allCpu.push(...cpuTimes);
    rows.push({ accuracy: s.accuracy, macroF1: s.macroF1, balanced: s.balancedAccuracy, seconds: report.seconds, cpu: cpuSeconds });
    log(
      `${String(f + 1).padStart(4)}  ${String(train.length).padStart(5)}  ${String(test.length).padStart(5)}  ${pct(s.accuracy).padStart(7)}%  ${pct(s.macroF1).padStart(7)}%  ${pct(s.balancedAccuracy).padStart(7)}%  ${report.seconds.toFixed(1).padStart(7)}  ${cpuSeconds.toFixed(0).padStart(5)}  ${quantile(times, 0.5).toFixed(3).padStart(6)}  ${quantile(times, 0.99).toFixed(3).padStart(6)}  ${quantile(cpuTimes, 0.5).toFixed(3).padStart(7)}  ${quantile(cpuTimes, 0.99).toFixed(3).padStart(7)}`,
    );
  }
  const sorted = Float64Array.from(allTimes).sort();
  const sortedCpu = Float64Array.from(allCpu).sort();
  log('');
  log(`cross-validation accuracy   ${pct(mean(rows.map((r) => r.accuracy)))}% ± ${pct(sd(rows.map((r) => r.accuracy)))}`);
  log(`cross-validation macro-F1   ${pct(mean(rows.map((r) => r.macroF1)))}% ± ${pct(sd(rows.map((r) => r.macroF1)))}`);
  log(`balanced accuracy           ${pct(mean(rows.map((r) => r.balanced)))}%  (estimates accuracy on a label-balanced test set)`);
  log(`calibration                 expected calibration error ${pct(expectedCalibrationError(confidences, hits))}% (10 bins; 0 = confidence equals accuracy)`);
  log(`classification per message  p50 ${quantile(sorted, 0.5).toFixed(3)} ms, p99 ${quantile(sorted, 0.99).toFixed(3)} ms wall; CPU p50 ${quantile(sortedCpu, 0.5).toFixed(3)} ms, p99 ${quantile(sortedCpu, 0.99).toFixed(3)} ms  (one thread, ${sorted.length} messages)`);
  log(`training per fold           ${mean(rows.map((r) => r.seconds)).toFixed(1)} s wall, ${mean(rows.map((r) => r.cpu)).toFixed(0)} CPU-s mean (${options.workers} worker threads)`);
  log(`machine load average        ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (wall times stretch when the machine is shared)`);

  if (values['skip-full']) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'triage-bench-'));
  try {
    const cpu0 = process.cpuUsage();
    const { contents, report } = await trainModel(examples, overrides);
    const used = process.cpuUsage(cpu0);
    const file = path.join(dir, 'model.bin');
    writeModelFile(file, contents);
    log(`training on all ${examples.length} examples  ${report.seconds.toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(0)} CPU-s; model file ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB; ${report.features} n-gram features; temperature ${report.temperature.toFixed(3)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Mean |accuracy − confidence| over 10 equal-width confidence bins, weighted by the messages in each. */
function expectedCalibrationError(confidence: number[], correct: boolean[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, right: 0 }));
  confidence.forEach((c, i) => {
    const b = bins[Math.min(9, Math.floor(c * 10))]!;
    b.n++;
    b.conf += c;
    if (correct[i]) b.right++;
  });
  return bins.reduce((sum, b) => sum + (b.n ? Math.abs(b.right - b.conf) : 0), 0) / confidence.length;
}

await main();
