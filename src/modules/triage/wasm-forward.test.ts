import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadClassifier } from './classifier.ts';
import { DEFAULT_MODEL_PATH, DEFAULT_TRAINING_DATA_PATH } from './create-triage.ts';
import { createWasmForward, forwardModuleBytes } from './wasm-forward.ts';
import { generateInferenceCorpus } from './inference-corpus.ts';
import { readLabelledCsv } from './labelled-csv.ts';
import { createQuantizedForward, createQuantizedScratch, type QuantizedNetwork, quantizedLogits } from './quantized-network.ts';
import { createRng } from './rng.ts';
import { createSparseBuffer } from './vectorizer.ts';
import { signedLeb, unsignedLeb } from './wasm-encoder.ts';

const BANKING77 = path.resolve(path.dirname(DEFAULT_TRAINING_DATA_PATH), '../../../shared/data/banking77/train.csv');

function maxDifference(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

function randomNetwork(inputs: number, hidden: number, classes: number, seed: number): QuantizedNetwork {
  const rng = createRng(seed);
  const f32 = (n: number, scale: number) => Float32Array.from({ length: n }, () => (rng.next() - 0.5) * scale);
  const w1 = Int8Array.from({ length: inputs * hidden }, () => rng.int(255) - 127);
  return { inputs, hidden, classes, w1, w1Scale: f32(inputs, 0.1).map(Math.abs), b1: f32(hidden, 1), w2: f32(hidden * classes, 1), b2: f32(classes, 1) };
}

describe('the WebAssembly encoder', () => {
  it('writes LEB128 integers', () => {
    const unsigned: [number, number[]][] = [[0, [0]], [127, [0x7f]], [128, [0x80, 0x01]], [624485, [0xe5, 0x8e, 0x26]], [0xffffffff, [0xff, 0xff, 0xff, 0xff, 0x0f]]];
    for (const [v, bytes] of unsigned) assert.deepEqual(unsignedLeb(v), bytes, String(v));
    const signed: [number, number[]][] = [[0, [0]], [63, [0x3f]], [64, [0xc0, 0x00]], [-1, [0x7f]], [-64, [0x40]], [-65, [0xbf, 0x7f]], [-123456, [0xc0, 0xbb, 0x78]]];
    for (const [v, bytes] of signed) assert.deepEqual(signedLeb(v), bytes, String(v));
  });

  it('emits a valid module, and this runtime runs it (else every test below would compare JavaScript to itself)', () => {
    assert.equal(WebAssembly.validate(forwardModuleBytes()), true);
    assert.ok(createWasmForward(randomNetwork(8, 16, 4, 1)));
  });
});

describe('the WebAssembly forward pass', () => {
  it('matches the JavaScript forward pass on random networks, any number of rows (tails of 1–3, none)', () => {
    for (const [inputs, hidden, classes, seed] of [[40, 16, 4, 1], [300, 48, 8, 2], [1000, 128, 24, 3]] as const) {
      const net = randomNetwork(inputs, hidden, classes, seed);
      const wasm = createQuantizedForward(net);
      const scratch = createQuantizedScratch(net);
      const rng = createRng(seed);
      for (let trial = 0; trial < 50; trial++) {
        const n = trial < 8 ? trial : rng.int(Math.min(inputs, 400));
        const picked = new Set<number>();
        while (picked.size < n) picked.add(rng.int(inputs));
        const idx = Int32Array.from([...picked].sort((a, b) => a - b));
        const val = Float32Array.from(idx, () => rng.next());
        const expected = Float32Array.from(quantizedLogits(net, idx, val, n, scratch));
        assert.ok(maxDifference(wasm(idx, val, n), expected) < 1e-4, `${inputs}×${hidden}, ${n} rows`);
      }
    }
  });

  it('is not used for a shape its 16- and 4-lane steps do not divide (the JavaScript path runs instead)', () => {
    const idx = Int32Array.of(1, 5);
    const val = Float32Array.of(0.5, 0.25);
    for (const net of [randomNetwork(10, 24, 4, 4), randomNetwork(10, 16, 3, 5)]) {
      assert.equal(createWasmForward(net), null);
      assert.deepEqual(createQuantizedForward(net)(idx, val, 2), quantizedLogits(net, idx, val, 2, createQuantizedScratch(net)));
    }
    const linear = randomNetwork(10, 0, 4, 6);
    assert.equal(createWasmForward({ ...linear, w1: new Int8Array(40), b1: new Float32Array(4) }), null);
  });

  it('keeps a ReLU: hidden units at or below zero add nothing', () => {
    const net = { ...randomNetwork(4, 16, 4, 7), w1: new Int8Array(64), b1: new Float32Array(16).fill(-1) };
    const z = createWasmForward(net)!(Int32Array.of(0), Float32Array.of(1), 1);
    assert.deepEqual([...z], [...net.b2]);
  });

  const reference = loadClassifier(DEFAULT_MODEL_PATH, { wasm: false });
  const fast = loadClassifier(DEFAULT_MODEL_PATH);

  it('gives the default model the same logits within 1e-4 on the training texts and a generated corpus', () => {
    const training = readLabelledCsv(DEFAULT_TRAINING_DATA_PATH).map((e) => e.text);
    const vocabulary = [...new Set(training.flatMap((t) => t.split(/\s+/)))];
    const net = reference.contents.net;
    const js = createQuantizedForward(net, { wasm: false });
    const wasm = createQuantizedForward(net);
    const sparse = createSparseBuffer();
    for (const text of [...training, ...generateInferenceCorpus(vocabulary, 500, 99)]) {
      const n = reference.vectorizer.transform(text, sparse);
      const expected = Float32Array.from(js(sparse.idx, sparse.val, n));
      assert.ok(maxDifference(wasm(sparse.idx, sparse.val, n), expected) < 1e-4, text);
    }
  });

  it('predicts the same label for every Banking77 training text', { skip: !existsSync(BANKING77) && `${BANKING77} is not here` }, () => {
    const texts = readLabelledCsv(BANKING77).map((e) => e.text);
    for (const text of texts) assert.equal(fast.predictIndex(text), reference.predictIndex(text), text);
  });
});
