import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { type Classifier, loadClassifier } from './classifier.ts';
import { DEFAULT_MODEL_PATH, DEFAULT_TRAINING_DATA_PATH } from './create-triage.ts';
import { generateInferenceCorpus, ingestLikeMessages } from './inference-corpus.ts';
import { readLabelledCsv } from './labelled-csv.ts';
import { normalizeWords } from './text-features.ts';
import { TriageError } from './triage-error.ts';
import { createSparseBuffer } from './vectorizer.ts';

/**
 * Regression lock for the fast inference paths (ASCII scanner, per-word cache, hash table, WebAssembly first
 * layer): inference-fixture.json holds what the implementation before that work gave for a corpus of ~2,200
 * texts with the default model — the words, the sparse vectors and the probabilities, bit for bit (SHA-256),
 * plus each text's label and confidence. It is tied to config/triage/default-model.bin: after retraining the
 * default model, re-record it with `CARDCARE_RECORD_TRIAGE_FIXTURE=1 npm test -- inference-fixture` (and check
 * the labels in the diff are the new model's, not a bug).
 */
const FIXTURE_PATH = new URL('./inference-fixture.json', import.meta.url);

type Fixture = { texts: number; wordsSha256: string; vectorsSha256: string; probabilitiesSha256: string; labels: string; confidences: number[] };

export function inferenceCorpus(): string[] {
  const training = readLabelledCsv(DEFAULT_TRAINING_DATA_PATH).map((e) => e.text);
  const vocabulary = [...new Set(training.flatMap((t) => t.split(/\s+/)).filter(Boolean))];
  const long = `${training.slice(0, 400).join(' ')} ${'a'.repeat(20)}`; // past MAX_TEXT_CHARS: classified on its start
  return [...training, ...generateInferenceCorpus(vocabulary, 1500), ...ingestLikeMessages(20), '', '   ?! ', '•••• ••••', long, `${long}x`];
}

const corpus = inferenceCorpus();

function digest(update: (hash: ReturnType<typeof createHash>) => void): string {
  const hash = createHash('sha256');
  update(hash);
  return hash.digest('hex');
}

function compute(classifier: Classifier): Fixture {
  const sparse = createSparseBuffer();
  const wordsSha256 = digest((h) => { for (const t of corpus) h.update(`${normalizeWords(t).join('\u0001')}\u0002`); });
  const vectorsSha256 = digest((h) => {
    for (const t of corpus) {
      const n = classifier.vectorizer.transform(t, sparse);
      h.update(new Uint8Array(Int32Array.of(n).buffer));
      h.update(new Uint8Array(sparse.idx.buffer, 0, n * 4));
      h.update(new Uint8Array(sparse.val.buffer, 0, n * 4));
    }
  });
  let labels = '';
  const confidences: number[] = [];
  const probabilitiesSha256 = digest((h) => {
    for (const t of corpus) {
      try {
        const p = classifier.predict(t, classifier.labels.length - 1);
        labels += String.fromCharCode(65 + classifier.labels.indexOf(p.label));
        confidences.push(Math.round(p.confidence * 1e6) / 1e6);
        h.update(new Uint8Array(Float64Array.from([p.confidence, ...p.alternatives.map((a) => a.confidence)]).buffer));
        h.update(`${[p.label, ...p.alternatives.map((a) => a.label)].join(',')}\n`);
      } catch (error) {
        if (!(error instanceof TriageError) || error.code !== 'empty_text') throw error;
        labels += '-';
        confidences.push(-1);
        h.update('empty_text\n');
      }
    }
  });
  return { texts: corpus.length, wordsSha256, vectorsSha256, probabilitiesSha256, labels, confidences };
}

describe('inference matches the recorded outputs of the reference implementation', () => {
  const reference = compute(loadClassifier(DEFAULT_MODEL_PATH, { wasm: false }));
  if (process.env.CARDCARE_RECORD_TRIAGE_FIXTURE === '1') {
    it('records the fixture', () => writeFileSync(FIXTURE_PATH, `${JSON.stringify(reference)}\n`));
    return;
  }
  const expected = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as Fixture;
  const fast = compute(loadClassifier(DEFAULT_MODEL_PATH));

  it('covers the same corpus', () => assert.equal(reference.texts, expected.texts));
  it('normalizes every text to the same words', () => assert.equal(reference.wordsSha256, expected.wordsSha256));
  it('turns every text into the same sparse vector, bit for bit', () => assert.equal(reference.vectorsSha256, expected.vectorsSha256));
  it('gives every text the same probabilities, bit for bit, on the JavaScript forward pass', () => assert.equal(reference.probabilitiesSha256, expected.probabilitiesSha256));
  it('gives every text the same label and (within float rounding) confidence on the WebAssembly forward pass', () => {
    assert.equal(fast.vectorsSha256, expected.vectorsSha256);
    for (let i = 0; i < corpus.length; i++) {
      assert.equal(fast.labels[i], expected.labels[i], `text ${i}: ${JSON.stringify(corpus[i]!.slice(0, 80))}`);
      assert.ok(Math.abs(fast.confidences[i]! - expected.confidences[i]!) <= 1e-5, `text ${i}: ${fast.confidences[i]} vs ${expected.confidences[i]}`);
    }
  });
});
