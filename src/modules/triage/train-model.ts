import { createHash } from 'node:crypto';
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LabelledExample } from './labelled-csv.ts';
import { score, type Scores, stratifiedFolds } from './metrics.ts';
import type { ModelContents } from './model-file.ts';
import type { Network } from './network.ts';
import { mergeEnsemble, quantize } from './quantized-network.ts';
import { DEFAULT_FEATURES, type FeatureConfig } from './text-features.ts';
import { fitTemperature, predictLogits } from './calibration.ts';
import { type NetworkOptions, trainNetwork, type TrainingSet } from './train-network.ts';
import { TriageError } from './triage-error.ts';
import { fitVectorizer, type SparseMatrix, transformAll } from './vectorizer.ts';

export type TrainOptions = Omit<NetworkOptions, 'seed'> & {
  features: FeatureConfig;
  /** Keep n-grams seen in at least this many training texts. */
  minDf: number;
  /** Networks trained on all the data (different seeds) and averaged; shipped merged as one network. */
  members: number;
  /** Fraction of the data the calibration network leaves out; its predictions there calibrate the confidence. */
  holdout: number;
  /** Train at least this many mini-batch steps, so small data sets get enough epochs. */
  minSteps: number;
  /** Weigh each label equally in the loss whatever its number of examples (its prior is then uniform). */
  balanceClasses: boolean;
  seed: number;
  /** Worker threads for training members in parallel; 0 trains in this thread. Results do not depend on it. */
  workers: number;
};

/** Chosen by stratified cross-validation on Banking77's training split (see bench/triage.ts). */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  features: DEFAULT_FEATURES,
  minDf: 1,
  hidden: 256,
  epochs: 12,
  learningRate: 0.003,
  batchSize: 32,
  weightDecay: 0,
  inputDropout: 0.6,
  hiddenDropout: 0.6,
  labelSmoothing: 0.1,
  schedule: 'linear',
  members: 4,
  holdout: 0.1,
  minSteps: 1500,
  balanceClasses: true,
  seed: 1,
  workers: Math.max(1, Math.min(cpus().length, 5)), // 5 = the default networks: 4 members and the calibration one
};

export type TrainReport = {
  examples: number;
  labels: number;
  features: number;
  members: number;
  /** Scores of the calibration network on the slice it did not see (an honest single-network estimate). */
  heldOut: { accuracy: number; macroF1: number };
  temperature: number;
  seconds: number;
};

type MemberJob = { data: TrainingSet; inputs: number; options: NetworkOptions };

/** Trains a model from labelled examples. Deterministic for a given seed and options. */
export async function trainModel(examples: readonly LabelledExample[], overrides: Partial<TrainOptions> = {}, log: (line: string) => void = () => {}): Promise<{ contents: ModelContents; report: TrainReport }> {
  const started = performance.now();
  const options: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...overrides, features: { ...DEFAULT_FEATURES, ...overrides.features } };
  validate(options);
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  if (labels.length < 2) throw new TriageError('bad_option', `training needs at least 2 labels, the data has ${labels.length}`);
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const texts = examples.map((e) => e.text);
  const y = Int32Array.from(examples, (e) => labelIndex.get(e.label)!);
  const C = labels.length;

  const vectorizer = fitVectorizer(texts, options.features, options.minDf);
  const x = transformAll(vectorizer, texts);
  log(`${examples.length} examples, ${C} labels, ${vectorizer.size} n-gram features`);

  const weights = options.balanceClasses ? classWeights(y, C) : undefined;
  const { jobs, heldRows } = planNetworks({ x, y, classes: C, weights, inputs: vectorizer.size }, options);
  const [calibration, ...nets] = await trainAll(jobs, options.workers, log);
  const { held, temperature } = calibrate(calibration!, selectRows(x, heldRows), Int32Array.from(heldRows, (r) => y[r]!), C);
  const members = nets.length;

  const report: TrainReport = {
    examples: examples.length,
    labels: C,
    features: vectorizer.size,
    members,
    heldOut: { accuracy: held.accuracy, macroF1: held.macroF1 },
    temperature,
    seconds: (performance.now() - started) / 1000,
  };
  const { workers: _workers, ...recorded } = options;
  const contents: ModelContents = {
    meta: {
      labels,
      features: options.features,
      minDf: options.minDf,
      temperature,
      training: { ...recorded, examples: examples.length, dataSha256: examplesDigest(examples), heldOutAccuracy: round4(held.accuracy), heldOutMacroF1: round4(held.macroF1) },
    },
    hashes: vectorizer.hashes,
    idf: vectorizer.idf,
    spellWords: [...vectorizer.speller.words],
    spellCounts: [...vectorizer.speller.counts],
    net: quantize(mergeEnsemble(nets)),
  };
  return { contents, report };
}

/** A fingerprint of the training examples (texts and labels, in order), so a model can be matched to its data. */
export function examplesDigest(examples: readonly LabelledExample[]): string {
  const hash = createHash('sha256');
  for (const e of examples) hash.update(`${e.text}\u0000${e.label}\u0000`);
  return hash.digest('hex');
}

/**
 * The networks to train. The shipped ones (options.members, different seeds) all learn from all the data. One
 * more, the calibration network, learns from all but a stratified held-out slice; its logits there give an
 * honest accuracy estimate and the softmax temperature that makes confidences calibrated probabilities
 * (applied to the merged ensemble). It comes first in the list.
 * LIMITATION: the vocabulary and idf are fitted on all the data, held-out slice included (a mild optimism in
 * the held-out estimate; cross-validation in bench/triage.ts has no such leak).
 */
function planNetworks(data: TrainingSet & { inputs: number }, options: TrainOptions): { jobs: MemberJob[]; heldRows: Int32Array } {
  const { x, y, weights } = data;
  const fold = stratifiedFolds(y, Math.max(2, Math.round(1 / options.holdout)), options.seed);
  const all = Int32Array.from({ length: y.length }, (_, i) => i);
  const job = (rows: Int32Array, seed: number): MemberJob => {
    const epochs = Math.max(options.epochs, Math.ceil(options.minSteps / Math.ceil(rows.length / options.batchSize)));
    return {
      data: { x: selectRows(x, rows), y: Int32Array.from(rows, (r) => y[r]!), classes: data.classes, weights: weights && Float32Array.from(rows, (r) => weights[r]!) },
      inputs: data.inputs,
      options: { ...options, epochs, seed },
    };
  };
  const jobs = [job(all.filter((i) => fold[i] !== 0), options.seed * 1000 + 999)];
  for (let k = 0; k < options.members; k++) jobs.push(job(all, options.seed * 1000 + k));
  return { jobs, heldRows: all.filter((i) => fold[i] === 0) };
}

function calibrate(net: Network, x: SparseMatrix, truth: Int32Array, classes: number): { held: Scores; temperature: number } {
  const logits = predictLogits([net], x);
  const predicted = Int32Array.from({ length: truth.length }, (_, i) => argmax(logits, i * classes, classes));
  return { held: score(truth, predicted, classes), temperature: truth.length > 0 ? fitTemperature(logits, truth, classes) : 1 };
}

function validate(o: TrainOptions): void {
  const bad = (what: string): never => {
    throw new TriageError('bad_option', `invalid training option: ${what}`);
  };
  if (!Number.isInteger(o.hidden) || o.hidden < 0 || o.hidden > 4096) bad('hidden must be an integer 0 … 4096');
  if (!Number.isInteger(o.epochs) || o.epochs < 1 || o.epochs > 1000) bad('epochs must be an integer 1 … 1000');
  if (!(o.learningRate > 0 && o.learningRate < 1)) bad('learningRate must be in (0, 1)');
  if (!(o.inputDropout >= 0 && o.inputDropout < 1) || !(o.hiddenDropout >= 0 && o.hiddenDropout < 1)) bad('dropout must be in [0, 1)');
  if (!(o.holdout > 0 && o.holdout <= 0.5)) bad('holdout must be in (0, 0.5]');
  if (!Number.isInteger(o.members) || o.members < 1 || o.members > 16) bad('members must be an integer 1 … 16');
  if (!Number.isInteger(o.minDf) || o.minDf < 1) bad('minDf must be a positive integer');
  const f = o.features;
  if (f.charMin < 1 || f.charMax < f.charMin || f.charMax > 8 || f.wordNgrams.some((n) => n < 1 || n > 4)) bad('feature n-gram orders out of range');
}

/** Weights that give every label the same total weight, with mean 1 over the examples. */
function classWeights(y: Int32Array, classes: number): Float32Array {
  const count = new Float64Array(classes);
  for (const v of y) count[v]!++;
  return Float32Array.from(y, (v) => y.length / (classes * count[v]!));
}

async function trainAll(jobs: MemberJob[], workers: number, log: (line: string) => void): Promise<Network[]> {
  const done = (k: number, started: number) => log(`member ${k + 1}/${jobs.length} trained in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (workers <= 0 || jobs.length === 1) {
    return jobs.map((job, k) => {
      const t = performance.now();
      const net = trainNetwork(job.data, job.inputs, job.options);
      done(k, t);
      return net;
    });
  }
  const results: Network[] = new Array(jobs.length);
  let next = 0;
  const run = async (): Promise<void> => {
    while (next < jobs.length) {
      const k = next++;
      const t = performance.now();
      results[k] = await inWorker(jobs[k]!);
      done(k, t);
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, jobs.length) }, run));
  return results;
}

/**
 * Worker threads do not inherit the tsx loader that runs this TypeScript, so the worker is a small JavaScript
 * bootstrap that registers tsx and then imports train-worker.ts.
 */
const WORKER_BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(new URL('./train-worker.ts', import.meta.url).href)}); });`;

function inWorker(job: MemberJob): Promise<Network> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: job });
    worker.once('message', (net: Network) => resolve(net));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`training worker stopped with exit code ${code}`));
    });
  });
}

export function selectRows(x: SparseMatrix, rows: Int32Array): SparseMatrix {
  let nnz = 0;
  for (const r of rows) nnz += x.offsets[r + 1]! - x.offsets[r]!;
  const offsets = new Int32Array(rows.length + 1);
  const idx = new Int32Array(nnz);
  const val = new Float32Array(nnz);
  let at = 0;
  rows.forEach((r, i) => {
    const from = x.offsets[r]!;
    const to = x.offsets[r + 1]!;
    idx.set(x.idx.subarray(from, to), at);
    val.set(x.val.subarray(from, to), at);
    at += to - from;
    offsets[i + 1] = at;
  });
  return { rows: rows.length, offsets, idx, val };
}

function argmax(a: Float32Array, from: number, n: number): number {
  let best = 0;
  for (let c = 1; c < n; c++) if (a[from + c]! > a[from + best]!) best = c;
  return best;
}

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;
