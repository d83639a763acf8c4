/**
 * Folding text before we look for card data, with a map back to the original characters.
 *
 * PCI DSS 3.3.1 / 3.4.1: a card number, CVV or PIN must not slip past the check because it was typed with
 * full-width digits, no-break spaces, zero-width characters between the digits ("4111\u200b1111…"), a
 * Cyrillic "С" in "СVV" or odd separators ("4111 - 1111"). Matching runs on the folded text; redaction
 * cuts the original text through the map, so everything that is not removed stays exactly as sent.
 */

/**
 * Folded text plus, for each UTF-16 unit of it, the original range [start, end) it came from. The maps are
 * null while unit i of the text came from unit i of the original (the usual case: ASCII, one unit each), so
 * that the common case allocates no arrays (issue 3: this runs on every inbound message).
 */
export type Folded = { text: string; start: number[] | null; end: number[] | null };

// Zero-width and bidi controls, soft hyphen, word joiners (\p{Cf}) and combining marks (accents, \p{M}).
const INVISIBLE = /^[\p{Cf}\p{Mn}\p{Me}]$/u;
const LINE_BREAK = /^[\n\v\f\u0085\u2028\u2029]$/u;
const SPACE = /^[\s\p{Zs}]$/u;
const DASH = /^[\u2010-\u2015\u2043\u2212\ufe58\ufe63\uff0d]$/u;
const DOT_LIKE = /^[\u00b7\u2022\u2027\u2219\u22c5\u30fb\uff65]$/u;
const QUOTE = /^[\u2018\u2019\u201b\u02bc\u2032\uff07`´]$/u;
const DIGIT = /^\p{Nd}$/u;
const MARKS = /\p{M}/gu;

// Letters that look like Latin ones in the words we look for (cvv, pin, otp, ssn, code …). NFKD does not
// fold these: Cyrillic, Greek and small capitals.
const CONFUSABLE: Record<string, string> = {
  а: 'a', А: 'a', в: 'b', В: 'b', с: 'c', С: 'c', ԁ: 'd', е: 'e', Е: 'e', һ: 'h', Н: 'h', і: 'i', І: 'i',
  ј: 'j', Ј: 'j', к: 'k', К: 'k', М: 'm', о: 'o', О: 'o', р: 'p', Р: 'p', ѕ: 's', Ѕ: 's', т: 't', Т: 't',
  х: 'x', Х: 'x', у: 'y', У: 'y', ѵ: 'v', Ѵ: 'v', ԛ: 'q', ԝ: 'w', п: 'n',
  α: 'a', Α: 'a', Β: 'b', ε: 'e', Ε: 'e', Ζ: 'z', Η: 'h', ι: 'i', Ι: 'i', κ: 'k', Κ: 'k', Μ: 'm', ν: 'v',
  Ν: 'n', ο: 'o', Ο: 'o', ρ: 'p', Ρ: 'p', τ: 't', Τ: 't', υ: 'u', Υ: 'y', χ: 'x', Χ: 'x',
  ᴄ: 'c', ᴠ: 'v', ᴘ: 'p', ɪ: 'i', ɴ: 'n', ᴏ: 'o', ᴛ: 't', ı: 'i',
};

const digitCache = new Map<string, string>();
// foldChar's answer for characters outside ASCII depends on the character alone: remembered, but bounded so
// that a message full of distinct rare characters cannot grow it for ever.
const foldCache = new Map<string, string>();
const FOLD_CACHE_MAX = 4096;

/** The ASCII digit for any Unicode decimal digit (full-width, Arabic-Indic, Devanagari, mathematical …). */
function asciiDigit(ch: string): string {
  const cached = digitCache.get(ch);
  if (cached !== undefined) return cached;
  let value = ch.normalize('NFKD');
  if (!/^[0-9]$/.test(value)) {
    // Unicode keeps every set of decimal digits contiguous, 0 to 9: count back to the start of the run.
    const cp = ch.codePointAt(0) ?? 48;
    let first = cp;
    while (first > cp - 60 && DIGIT.test(String.fromCodePoint(first - 1))) first--;
    value = String((cp - first) % 10);
  }
  digitCache.set(ch, value);
  return value;
}

function foldChar(ch: string, next: string | undefined): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 128) {
    if (cp >= 65 && cp <= 90) return String.fromCharCode(cp + 32);
    if (ch === '\r') return next === '\n' ? '' : '\n';
    if (ch === '\t' || ch === '\v' || ch === '\f') return ' ';
    if (ch === '`') return "'";
    return ch;
  }
  if (INVISIBLE.test(ch)) return '';
  if (LINE_BREAK.test(ch)) return '\n';
  if (SPACE.test(ch)) return ' ';
  if (DASH.test(ch)) return '-';
  if (DOT_LIKE.test(ch)) return '•';
  if (QUOTE.test(ch)) return "'";
  if (DIGIT.test(ch)) return asciiDigit(ch);
  const confusable = CONFUSABLE[ch];
  if (confusable) return confusable;
  return [...ch.toLowerCase().normalize('NFKD').replace(MARKS, '')]
    .map((c) => CONFUSABLE[c] ?? (DIGIT.test(c) ? asciiDigit(c) : c))
    .join('');
}

/** A character's fold outside ASCII (see foldChar), from the cache when seen before. */
function foldOther(ch: string): string {
  let out = foldCache.get(ch);
  if (out === undefined) {
    out = foldChar(ch, undefined);
    if (foldCache.size >= FOLD_CACHE_MAX) foldCache.clear();
    foldCache.set(ch, out);
  }
  return out;
}

/** Replaces every match of `re` (global) by `by`, keeping the map: the new characters map to the whole match. */
export function replaceMapped(folded: Folded, re: RegExp, by: string | ((match: string) => string)): Folded {
  re.lastIndex = 0;
  let m = re.exec(folded.text);
  if (!m) return folded; // nothing to replace: the same text and map
  const source = folded.text;
  const start: number[] = [];
  const end: number[] = [];
  const parts: string[] = [];
  const copy = (from: number, to: number) => {
    parts.push(source.slice(from, to));
    for (let i = from; i < to; i++) {
      start.push(folded.start ? folded.start[i]! : i);
      end.push(folded.end ? folded.end[i]! : i + 1);
    }
  };
  let at = 0;
  for (; m; m = re.exec(source)) {
    if (m[0] === '') re.lastIndex++; // as String.prototype.matchAll does after an empty match
    copy(at, m.index);
    const last = m.index + m[0].length - 1;
    const replacement = typeof by === 'string' ? by : by(m[0]);
    parts.push(replacement);
    for (let k = 0; k < replacement.length; k++) {
      start.push(folded.start ? folded.start[m.index]! : m.index);
      end.push(folded.end ? folded.end[last]! : last + 1);
    }
    at = m.index + m[0].length;
  }
  copy(at, source.length);
  return { text: parts.join(''), start, end };
}

// Digit groups split by a run of separators ("4111 - 1111", "4111__1111", "4111•1111", a line break) become
// one space, so that src/platform/pan.ts, which accepts one separator between groups, sees the number.
const SEPARATOR_RUN = /(?<=[0-9])(?:[ .\-_•]{2,3}|[_•]|[ \t]{0,3}\n[ \t]{0,3})(?=[0-9])/g;
// Odd separators count only between groups of 3–6 digits ("4111/1111/1111/1111", "(4111)(1111)…"), so
// that dates (11/26/2026) and times (10:30) keep theirs; a comma only between groups of four, as amounts
// group by three (1,234,567).
const ODD_SEPARATOR =
  /(?<=(?<![0-9])[0-9]{3,6})(?:[/|\\:;+*~#='"()[\]{}<>]{1,3}|\s[/|\\+*~#=]\s|(?<=(?<![0-9])[0-9]{4}),(?=[0-9]{4}(?![0-9])))(?=[0-9]{3,6}(?![0-9]))/g;

// Digits spelled out, three or more in a row: "four eight two one" is read as "4 8 2 1".
const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const DIGIT_WORD = `(?:${DIGIT_WORDS.join('|')})`;
const SPELLED_DIGITS = new RegExp(`(?<![a-z])${DIGIT_WORD}(?:[\\s,-]{1,3}${DIGIT_WORD}){2,}(?![a-z])`, 'g');
const spelledToDigits = (words: string) =>
  (words.match(/[a-z]+/g) ?? []).map((w) => String(DIGIT_WORDS.indexOf(w))).join(' ');

/**
 * Lower-cases, folds compatibility forms (full-width letters and digits), removes zero-width characters and
 * accents, maps look-alike letters, every Unicode digit to ASCII, spaces to ' ', line breaks to '\n', dashes
 * to '-', bullets and middle dots to '•', curly quotes to "'" and runs of spelled-out digits to digits.
 */
export function fold(input: string): Folded {
  const chars = NEEDS_CHAR_FOLD.test(input) ? foldChars(input) : foldAscii(input);
  const spelled = replaceMapped(chars, SPELLED_DIGITS, spelledToDigits);
  // Both separator patterns sit between ASCII digits: text without any is left as it is.
  if (!HAS_DIGIT.test(spelled.text)) return spelled;
  return replaceMapped(replaceMapped(spelled, ODD_SEPARATOR, ' '), SEPARATOR_RUN, ' ');
}

// Text foldAscii cannot take: a character outside ASCII, or "\r\n" (whose "\r" is dropped, so the map shifts).
const NEEDS_CHAR_FOLD = /[^\x00-\x7f]|\r\n/;
const HAS_DIGIT = /[0-9]/;
const ASCII_ODD = /[\t\v\f`\r]/;

/** foldChar over ASCII text without "\r\n": one unit for one unit, so the map stays the identity (null). */
function foldAscii(input: string): Folded {
  let text = input.toLowerCase();
  if (ASCII_ODD.test(text)) text = text.replace(/[\t\v\f]/g, ' ').replace(/`/g, "'").replace(/\r/g, '\n');
  return { text, start: null, end: null };
}

/** foldChar over any text, character by character; the map is materialized at the first change of length. */
function foldChars(input: string): Folded {
  const parts: string[] = [];
  let start: number[] | null = null;
  let end: number[] | null = null;
  let length = 0; // UTF-16 units of folded text so far
  for (let i = 0; i < input.length; ) {
    const code = input.charCodeAt(i);
    const size = code >= 0xd800 && code <= 0xdbff && i + 1 < input.length && isLowSurrogate(input.charCodeAt(i + 1)) ? 2 : 1;
    const out = code < 128 ? foldChar(input[i]!, input[i + 1]) : foldOther(input.slice(i, i + size));
    if (!start && (size !== 1 || out.length !== 1)) {
      // The first character not folded one unit for one unit: the map so far was the identity.
      start = Array.from({ length }, (_, k) => k);
      end = Array.from({ length }, (_, k) => k + 1);
    }
    if (start && end) {
      for (let k = 0; k < out.length; k++) {
        start.push(i);
        end.push(i + size);
      }
    }
    parts.push(out);
    length += out.length;
    i += size;
  }
  return { text: parts.join(''), start, end };
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The original range [start, end) behind the folded range [from, to). */
export function originalRange(folded: Folded, from: number, to: number): [number, number] {
  return [folded.start ? folded.start[from]! : from, folded.end ? folded.end[to - 1]! : to];
}
