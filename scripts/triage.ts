// The triage classifier's command line (`npm run triage -- <command> …`):
//
//   train    --data <csv> --out <model> [--labels <labels.json>] [--seed N] [--members N] [--hidden N] [--epochs N] [--workers N]
//   eval     --data <csv> --model <model>          last two lines: `accuracy: 0.xxxx` and `macro_f1: 0.xxxx`
//   classify [--model <model>] [--labels <labels.json>] [--threshold P] "text"
//
// The CSV has the header `text,label`. With --labels, training refuses a label the configuration does not map.
// Errors go to stderr as one line `triage: …` naming the file and line; the exit code is 1 (2 for usage).
import { parseArgs } from 'node:util';
import {
  buildTriage,
  createClassifier,
  DEFAULT_LABELS_PATH,
  DEFAULT_MODEL_PATH,
  DEFAULT_TRAIN_OPTIONS,
  evaluate,
  formatEvaluation,
  loadLabelsConfig,
  readLabelledCsv,
  readModelFile,
  trainModel,
  type TrainOptions,
  TriageError,
  writeModelFile,
} from '../src/modules/triage/index.ts';

const USAGE = `usage:
  npm run triage -- train --data <csv> --out <model> [--labels <labels.json>] [--seed N] [--members N] [--hidden N] [--epochs N] [--workers N]
  npm run triage -- eval --data <csv> --model <model>
  npm run triage -- classify [--model <model>] [--labels <labels.json>] [--threshold P] "text"`;

class UsageError extends Error {}

const OPTIONS = {
  data: { type: 'string' },
  out: { type: 'string' },
  model: { type: 'string' },
  labels: { type: 'string' },
  threshold: { type: 'string' },
  seed: { type: 'string' },
  members: { type: 'string' },
  hidden: { type: 'string' },
  epochs: { type: 'string' },
  workers: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

function required(values: Values, name: 'data' | 'out' | 'model'): string {
  const v = values[name];
  if (!v) throw new UsageError(`missing --${name}`);
  return v;
}

function integer(values: Values, name: 'seed' | 'members' | 'hidden' | 'epochs' | 'workers'): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(`--${name} must be a whole number, got "${v}"`);
  return Number(v);
}

async function train(values: Values): Promise<void> {
  const data = required(values, 'data');
  const out = required(values, 'out');
  const labels = values.labels ? loadLabelsConfig(values.labels) : undefined;
  const examples = readLabelledCsv(data, labels ? { knownLabels: new Set(labels.labels.keys()), knownLabelsFrom: values.labels } : {});
  const overrides: Partial<TrainOptions> = {};
  for (const key of ['seed', 'members', 'hidden', 'epochs', 'workers'] as const) {
    const v = integer(values, key);
    if (v !== undefined) overrides[key] = v;
  }
  const { contents, report } = await trainModel(examples, overrides, (line) => process.stderr.write(`${line}\n`));
  const bytes = writeModelFile(out, contents);
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...overrides };
  process.stdout.write(
    [
      `trained ${out}: ${report.examples} examples, ${report.labels} labels, ${report.features} n-gram features`,
      `network: ${o.hidden > 0 ? `${report.members} × ${o.hidden} hidden units, merged` : 'linear'}; confidence temperature ${report.temperature.toFixed(3)}`,
      `held-out (calibration network, on the ${Math.round(o.holdout * 100)}% it did not see): accuracy ${report.heldOut.accuracy.toFixed(4)}, macro_f1 ${report.heldOut.macroF1.toFixed(4)}`,
      `training time ${report.seconds.toFixed(1)} s; model file ${(bytes / 1024 / 1024).toFixed(2)} MB`,
    ].join('\n') + '\n',
  );
}

function evalCommand(values: Values): void {
  const modelPath = required(values, 'model');
  const data = required(values, 'data');
  const classifier = createClassifier(readModelFile(modelPath));
  const examples = readLabelledCsv(data, { knownLabels: new Set(classifier.labels), knownLabelsFrom: `the labels of ${modelPath}` });
  process.stdout.write(`${formatEvaluation(evaluate(classifier, examples))}\n`);
}

function classify(values: Values, positionals: string[]): void {
  const text = positionals.join(' ');
  if (!text.trim()) throw new TriageError('empty_text', 'the text to classify is empty: npm run triage -- classify --model <model> "text"');
  const modelPath = values.model ?? DEFAULT_MODEL_PATH;
  const labelsPath = values.labels ?? (values.model ? undefined : DEFAULT_LABELS_PATH);
  const classifier = createClassifier(readModelFile(modelPath));
  let threshold: number | undefined;
  if (values.threshold !== undefined) {
    threshold = Number(values.threshold);
    if (!(threshold >= 0 && threshold <= 1)) throw new UsageError(`--threshold must be between 0 and 1, got "${values.threshold}"`);
  }
  if (labelsPath) {
    const triage = buildTriage(classifier, loadLabelsConfig(labelsPath), threshold, `${modelPath} and ${labelsPath}`);
    process.stdout.write(`${JSON.stringify(triage.classify(text), null, 2)}\n`);
    return;
  }
  const p = classifier.predict(text, 3);
  const fallbackToHuman = threshold !== undefined && p.confidence < threshold;
  process.stdout.write(`${JSON.stringify({ ...p, ...(threshold !== undefined ? { fallbackToHuman } : {}) }, null, 2)}\n`);
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: process.argv.slice(2), options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`triage: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  const values = parsed.values as Values;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }
  try {
    if (command === 'train') await train(values);
    else if (command === 'eval') evalCommand(values);
    else if (command === 'classify') classify(values, rest);
    else throw new UsageError(`unknown command "${command}"`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`triage: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof TriageError) {
      process.stderr.write(`triage: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
