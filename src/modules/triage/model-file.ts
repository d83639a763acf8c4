import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import type { QuantizedNetwork } from './quantized-network.ts';
import type { FeatureConfig } from './text-features.ts';
import { TriageError } from './triage-error.ts';

/**
 * The model file: 8 bytes "CCTRIAGE", the format version (uint32 LE), the header length (uint32 LE), a JSON
 * header (labels, feature configuration, temperature, training options, tensor table, payload SHA-256), then
 * the tensors (little-endian, 8-byte aligned). The version sits before the JSON so that a file from another
 * version is refused with that reason even if its header would not parse. No timestamps: the same data and
 * seed give the same bytes.
 */
export const MODEL_FORMAT_VERSION = 1;
const MAGIC = 'CCTRIAGE';

export type ModelMeta = {
  labels: string[];
  features: FeatureConfig;
  minDf: number;
  /** Softmax temperature fitted on held-out predictions, so confidences are calibrated probabilities. */
  temperature: number;
  /** How it was trained (options, example count, seed, held-out scores): informational. */
  training: Record<string, unknown>;
};

/** Everything a model file holds. */
export type ModelContents = {
  meta: ModelMeta;
  hashes: Uint32Array;
  idf: Float32Array;
  spellWords: string[];
  spellCounts: number[];
  net: QuantizedNetwork;
};

type TensorEntry = { name: string; dtype: 'u32' | 'f32' | 'i8'; offset: number; length: number };
type Header = ModelMeta & {
  network: { inputs: number; hidden: number; classes: number };
  spelling: { words: string[]; counts: number[] };
  tensors: TensorEntry[];
  payloadSha256: string;
};

const align8 = (n: number) => Math.ceil(n / 8) * 8;

export function encodeModel(model: ModelContents): Buffer {
  const { net } = model;
  const arrays: [string, TensorEntry['dtype'], Uint32Array | Float32Array | Int8Array][] = [
    ['hashes', 'u32', model.hashes],
    ['idf', 'f32', model.idf],
    ['w1', 'i8', net.w1],
    ['w1Scale', 'f32', net.w1Scale],
    ['b1', 'f32', net.b1],
    ['w2', 'f32', net.w2],
    ['b2', 'f32', net.b2],
  ];
  const tensors: TensorEntry[] = [];
  let offset = 0;
  for (const [name, dtype, a] of arrays) {
    tensors.push({ name, dtype, offset, length: a.length });
    offset = align8(offset + a.byteLength);
  }
  const payload = Buffer.alloc(offset);
  arrays.forEach(([, , a], i) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(payload, tensors[i]!.offset));
  const header: Header = {
    ...model.meta,
    network: { inputs: net.inputs, hidden: net.hidden, classes: net.classes },
    spelling: { words: model.spellWords, counts: model.spellCounts },
    tensors,
    payloadSha256: createHash('sha256').update(payload).digest('hex'),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const headerBytes = Buffer.alloc(align8(json.length), 0x20);
  json.copy(headerBytes);
  const prefix = Buffer.alloc(16);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(MODEL_FORMAT_VERSION, 8);
  prefix.writeUInt32LE(headerBytes.length, 12);
  return Buffer.concat([prefix, headerBytes, payload]);
}

export function decodeModel(bytes: Buffer, source = 'model file'): ModelContents {
  if (bytes.length < 16 || bytes.toString('latin1', 0, 8) !== MAGIC) {
    throw new TriageError('not_a_model', `${source} is not a Cardcare triage model (it does not start with "${MAGIC}")`);
  }
  const version = bytes.readUInt32LE(8);
  if (version !== MODEL_FORMAT_VERSION) {
    throw new TriageError(
      'model_version_mismatch',
      `${source} has model format version ${version}, but this build reads only version ${MODEL_FORMAT_VERSION}; ` +
        `retrain it from its CSV with: npm run triage -- train --data <csv> --out <model>`,
    );
  }
  const corrupt = (why: string): never => {
    throw new TriageError('model_corrupt', `${source} is damaged: ${why}`);
  };
  const headerLength = bytes.readUInt32LE(12);
  if (16 + headerLength > bytes.length) corrupt('the header runs past the end of the file');
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 16, 16 + headerLength)) as Header;
  } catch {
    return corrupt('the header is not valid JSON');
  }
  const payload = bytes.subarray(16 + headerLength);
  if (createHash('sha256').update(payload).digest('hex') !== header.payloadSha256) corrupt('the weights do not match their checksum (truncated or altered)');
  const { inputs, hidden, classes } = header.network ?? {};
  if (!Number.isInteger(inputs) || !Number.isInteger(hidden) || !Number.isInteger(classes) || !Array.isArray(header.labels) || header.labels.length !== classes) {
    corrupt('the header does not describe a network');
  }
  const width = hidden > 0 ? hidden : classes;
  const expected: Record<string, number> = { hashes: inputs, idf: inputs, w1: inputs * width, w1Scale: inputs, b1: width, w2: hidden * classes, b2: hidden > 0 ? classes : 0 };
  const tensor = <T>(name: string, make: (buf: ArrayBuffer, offset: number, length: number) => T, size: number): T => {
    const entry = header.tensors.find((t) => t.name === name);
    if (!entry || entry.length !== expected[name] || entry.offset + entry.length * size > payload.length) return corrupt(`tensor ${name} is missing or the wrong size`);
    // Copy into a fresh, aligned buffer: the file buffer's offset need not suit a typed array view.
    const copy = new Uint8Array(entry.length * size);
    copy.set(payload.subarray(entry.offset, entry.offset + entry.length * size));
    return make(copy.buffer, 0, entry.length);
  };
  const f32 = (name: string) => tensor(name, (b, o, l) => new Float32Array(b, o, l), 4);
  return {
    meta: { labels: header.labels, features: header.features, minDf: header.minDf, temperature: header.temperature, training: header.training },
    hashes: tensor('hashes', (b, o, l) => new Uint32Array(b, o, l), 4),
    idf: f32('idf'),
    spellWords: header.spelling.words,
    spellCounts: header.spelling.counts,
    net: { inputs, hidden, classes, w1: tensor('w1', (b, o, l) => new Int8Array(b, o, l), 1), w1Scale: f32('w1Scale'), b1: f32('b1'), w2: f32('w2'), b2: f32('b2') },
  };
}

export function writeModelFile(path: string, model: ModelContents): number {
  const bytes = encodeModel(model);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path); // a crash never leaves a half-written model where a server would load it
  return bytes.length;
}

export function readModelFile(path: string): ModelContents {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new TriageError('file_unreadable', `cannot read model file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return decodeModel(bytes, `model file ${path}`);
}
