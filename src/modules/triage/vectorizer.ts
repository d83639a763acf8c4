import { CHAR_BIT, createHashBuffer, type FeatureConfig, type HashBuffer, hashFeatures, normalizeWords } from './text-features.ts';
import { createSpeller, type Speller } from './speller.ts';

/**
 * The fitted half of feature extraction: which n-gram hashes exist (seen in at least `minDf` training texts),
 * their inverse document frequencies, and the spelling dictionary. Turns a text into a sparse, TF-IDF weighted,
 * L2-normalized vector (sublinear term frequency; word and character blocks normalized separately, then mixed).
 */
export type Vectorizer = {
  readonly config: FeatureConfig;
  /** Sorted ascending; feature i is hashes[i]. */
  readonly hashes: Uint32Array;
  readonly idf: Float32Array;
  readonly speller: Speller;
  readonly size: number;
  /** Writes the features of `text` into idx/val (grown when needed) and returns how many there are. */
  transform(text: string, out: SparseBuffer): number;
  words(text: string): string[];
};

export type SparseBuffer = { idx: Int32Array; val: Float32Array };

export function createSparseBuffer(capacity = 2048): SparseBuffer {
  return { idx: new Int32Array(capacity), val: new Float32Array(capacity) };
}

/** Many texts at once, compressed-row form: text i has entries offsets[i] … offsets[i+1]-1. */
export type SparseMatrix = { rows: number; offsets: Int32Array; idx: Int32Array; val: Float32Array };

export type VectorizerState = { config: FeatureConfig; hashes: Uint32Array; idf: Float32Array; spellWords: string[]; spellCounts: number[] };

export function createVectorizer(state: VectorizerState): Vectorizer {
  const { config, hashes, idf } = state;
  const speller = createSpeller(state.spellWords, state.spellCounts);
  const index = new Map<number, number>();
  for (let i = 0; i < hashes.length; i++) index.set(hashes[i]!, i);
  const buffer = createHashBuffer();
  const charStart = firstCharFeature(hashes);

  const words = (text: string): string[] => {
    const raw = normalizeWords(text);
    return config.spelling ? raw.map((w) => speller.correct(w)) : raw;
  };

  function transform(text: string, out: SparseBuffer): number {
    hashFeatures(words(text), config, buffer);
    return weigh(buffer, index, idf, charStart, config.charWeight, out);
  }

  return { config, hashes, idf, speller, size: hashes.length, transform, words };
}

function weigh(buffer: HashBuffer, index: Map<number, number>, idf: Float32Array, charStart: number, charWeight: number, out: SparseBuffer): number {
  const sorted = buffer.hashes.subarray(0, buffer.length).sort();
  if (out.idx.length < sorted.length) {
    out.idx = new Int32Array(sorted.length * 2);
    out.val = new Float32Array(sorted.length * 2);
  }
  let n = 0;
  let wordNorm = 0;
  let charNorm = 0;
  for (let i = 0; i < sorted.length; ) {
    const h = sorted[i]!;
    let j = i + 1;
    while (j < sorted.length && sorted[j] === h) j++;
    const f = index.get(h);
    if (f !== undefined) {
      const v = (1 + Math.log(j - i)) * idf[f]!;
      out.idx[n] = f;
      out.val[n] = v;
      n++;
      if (f >= charStart) charNorm += v * v;
      else wordNorm += v * v;
    }
    i = j;
  }
  // Each block to unit length, the character block scaled by charWeight, and the whole to unit length again.
  const total = Math.sqrt((wordNorm > 0 ? 1 : 0) + (charNorm > 0 ? charWeight * charWeight : 0)) || 1;
  const ws = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) / total : 0;
  const cs = charNorm > 0 ? charWeight / Math.sqrt(charNorm) / total : 0;
  for (let k = 0; k < n; k++) out.val[k] = out.val[k]! * (out.idx[k]! >= charStart ? cs : ws);
  return n;
}

/** Index of the first character-block feature (hashes are sorted and character hashes have the top bit set). */
function firstCharFeature(hashes: Uint32Array): number {
  let lo = 0;
  let hi = hashes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hashes[mid]! >= CHAR_BIT) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Learns the vocabulary (hashes seen in at least minDf texts), idf and the spelling dictionary from texts. */
export function fitVectorizer(texts: readonly string[], config: FeatureConfig, minDf: number): Vectorizer {
  const wordCounts = new Map<string, number>();
  const tokenized = texts.map((t) => {
    const words = normalizeWords(t);
    for (const w of words) wordCounts.set(w, (wordCounts.get(w) ?? 0) + 1);
    return words;
  });
  // Only words seen twice or more can be spelling targets; the model file keeps no word seen once (a name, a typo).
  const spellWords = [...wordCounts.keys()].filter((w) => wordCounts.get(w)! >= 2).sort();
  const spellCounts = spellWords.map((w) => wordCounts.get(w)!);
  const speller = createSpeller(spellWords, spellCounts);
  const df = new Map<number, number>();
  const buffer = createHashBuffer();
  for (const raw of tokenized) {
    hashFeatures(config.spelling ? raw.map((w) => speller.correct(w)) : raw, config, buffer);
    const sorted = buffer.hashes.subarray(0, buffer.length).sort();
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) df.set(sorted[i]!, (df.get(sorted[i]!) ?? 0) + 1);
  }
  const kept = [...df.entries()].filter(([, d]) => d >= minDf).map(([h]) => h);
  const hashes = Uint32Array.from(kept).sort();
  const n = texts.length;
  const idf = new Float32Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) idf[i] = Math.log((1 + n) / (1 + df.get(hashes[i]!)!)) + 1; // smooth idf
  return createVectorizer({ config, hashes, idf, spellWords, spellCounts });
}

/** Vectorizes many texts into one compressed-row matrix. */
export function transformAll(vectorizer: Vectorizer, texts: readonly string[]): SparseMatrix {
  const buf = createSparseBuffer();
  const offsets = new Int32Array(texts.length + 1);
  let idx = new Int32Array(texts.length * 64);
  let val = new Float32Array(texts.length * 64);
  let nnz = 0;
  texts.forEach((text, i) => {
    const n = vectorizer.transform(text, buf);
    if (nnz + n > idx.length) {
      const cap = Math.max(idx.length * 2, nnz + n);
      const ni = new Int32Array(cap);
      ni.set(idx.subarray(0, nnz));
      const nv = new Float32Array(cap);
      nv.set(val.subarray(0, nnz));
      idx = ni;
      val = nv;
    }
    idx.set(buf.idx.subarray(0, n), nnz);
    val.set(buf.val.subarray(0, n), nnz);
    nnz += n;
    offsets[i + 1] = nnz;
  });
  return { rows: texts.length, offsets, idx: idx.slice(0, nnz), val: val.slice(0, nnz) };
}
