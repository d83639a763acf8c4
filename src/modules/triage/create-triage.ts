import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseType, Priority } from '../cases/index.ts';
import { type Classifier, loadClassifier } from './classifier.ts';
import { type LabelRoute, type LabelsConfig, loadLabelsConfig } from './labels-config.ts';
import { TriageError } from './triage-error.ts';

const CONFIG_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../config/triage');
export const DEFAULT_MODEL_PATH = path.join(CONFIG_DIR, 'default-model.bin');
export const DEFAULT_LABELS_PATH = path.join(CONFIG_DIR, 'labels.json');
export const DEFAULT_TRAINING_DATA_PATH = path.join(CONFIG_DIR, 'training.csv');

export type TriageResult = {
  /** The predicted label (kept even when not confident: the agent sees the guess, retraining can use it). */
  label: string;
  /** Calibrated probability of the predicted label. */
  confidence: number;
  workflow: string;
  caseType: CaseType;
  priority: Priority;
  productLine: string;
  queue: string;
  articles: string[];
  /** Product line whose hotline to show. */
  hotline: string;
  /**
   * True when the confidence is below the threshold: the routing fields above are then the configuration's
   * fallback (a person's general queue), not the label's.
   */
  fallbackToHuman: boolean;
};

/** One of the best labels for a text, with where its configuration sends it. */
export type RankedLabel = { label: string; confidence: number; route: LabelRoute };

export type Triage = {
  readonly threshold: number;
  readonly labels: readonly string[];
  classify(text: string): TriageResult;
  /** The `count` most probable labels, best first, whatever their confidence ("which number do I call?"). */
  rank(text: string, count: number): RankedLabel[];
};

export type TriageOptions = {
  modelPath?: string;
  labelsPath?: string;
  /** Below this confidence the message goes to a person (default: the labels configuration's threshold). */
  threshold?: number;
};

/**
 * Loads the model and the label → workflow mapping once (at start) and returns the classifier every message
 * goes through. Refuses a model whose labels the configuration does not map: a message must never land in a
 * label with no queue.
 */
export function createTriage(options: TriageOptions = {}): Triage {
  const modelPath = options.modelPath ?? DEFAULT_MODEL_PATH;
  const labelsPath = options.labelsPath ?? DEFAULT_LABELS_PATH;
  return buildTriage(loadClassifier(modelPath), loadLabelsConfig(labelsPath), options.threshold, `${modelPath} and ${labelsPath}`);
}

export function buildTriage(classifier: Classifier, config: LabelsConfig, threshold: number | undefined, source = 'the model'): Triage {
  const min = threshold ?? config.threshold;
  if (!(min >= 0 && min <= 1)) throw new TriageError('bad_option', `threshold must be between 0 and 1, got ${threshold}`);
  const unmapped = classifier.labels.filter((l) => !config.labels.has(l));
  if (unmapped.length > 0) {
    throw new TriageError('labels_config_invalid', `${source}: the model predicts labels the configuration does not map: ${unmapped.join(', ')}`);
  }
  return {
    threshold: min,
    labels: classifier.labels,
    classify(text) {
      const p = classifier.predict(text, 0);
      const confident = p.confidence >= min;
      const route = confident ? config.labels.get(p.label)! : config.fallback;
      return {
        label: p.label,
        confidence: p.confidence,
        workflow: route.workflow,
        caseType: route.caseType,
        priority: route.priority,
        productLine: route.productLine,
        queue: route.queue,
        articles: [...route.articles],
        hotline: route.hotline,
        fallbackToHuman: !confident,
      };
    },
    rank(text, count) {
      const p = classifier.predict(text, Math.max(0, count - 1));
      return [{ label: p.label, confidence: p.confidence }, ...p.alternatives]
        .slice(0, Math.max(0, count))
        .map((l) => ({ label: l.label, confidence: l.confidence, route: config.labels.get(l.label)! }));
    },
  };
}
