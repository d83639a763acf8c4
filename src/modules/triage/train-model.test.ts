import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { createClassifier } from './classifier.ts';
import { DEFAULT_TRAINING_DATA_PATH } from './create-triage.ts';
import { readLabelledCsv } from './labelled-csv.ts';
import { decodeModel, encodeModel, MODEL_FORMAT_VERSION, readModelFile, writeModelFile } from './model-file.ts';
import { trainModel, type TrainOptions } from './train-model.ts';
import { TriageError } from './triage-error.ts';

// Small and fast: the project's own examples, a tiny network, few steps.
const examples = readLabelledCsv(DEFAULT_TRAINING_DATA_PATH);
const SMALL: Partial<TrainOptions> = { hidden: 16, members: 2, epochs: 4, minSteps: 60, workers: 0 };
const dir = mkdtempSync(path.join(tmpdir(), 'triage-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('training', () => {
  it('is deterministic: the same data and seed give the same model bytes, in one thread or in workers', async () => {
    const a = encodeModel((await trainModel(examples, { ...SMALL, seed: 7 })).contents);
    const b = encodeModel((await trainModel(examples, { ...SMALL, seed: 7 })).contents);
    const inWorkers = encodeModel((await trainModel(examples, { ...SMALL, seed: 7, workers: 2 })).contents);
    const other = encodeModel((await trainModel(examples, { ...SMALL, seed: 8 })).contents);
    assert.ok(a.equals(b), 'same seed, same bytes');
    assert.ok(a.equals(inWorkers), 'worker threads change nothing');
    assert.ok(!a.equals(other), 'another seed, another model');
  });

  it('learns: held-out members score well above chance and the model fits its data', async () => {
    const { contents, report } = await trainModel(examples, { hidden: 32, members: 2, minSteps: 400, workers: 0 });
    assert.equal(report.labels, 24);
    assert.ok(report.heldOut.accuracy > 0.4, `held-out accuracy ${report.heldOut.accuracy}`);
    assert.ok(report.temperature > 0.05 && report.temperature < 20);
    const classifier = createClassifier(contents);
    const right = examples.filter((e) => classifier.predict(e.text).label === e.label).length;
    assert.ok(right / examples.length > 0.9, `training accuracy ${right / examples.length}`);
  });

  it('refuses data with a single label and bad options, saying why', async () => {
    await assert.rejects(trainModel(examples.slice(0, 3)), /at least 2 labels/);
    await assert.rejects(trainModel(examples, { hidden: -1 }), /invalid training option: hidden/);
  });
});

describe('model file', () => {
  let saved: string;
  it('round-trips: a saved and loaded model predicts exactly what the trained one did', async () => {
    const { contents } = await trainModel(examples, { ...SMALL, seed: 3 });
    saved = path.join(dir, 'model.bin');
    writeModelFile(saved, contents);
    const before = createClassifier(contents);
    const loaded = createClassifier(readModelFile(saved));
    assert.deepEqual(loaded.labels, before.labels);
    assert.deepEqual(loaded.contents.meta, before.contents.meta);
    for (const text of ['my card was stolen', 'points missing', 'I want to talk to a person']) {
      assert.deepEqual(loaded.predict(text), before.predict(text));
    }
  });

  it('records the format version and the feature configuration', () => {
    const bytes = readFileSync(saved);
    assert.equal(bytes.toString('latin1', 0, 8), 'CCTRIAGE');
    assert.equal(bytes.readUInt32LE(8), MODEL_FORMAT_VERSION);
    const model = readModelFile(saved);
    assert.deepEqual(model.meta.features.wordNgrams, [1, 2]);
    assert.equal(model.meta.features.charMax, 5);
  });

  it('refuses a model from another format version, with the reason', () => {
    const bytes = Buffer.from(readFileSync(saved));
    bytes.writeUInt32LE(MODEL_FORMAT_VERSION + 1, 8);
    const other = path.join(dir, 'future.bin');
    writeFileSync(other, bytes);
    assert.throws(
      () => readModelFile(other),
      (e: unknown) =>
        e instanceof TriageError &&
        e.code === 'model_version_mismatch' &&
        e.message.includes(`has model format version ${MODEL_FORMAT_VERSION + 1}, but this build reads only version ${MODEL_FORMAT_VERSION}`) &&
        e.message.includes('retrain'),
    );
  });

  it('refuses a file that is not a model, and a damaged one', () => {
    assert.throws(() => decodeModel(Buffer.from('text,label\nhello,x\n'), 'x.csv'), (e: unknown) => e instanceof TriageError && e.code === 'not_a_model');
    const bytes = Buffer.from(readFileSync(saved));
    assert.throws(() => decodeModel(bytes.subarray(0, bytes.length - 100), 'cut.bin'), /cut\.bin is damaged: the weights do not match their checksum/);
    assert.throws(() => readModelFile(path.join(dir, 'missing.bin')), /cannot read model file .*missing\.bin: ENOENT/);
  });
});
