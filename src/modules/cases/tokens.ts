/**
 * The words of a message for the phrase matchers (priority rules, product-line keywords, rights words): lower
 * case, compatibility-folded (NFKC), apostrophes kept inside words, everything else a separator; then stemmed.
 * Runs three times on every inbound message (issue 3), hence the hand-made scan and the stem table.
 */

/**
 * A light stemmer, enough for matching phrases robustly: "charges" ~ "charge", "stolen" stays, "frauds" ~
 * "fraud", "locked" ~ "lock". Both the text and the phrases go through it, so they meet halfway.
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("'s")) return stem(word.slice(0, -2));
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ses') || word.endsWith('xes') || word.endsWith('ches') || word.endsWith('shes')) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  return word;
}

/**
 * Stems by word, looked up from the word's characters where they stand: a word seen before costs no new
 * string, and its stem comes back as the same string every time, which keeps the phrase index's lookups and
 * comparisons cheap. Open addressing; emptied when half full, as a message may be full of made-up words.
 */
class StemTable {
  private static readonly SIZE = 1 << 14;
  private words: Array<string | undefined> = new Array(StemTable.SIZE);
  private stems: string[] = new Array(StemTable.SIZE);
  private count = 0;

  /** The stem of text.slice(from, to). */
  stemOf(text: string, from: number, to: number): string {
    let hash = 0x811c9dc5; // FNV-1a over the UTF-16 units
    for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    const mask = StemTable.SIZE - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const word = this.words[slot];
      if (word === undefined) break;
      if (sameChars(word, text, from, to)) return this.stems[slot]!;
    }
    if (this.count >= StemTable.SIZE / 2) this.clear();
    const word = text.slice(from, to);
    let slot = hash & mask;
    while (this.words[slot] !== undefined) slot = (slot + 1) & mask;
    this.words[slot] = word;
    this.stems[slot] = stem(word);
    this.count++;
    return this.stems[slot]!;
  }

  private clear(): void {
    this.words = new Array(StemTable.SIZE);
    this.stems = new Array(StemTable.SIZE);
    this.count = 0;
  }
}

function sameChars(word: string, text: string, from: number, to: number): boolean {
  if (word.length !== to - from) return false;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(from + k)) return false;
  return true;
}

const stems = new StemTable();

const WORD_CHAR = /^[\p{L}\p{N}']$/u;
// [A-Za-z0-9'] by character code, for the ASCII part of the text.
const ASCII_WORD = new Uint8Array(128).map((_, code) => (/[A-Za-z0-9']/.test(String.fromCharCode(code)) ? 1 : 0));
// Whether a character outside ASCII is a letter or a number: remembered per code point (bounded).
const wordPoints = new Map<number, boolean>();
const WORD_POINTS_MAX = 8192;

function isWordPoint(point: number): boolean {
  let is = wordPoints.get(point);
  if (is === undefined) {
    is = WORD_CHAR.test(String.fromCodePoint(point));
    if (wordPoints.size >= WORD_POINTS_MAX) wordPoints.clear();
    wordPoints.set(point, is);
  }
  return is;
}

// Text that is its own NFKC form and has no curly quotes or zero-width characters: ASCII, plus the typographic
// characters that stay as they are (the "•" of a masked card number in every redacted message, dashes,
// double quotes, € and £). tokens.test.ts checks that folding leaves each of these alone.
export const PLAIN_TEXT = /^[\x00-\x7f\u2013\u2014\u201c\u201d\u2022\u20ac\u00a3]*$/;

/** Lower case, compatibility-folded, apostrophes kept inside words, everything else a space; then stemmed. */
export function tokens(text: string): string[] {
  // Plain text needs only lower case (issue 3: normalize() and the replacements cost more than the rest).
  const folded = PLAIN_TEXT.test(text)
    ? text.toLowerCase()
    : text
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[\u2018\u2019\u02bc]/g, "'")
        .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '');
  return words(folded);
}

/**
 * The words of folded text, stemmed: runs of letters, numbers and apostrophes (\p{L}, \p{N}, ') with their
 * leading and trailing apostrophes cut. One pass by hand; it gives what replacing every other run by a space,
 * splitting on spaces, cutting apostrophes and dropping empty words gives (tokens.test.ts compares the two).
 */
function words(folded: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= folded.length; ) {
    const code = i < folded.length ? folded.charCodeAt(i) : 32;
    let size = 1;
    let isWord: boolean;
    if (code < 128) {
      isWord = ASCII_WORD[code] === 1;
    } else {
      const point = folded.codePointAt(i)!;
      if (point > 0xffff) size = 2;
      isWord = isWordPoint(point);
    }
    if (isWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      let from = start;
      let to = i;
      while (from < to && folded.charCodeAt(from) === 39) from++;
      while (to > from && folded.charCodeAt(to - 1) === 39) to--;
      if (to > from) out.push(stems.stemOf(folded, from, to));
      start = -1;
    }
    i += size;
  }
  return out;
}
