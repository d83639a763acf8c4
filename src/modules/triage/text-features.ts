import { scanSimpleTokens } from './word-scanner.ts';

/**
 * Text → hashed n-gram features. Everything here is deterministic and allocation-light: n-grams are hashed
 * straight from the character codes (FNV-1a, 32 bits) without building substrings, so one message costs a
 * few microseconds. The model file stores which hashes it has seen in training, not the strings.
 */

/** The parts of the feature configuration that change what a text turns into. Saved in every model file. */
export type FeatureConfig = {
  /** Word n-gram orders, e.g. [1, 2] for unigrams and bigrams (over normalized, lightly stemmed words). */
  wordNgrams: number[];
  /** Smallest and largest character n-gram, taken inside words padded with a space on each side. */
  charMin: number;
  charMax: number;
  /** Relative weight of the character block against the word block (each block is L2-normalized first). */
  charWeight: number;
  /** Also pair each word with the words 2 … 1+skipGap positions later ("card … arrive"); 0 for none. */
  skipGap: number;
  /** Map an unknown word to a known word one edit away (typos: "recieved" → "received"). */
  spelling: boolean;
};

export const DEFAULT_FEATURES: FeatureConfig = { wordNgrams: [1, 2], charMin: 2, charMax: 5, charWeight: 1, skipGap: 0, spelling: true };

// A Map, not an object literal: a plain object would also "contain" inherited keys such as "constructor".
const CONTRACTIONS = new Map<string, string>(Object.entries({
  "can't": 'can not', cant: 'can not', cannot: 'can not', "won't": 'will not', wont: 'will not', "shan't": 'shall not',
  "it's": 'it is', "that's": 'that is', "what's": 'what is', "where's": 'where is', "there's": 'there is',
  "here's": 'here is', "who's": 'who is', "how's": 'how is', "let's": 'let us', "i'm": 'i am', im: 'i am',
  ive: 'i have', dont: 'do not', doesnt: 'does not', didnt: 'did not', isnt: 'is not', arent: 'are not',
  wasnt: 'was not', werent: 'were not', havent: 'have not', hasnt: 'has not', hadnt: 'had not',
  couldnt: 'could not', wouldnt: 'would not', shouldnt: 'should not', aint: 'is not', youre: 'you are',
  theyre: 'they are', whats: 'what is', thats: 'that is', hows: 'how is', wheres: 'where is',
}));
const SUFFIXES: [string, string][] = [["n't", ' not'], ["'re", ' are'], ["'ve", ' have'], ["'ll", ' will'], ["'d", ' would'], ["'m", ' am'], ["'s", '']];

/**
 * Lower case, compatibility-folded, contractions expanded (also the apostrophe-less "dont", "cant"), digit runs
 * folded to "0" (amounts and dates vary, their presence does not), currency signs kept as words, the rest of the
 * punctuation a space. Returns the words. Text of ASCII, Latin-1 letters and common typography takes the
 * one-pass scanner (word-scanner.ts, ~4 times faster); anything else the general path below.
 */
export function normalizeWords(text: string): string[] {
  const count = scanSimpleTokens(text, tokens);
  if (count < 0) return normalizeWordsGeneral(text);
  const words: string[] = [];
  for (let i = 0; i < count; i++) appendTokenWords(tokens[i]!, words);
  return words;
}
/** The scanner's output, reused from call to call (the tokens are consumed before normalizeWords returns). */
const tokens: string[] = [];

/**
 * normalizeWords for any text (NFKC, Unicode classes); the reference that the fast scanner must agree with
 * (word-scanner.test.ts).
 */
export function normalizeWordsGeneral(text: string): string[] {
  const cleaned = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/\p{N}+(?:[.,]\p{N}+)*/gu, ' 0 ')
    .replace(/([£$€¥₹])/g, ' $1 ')
    .replace(/[^\p{L}\p{N}'£$€¥₹]+/gu, ' ');
  const words: string[] = [];
  for (const raw of cleaned.split(' ')) appendTokenWords(raw, words);
  return words;
}

/** Appends the words of one token of cleaned text (apostrophes trimmed, contractions expanded), if any. */
export function appendTokenWords(raw: string, words: string[]): void {
  const word = raw.charCodeAt(0) === 0x27 || raw.charCodeAt(raw.length - 1) === 0x27 ? raw.replace(/^'+|'+$/g, '') : raw;
  if (!word) return;
  const expanded = CONTRACTIONS.get(word) ?? expandSuffix(word);
  if (expanded === word) words.push(word);
  else for (const w of expanded.split(' ')) if (w) words.push(w);
}

function expandSuffix(word: string): string {
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.length > suffix.length && word.endsWith(suffix)) {
      const stem = word.slice(0, -suffix.length);
      return suffix === "n't" && stem === 'ca' ? 'can not' : `${stem}${replacement}`;
    }
  }
  return word.includes("'") ? word.replace(/'/g, '') : word;
}

/** A light suffix stemmer for the word block: "charged", "charges", "charging" → "charg". Characters keep the rest. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith('ies') && word.length > 5) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('es') && /(?:ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashString(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Which block a feature belongs to: the top bit of the hash marks character n-grams. */
export const CHAR_BIT = 0x80000000;
const WORD_MASK = 0x7fffffff;

/** Reusable output buffer: the hashes of one text, with repeats (counted later). */
export type HashBuffer = { hashes: Uint32Array; length: number };

export function createHashBuffer(capacity = 4096): HashBuffer {
  return { hashes: new Uint32Array(capacity), length: 0 };
}

function push(buffer: HashBuffer, hash: number): void {
  if (buffer.length === buffer.hashes.length) {
    const grown = new Uint32Array(buffer.hashes.length * 2);
    grown.set(buffer.hashes);
    buffer.hashes = grown;
  }
  buffer.hashes[buffer.length++] = hash;
}

/**
 * Appends the hashes of a text's word n-grams (top bit clear) and character n-grams (top bit set) to `out`.
 * `words` are the normalized words, already spelling-corrected if the model does that.
 */
export function hashFeatures(words: readonly string[], config: FeatureConfig, out: HashBuffer): void {
  out.length = 0;
  pushWordHashes(words.map(stem), config, out);
  for (const word of words) pushCharHashes(word, config, out);
}

/** Appends the hashes of the word n-grams (and skip pairs) of the stems `stems[0 … count-1]`. */
export function pushWordHashes(stems: readonly string[], config: FeatureConfig, out: HashBuffer, count = stems.length): void {
  for (const n of config.wordNgrams) {
    const seed = Math.imul(FNV_OFFSET ^ n, FNV_PRIME);
    for (let i = 0; i + n <= count; i++) {
      let h = seed;
      for (let k = 0; k < n; k++) h = Math.imul(hashString(h, stems[i + k]!) ^ 0x20, FNV_PRIME);
      push(out, (h >>> 0) & WORD_MASK);
    }
  }
  for (let gap = 2; gap <= config.skipGap + 1; gap++) {
    const seed = Math.imul(FNV_OFFSET ^ (0x200 + gap), FNV_PRIME);
    for (let i = 0; i + gap < count; i++) {
      const h = Math.imul(hashString(Math.imul(hashString(seed, stems[i]!) ^ 0x20, FNV_PRIME), stems[i + gap]!), FNV_PRIME);
      push(out, (h >>> 0) & WORD_MASK);
    }
  }
}

/** Appends the hashes of the character n-grams of one word (depend on the word alone: callers may cache them). */
export function pushCharHashes(word: string, config: FeatureConfig, out: HashBuffer): void {
  // " word " — the padding marks beginnings and ends, like scikit-learn's char_wb analyzer.
  const len = word.length + 2;
  for (let n = config.charMin; n <= config.charMax; n++) {
    if (n > len) break;
    const seed = Math.imul(FNV_OFFSET ^ (0x100 + n), FNV_PRIME);
    for (let start = 0; start + n <= len; start++) {
      let h = seed;
      for (let k = start; k < start + n; k++) {
        const code = k === 0 || k === len - 1 ? 0x20 : word.charCodeAt(k - 1);
        h = Math.imul(h ^ code, FNV_PRIME);
      }
      push(out, ((h >>> 0) | CHAR_BIT) >>> 0);
    }
  }
}
