import { MAX_TEXT_CHARS } from './labelled-csv.ts';
import { type ModelContents, readModelFile } from './model-file.ts';
import { softmax } from './network.ts';
import { createQuantizedForward } from './quantized-network.ts';
import { TriageError } from './triage-error.ts';
import { createSparseBuffer, createVectorizer, type Vectorizer } from './vectorizer.ts';

export type Prediction = {
  label: string;
  /** Calibrated probability of `label` (temperature-scaled softmax), 0 … 1. */
  confidence: number;
  /** The next best labels with their probabilities, best first. */
  alternatives: { label: string; confidence: number }[];
};

export type Classifier = {
  readonly labels: readonly string[];
  readonly contents: ModelContents;
  readonly vectorizer: Vectorizer;
  /** Classifies one text. Throws TriageError('empty_text') when it has no letters or digits. */
  predict(text: string, alternatives?: number): Prediction;
  /** Index of the best label, for evaluation loops (no allocation of a result object). */
  predictIndex(text: string): number;
};

export type ClassifierOptions = {
  /** false: the plain JavaScript forward pass (the reference the WebAssembly one is tested against). */
  wasm?: boolean;
};

/** A ready classifier from a model file's contents. Not shared across threads: it reuses scratch buffers. */
export function createClassifier(contents: ModelContents, options: ClassifierOptions = {}): Classifier {
  const { meta, net } = contents;
  const vectorizer = createVectorizer({ config: meta.features, hashes: contents.hashes, idf: contents.idf, spellWords: contents.spellWords, spellCounts: contents.spellCounts });
  const sparse = createSparseBuffer();
  const forward = createQuantizedForward(net, options);

  function probabilities(text: string): Float32Array {
    // LIMITATION: a very long message is classified on its first MAX_TEXT_CHARS characters (the subject and
    // opening lines carry the intent; the cost stays bounded).
    const clipped = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
    if (!/[\p{L}\p{N}]/u.test(clipped)) throw new TriageError('empty_text', 'the text to classify is empty (no letters or digits)');
    const n = vectorizer.transform(clipped, sparse);
    const z = forward(sparse.idx, sparse.val, n);
    softmax(z, meta.temperature);
    return z;
  }

  return {
    labels: meta.labels,
    contents,
    vectorizer,
    predict(text, alternatives = 2) {
      const p = probabilities(text);
      const best = argmax(p);
      const others = alternatives > 0 ? Array.from(p.keys()).filter((i) => i !== best).sort((a, b) => p[b]! - p[a]! || a - b) : [];
      return {
        label: meta.labels[best]!,
        confidence: p[best]!,
        alternatives: others.slice(0, alternatives).map((i) => ({ label: meta.labels[i]!, confidence: p[i]! })),
      };
    },
    predictIndex(text) {
      return argmax(probabilities(text));
    },
  };
}

/** The first index of the largest value (ties go to the earlier label, as in a stable sort). */
function argmax(p: Float32Array): number {
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  return best;
}

export function loadClassifier(modelPath: string, options: ClassifierOptions = {}): Classifier {
  return createClassifier(readModelFile(modelPath), options);
}
