/**
 * Triage: a trainable intent classifier (labelled CSV in, versioned model file out) mapped by configuration to
 * workflows, case types, queues, priorities, help articles and hotlines; with calibrated confidence and a
 * fallback to a person's general queue below a threshold. DESIGN.md §11.
 *
 * How it classifies (all TypeScript, typed arrays, no native code, no network; the forward pass runs as a small
 * WebAssembly SIMD kernel emitted from TypeScript at start-up, wasm-forward.ts, with the plain-JS path as fallback):
 * 1. text-features.ts — NFKC, lower case, contractions expanded, numbers folded; spelling normalization of
 *    unknown words (speller.ts); hashed word 1–2-grams (lightly stemmed) and character 2–5-grams inside words.
 * 2. vectorizer.ts — the n-grams seen in training, TF-IDF with sublinear tf, word and character blocks each
 *    L2-normalized.
 * 3. network.ts / train-network.ts — one ReLU hidden layer (256 units) trained with AdamW, heavy input and
 *    hidden dropout (0.6), label smoothing, class-balanced loss, linear learning-rate decay.
 * 4. train-model.ts — 4 such networks (seeds) on all the data, averaged and shipped merged as one 1024-unit
 *    network (quantized-network.ts, 8-bit first layer); a 5th network trained without a held-out 10% fits the
 *    softmax temperature (calibration.ts) and gives an honest accuracy estimate.
 * 5. model-file.ts — "CCTRIAGE", format version, JSON header (labels, feature configuration, temperature,
 *    training options), tensors, SHA-256; another version is refused with the reason.
 */
export { createTriage, buildTriage, DEFAULT_MODEL_PATH, DEFAULT_LABELS_PATH, DEFAULT_TRAINING_DATA_PATH, type RankedLabel, type Triage, type TriageOptions, type TriageResult } from './create-triage.ts';
export { createClassifierPrioritizer } from './classifier-prioritizer.ts';
export { createClassifier, loadClassifier, type Classifier, type Prediction } from './classifier.ts';
export { trainModel, DEFAULT_TRAIN_OPTIONS, type TrainOptions, type TrainReport } from './train-model.ts';
export { evaluate, formatEvaluation, type Evaluation } from './evaluate.ts';
export { parseLabelledCsv, readLabelledCsv, MAX_TEXT_CHARS, type LabelledExample } from './labelled-csv.ts';
export { loadLabelsConfig, parseLabelsConfig, type LabelsConfig, type LabelRoute } from './labels-config.ts';
export { MODEL_FORMAT_VERSION, readModelFile, writeModelFile, encodeModel, decodeModel, type ModelContents } from './model-file.ts';
export { score, stratifiedFolds, type Scores } from './metrics.ts';
export { TriageError, type TriageErrorCode } from './triage-error.ts';
