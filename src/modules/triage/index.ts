/**
 * Triage: a trainable intent classifier (labelled CSV in, versioned model file out) mapped by configuration to
 * workflows, case types, queues, priorities, help articles and hotlines; with calibrated confidence and a
 * fallback to a person's general queue below a threshold. DESIGN.md §11.
 */
export { createTriage, buildTriage, DEFAULT_MODEL_PATH, DEFAULT_LABELS_PATH, DEFAULT_TRAINING_DATA_PATH, type Triage, type TriageOptions, type TriageResult } from './create-triage.ts';
export { createClassifierPrioritizer } from './classifier-prioritizer.ts';
export { createClassifier, loadClassifier, type Classifier, type Prediction } from './classifier.ts';
export { trainModel, DEFAULT_TRAIN_OPTIONS, type TrainOptions, type TrainReport } from './train-model.ts';
export { evaluate, formatEvaluation, type Evaluation } from './evaluate.ts';
export { parseLabelledCsv, readLabelledCsv, MAX_TEXT_CHARS, type LabelledExample } from './labelled-csv.ts';
export { loadLabelsConfig, parseLabelsConfig, type LabelsConfig, type LabelRoute } from './labels-config.ts';
export { MODEL_FORMAT_VERSION, readModelFile, writeModelFile, encodeModel, decodeModel, type ModelContents } from './model-file.ts';
export { score, stratifiedFolds, type Scores } from './metrics.ts';
export { TriageError, type TriageErrorCode } from './triage-error.ts';
