/**
 * Folding text before we look for card data, with a map back to the original characters.
 *
 * PCI DSS 3.3.1 / 3.4.1: a card number, CVV or PIN must not slip past the check because it was typed with
 * full-width digits, no-break spaces, zero-width characters between the digits ("4111\u200b1111…"), a
 * Cyrillic "С" in "СVV" or odd separators ("4111 - 1111"). Matching runs on the folded text; redaction
 * cuts the original text through the map, so everything that is not removed stays exactly as sent.
 */

/** Folded text plus, for each UTF-16 unit of it, the original range [start, end) it came from. */
export type Folded = { text: string; start: number[]; end: number[] };

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

/** Replaces every match of `re` (global) by `by`, keeping the map: the new characters map to the whole match. */
export function replaceMapped(folded: Folded, re: RegExp, by: string | ((match: string) => string)): Folded {
  const text: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let at = 0;
  const copy = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      text.push(folded.text[i]!);
      start.push(folded.start[i]!);
      end.push(folded.end[i]!);
    }
  };
  for (const m of folded.text.matchAll(re)) {
    copy(at, m.index);
    const last = m.index + m[0].length - 1;
    const replacement = typeof by === 'string' ? by : by(m[0]);
    for (let k = 0; k < replacement.length; k++) {
      text.push(replacement[k]!);
      start.push(folded.start[m.index]!);
      end.push(folded.end[last]!);
    }
    at = m.index + m[0].length;
  }
  copy(at, folded.text.length);
  return { text: text.join(''), start, end };
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
  const text: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < input.length; ) {
    const cp = input.codePointAt(i) ?? 0;
    const size = cp > 0xffff ? 2 : 1;
    const out = foldChar(input.slice(i, i + size), input[i + size]);
    for (let k = 0; k < out.length; k++) {
      text.push(out[k]!);
      start.push(i);
      end.push(i + size);
    }
    i += size;
  }
  const spelled = replaceMapped({ text: text.join(''), start, end }, SPELLED_DIGITS, spelledToDigits);
  return replaceMapped(replaceMapped(spelled, ODD_SEPARATOR, ' '), SEPARATOR_RUN, ' ');
}

/** The original range [start, end) behind the folded range [from, to). */
export function originalRange(folded: Folded, from: number, to: number): [number, number] {
  return [folded.start[from]!, folded.end[to - 1]!];
}
