import { countFeature, createFeatureCounts, createFeatureTable, drainFeatures, featureOf } from './feature-counts.ts';
import {
  appendTokenWords,
  CHAR_BIT,
  createHashBuffer,
  type FeatureConfig,
  hashFeatures,
  normalizeWords,
  normalizeWordsGeneral,
  pushCharHashes,
  pushWordHashes,
  stem,
} from './text-features.ts';
import { scanSimpleTokens } from './word-scanner.ts';
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

/** Per-word results kept between messages: most words of most messages have been seen before. */
type WordEntry = {
  /** The stem of the spelling-corrected word (the word n-grams are hashed from stems). */
  stem: string;
  /** The features of the corrected word's character n-grams that training kept, repeats included. */
  chars: Int32Array;
};

/** Bound on each per-word cache (entries): a flood of distinct words costs a refill, never unbounded memory. */
const CACHE_LIMIT = 20_000;

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

export function createVectorizer(state: VectorizerState): Vectorizer {
  const { config, hashes, idf } = state;
  const speller = createSpeller(state.spellWords, state.spellCounts);
  const table = createFeatureTable(hashes);
  const counter = createFeatureCounts(hashes.length);
  const distinct = new Int32Array(hashes.length);
  const tf = new Int32Array(hashes.length);
  const buffer = createHashBuffer();
  const charStart = firstCharFeature(hashes);
  const correct = (w: string) => (config.spelling ? speller.correct(w) : w);
  const tokens: string[] = [];
  const stems: string[] = [];
  const byToken = new Map<string, WordEntry[]>();
  const byWord = new Map<string, WordEntry>();

  const words = (text: string): string[] => {
    const raw = normalizeWords(text);
    return config.spelling ? raw.map(correct) : raw;
  };

  function wordEntry(word: string): WordEntry {
    const cached = byWord.get(word);
    if (cached !== undefined) return cached;
    const fixed = correct(word);
    buffer.length = 0;
    pushCharHashes(fixed, config, buffer);
    const chars: number[] = [];
    for (let i = 0; i < buffer.length; i++) {
      const f = featureOf(table, buffer.hashes[i]!);
      if (f >= 0) chars.push(f);
    }
    return remember(byWord, word, { stem: stem(fixed), chars: Int32Array.from(chars) });
  }

  /** The entries of one token of the fast scanner (a contraction is two words). */
  function tokenEntries(raw: string): WordEntry[] {
    const cached = byToken.get(raw);
    if (cached !== undefined) return cached;
    const found: string[] = [];
    appendTokenWords(raw, found);
    return remember(byToken, raw, found.map(wordEntry));
  }

  function add(entry: WordEntry, at: number): void {
    stems[at] = entry.stem;
    const { chars } = entry;
    for (let k = 0; k < chars.length; k++) countFeature(counter, chars[k]!);
  }

  // The same vector, bit for bit, as the original route (hash every n-gram of the text, sort the hashes, look
  // each distinct one up in a Map; inference-fixture.test.ts holds its recorded outputs): the character n-grams
  // come per word from the cache, the counts from a bitmap, in the same ascending order.
  function transform(text: string, out: SparseBuffer): number {
    let count = 0;
    const tokenCount = scanSimpleTokens(text, tokens);
    if (tokenCount >= 0) {
      for (let i = 0; i < tokenCount; i++) {
        const entries = tokenEntries(tokens[i]!);
        for (let e = 0; e < entries.length; e++) add(entries[e]!, count++);
      }
    } else {
      for (const word of normalizeWordsGeneral(text)) add(wordEntry(word), count++);
    }
    buffer.length = 0;
    pushWordHashes(stems, config, buffer, count);
    for (let i = 0; i < buffer.length; i++) {
      const f = featureOf(table, buffer.hashes[i]!);
      if (f >= 0) countFeature(counter, f);
    }
    const n = drainFeatures(counter, distinct, tf);
    return weigh(distinct, tf, n, idf, charStart, config.charWeight, out);
  }

  return { config, hashes, idf, speller, size: hashes.length, transform, words };
}

/** 1 + ln(count) for the small counts nearly every feature has: the same doubles, without calling Math.log. */
const SUBLINEAR_TF = Float64Array.from({ length: 64 }, (_, c) => 1 + Math.log(c));

/** TF-IDF with sublinear tf of the distinct features (ascending) and their counts, into `out`. */
function weigh(features: Int32Array, counts: Int32Array, n: number, idf: Float32Array, charStart: number, charWeight: number, out: SparseBuffer): number {
  if (out.idx.length < n) {
    out.idx = new Int32Array(n * 2);
    out.val = new Float32Array(n * 2);
  }
  let wordNorm = 0;
  let charNorm = 0;
  for (let k = 0; k < n; k++) {
    const f = features[k]!;
    const c = counts[k]!;
    const v = (c < SUBLINEAR_TF.length ? SUBLINEAR_TF[c]! : 1 + Math.log(c)) * idf[f]!;
    out.idx[k] = f;
    out.val[k] = v;
    if (f >= charStart) charNorm += v * v;
    else wordNorm += v * v;
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
