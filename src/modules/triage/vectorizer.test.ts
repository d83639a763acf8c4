import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countFeature, createFeatureCounts, createFeatureTable, drainFeatures, featureOf } from './feature-counts.ts';
import { readModelFile } from './model-file.ts';
import { DEFAULT_MODEL_PATH } from './create-triage.ts';
import { createRng } from './rng.ts';
import { createSparseBuffer, createVectorizer, type SparseBuffer, type Vectorizer } from './vectorizer.ts';

describe('feature table and counts', () => {
  it('finds every hash it was built from, and nothing else', () => {
    const rng = createRng(3);
    const hashes = Uint32Array.from(new Set(Array.from({ length: 5000 }, () => Math.floor(rng.next() * 2 ** 32)))).sort();
    const table = createFeatureTable(hashes);
    for (let f = 0; f < hashes.length; f++) assert.equal(featureOf(table, hashes[f]!), f);
    const known = new Set(hashes);
    for (let i = 0; i < 5000; i++) {
      const h = Math.floor(rng.next() * 2 ** 32);
      if (!known.has(h)) assert.equal(featureOf(table, h), -1);
    }
  });

  it('drains counted features in ascending order with their counts, and starts empty again', () => {
    const counts = createFeatureCounts(100);
    for (const f of [70, 3, 31, 32, 3, 99, 0, 70, 3]) countFeature(counts, f);
    const features = new Int32Array(100);
    const tf = new Int32Array(100);
    const n = drainFeatures(counts, features, tf);
    assert.deepEqual([...features.subarray(0, n)], [0, 3, 31, 32, 70, 99]);
    assert.deepEqual([...tf.subarray(0, n)], [1, 3, 1, 1, 2, 1]);
    assert.equal(drainFeatures(counts, features, tf), 0);
  });
});

describe('the vectorizer\'s per-word caches', () => {
  const model = readModelFile(DEFAULT_MODEL_PATH);
  const fresh = () => createVectorizer({ config: model.meta.features, hashes: model.hashes, idf: model.idf, spellWords: model.spellWords, spellCounts: model.spellCounts });
  const vector = (v: Vectorizer, text: string): [number[], number[]] => {
    const out: SparseBuffer = createSparseBuffer(4);
    const n = v.transform(text, out);
    return [[...out.idx.subarray(0, n)], [...out.val.subarray(0, n)]];
  };
  const texts = ["My card was charged twice, can't see the refund", 'Ｍｙ ｃａｒｄ wasn’t délivered — recieved nothing', 'transfr acount statment'];

  it('give the same vector on a cache hit as on a miss', () => {
    const v = fresh();
    for (const text of texts) assert.deepEqual(vector(v, text), vector(v, text));
  });

  it('give the same vectors after more distinct words than they hold (25,000 > 20,000: emptied and refilled)', () => {
    const v = fresh();
    const before = texts.map((t) => vector(v, t));
    const rng = createRng(11);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (let i = 0; i < 2500; i++) {
      const words = Array.from({ length: 10 }, () => Array.from({ length: 4 + rng.int(6) }, () => letters[rng.int(26)]).join(''));
      v.transform(words.join(' '), createSparseBuffer());
    }
    assert.deepEqual(texts.map((t) => vector(v, t)), before);
    assert.deepEqual(texts.map((t) => vector(fresh(), t)), before);
  });
});
