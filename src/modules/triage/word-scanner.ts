/**
 * The fast path of normalizeWords: one pass over text made of ASCII, the Latin-1 letters (é, ñ, ß …), the
 * currency signs £ € ¥ ₹ and a few typographic characters (curly quotes, dashes, the bullet of the redaction
 * mask "••••", the ellipsis, the no-break space, × and ÷) — nearly every message. On such text NFKC changes
 * nothing that matters and lower-casing maps one character to one, so the tokens come straight from the
 * character codes: no normalize(), no Unicode regular expressions, no intermediate copies of the text. Any other
 * character makes the scan give up (-1) and the caller takes the general path (normalizeWordsGeneral), which
 * is the reference: word-scanner.test.ts compares the two on random texts.
 */

const SEPARATOR = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;
const APOSTROPHE = 4;
/** "`", "‘", "’": an apostrophe once replaced (the general path maps them to "'"). */
const OTHER_APOSTROPHE = 5;
/** $ £ € ¥ ₹: a word of its own (the general path puts spaces around them). */
const CURRENCY = 6;
const UNSUPPORTED = 7;

const ASCII = new Uint8Array(128); // SEPARATOR unless set below
for (let c = 0x61; c <= 0x7a; c++) ASCII[c] = LOWER;
for (let c = 0x41; c <= 0x5a; c++) ASCII[c] = UPPER;
for (let c = 0x30; c <= 0x39; c++) ASCII[c] = DIGIT;
ASCII[0x27] = APOSTROPHE;
ASCII[0x60] = OTHER_APOSTROPHE;
ASCII[0x24] = CURRENCY;

function classOf(code: number): number {
  if (code < 128) return ASCII[code]!;
  // Latin-1 letters À–ÿ: already composed, no compatibility mapping, lower case one character away (ß stays).
  if (code >= 0xc0 && code <= 0xff) return code === 0xd7 || code === 0xf7 ? SEPARATOR : code < 0xdf ? UPPER : LOWER;
  switch (code) {
    case 0x00a3: // £
    case 0x00a5: // ¥
    case 0x20ac: // €
    case 0x20b9: // ₹
      return CURRENCY;
    case 0x2018: // ‘
    case 0x2019: // ’
      return OTHER_APOSTROPHE;
    case 0x00a0: // no-break space (NFKC: a space)
    case 0x2013: // –
    case 0x2014: // —
    case 0x201c: // “
    case 0x201d: // ”
    case 0x2022: // • (the redaction mask)
    case 0x2026: // … (NFKC: "...")
      return SEPARATOR;
    default:
      return UNSUPPORTED;
  }
}

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * Writes the tokens of `text` — what the general path's `cleaned.split(' ')` gives, empty ones left out:
 * lower-cased letter/apostrophe runs, "0" for each number ("1,234.56" is one), currency signs — into `out` and returns
 * how many; -1 when the text has a character this scanner does not handle.
 */
export function scanSimpleTokens(text: string, out: string[]): number {
  let count = 0;
  let start = -1;
  let needsFolding = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const cls = classOf(text.charCodeAt(i));
    if (cls === LOWER || cls === APOSTROPHE || cls === UPPER || cls === OTHER_APOSTROPHE) {
      if (start < 0) start = i;
      if (cls === UPPER || cls === OTHER_APOSTROPHE) needsFolding = true;
      continue;
    }
    if (cls === UNSUPPORTED) return -1;
    if (start >= 0) {
      out[count++] = token(text, start, i, needsFolding);
      start = -1;
      needsFolding = false;
    }
    if (cls === DIGIT) {
      // \p{N}+(?:[.,]\p{N}+)* → " 0 "
      while (i + 1 < length && isDigit(text.charCodeAt(i + 1))) i++;
      while (i + 2 < length && (text.charCodeAt(i + 1) === 0x2e || text.charCodeAt(i + 1) === 0x2c) && isDigit(text.charCodeAt(i + 2))) {
        i += 2;
        while (i + 1 < length && isDigit(text.charCodeAt(i + 1))) i++;
      }
      out[count++] = '0';
    } else if (cls === CURRENCY) {
      out[count++] = text[i]!;
    }
  }
  if (start >= 0) out[count++] = token(text, start, length, needsFolding);
  return count;
}

function token(text: string, start: number, end: number, needsFolding: boolean): string {
  const raw = text.slice(start, end);
  return needsFolding ? raw.toLowerCase().replace(/[`\u2018\u2019]/g, "'") : raw;
}
