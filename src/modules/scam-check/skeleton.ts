/**
 * Look-alike skeletons of domain labels, after Unicode TR39 §4 ("skeleton"): two strings that look the same
 * have the same skeleton. The TR39 table comes from `unhomoglyph` (Unicode confusables.txt); around it we fold
 * case, compatibility forms and accents, and add the confusions that matter in lower-case host names which
 * TR39 leaves out or maps to non-Latin prototypes: Cyrillic м/т/к/н/п, Greek ω/γ/τ/κ/η, digits and symbols
 * standing in for letters (0→o, 1→l, 3→e, 5→s, @→a), "vv"→w and "cl"→d ("rn"→m is TR39's own: m → rn).
 */
import unhomoglyph from 'unhomoglyph';

// Letters TR39 maps to a non-ASCII prototype (or not at all) but that read as Latin letters in a browser's
// lower-case address bar. Applied before and after the TR39 table.
const EXTRA: Record<string, string> = {
  м: 'rn', ᴍ: 'rn', ʍ: 'rn', т: 't', ᴛ: 't', τ: 't', к: 'k', κ: 'k', ĸ: 'k', н: 'h', ʜ: 'h', п: 'n', π: 'n', η: 'n',
  ш: 'w', щ: 'w', ω: 'w', ѡ: 'w', ԝ: 'w', γ: 'y', у: 'y', ү: 'y', ь: 'b', ƅ: 'b', в: 'b', ʙ: 'b', г: 'r', ᴦ: 'r',
  и: 'u', υ: 'u', ν: 'v', ι: 'i', ɩ: 'i', ε: 'e', ɛ: 'e', є: 'e', з: '3', ѕ: 's', ј: 'j', ԛ: 'q', ɡ: 'g', ց: 'g',
  ӏ: 'l', ɪ: 'i', ʟ: 'l', ᴏ: 'o', ο: 'o', σ: 'o', ᴄ: 'c', ϲ: 'c', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ᴢ: 'z', ʀ: 'r', ɴ: 'n',
  ꞁ: 'l', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ŧ: 't', ı: 'i', ȷ: 'j', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'p', ð: 'd',
};

// ASCII stand-ins, applied last. "i" and "l" are one letter here: in many fonts l, I, 1 and | are one stroke.
const ASCII_STANDINS: Record<string, string> = { '0': 'o', '1': 'l', i: 'l', '|': 'l', '!': 'l', '3': 'e', '4': 'a', '@': 'a', '5': 's', $: 's', '7': 't', '8': 'b' };
const PAIRS: Array<[RegExp, string]> = [
  [/vv/g, 'w'],
  [/cl/g, 'd'],
  [/m/g, 'rn'],
];

const MARKS = /\p{M}/gu;
const INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u3164\uffa0]/gu;

function mapEach(text: string, table: Record<string, string>): string {
  let out = '';
  for (const ch of text) out += table[ch] ?? ch;
  return out;
}

function foldCase(text: string): string {
  return text.normalize('NFKC').toLowerCase().normalize('NFD').replace(MARKS, '').replace(INVISIBLE, '');
}

/**
 * The skeleton of one label or host name: lower-case ASCII where the characters look like ASCII letters.
 * Dots and hyphens are kept; use `joined` to compare without them.
 */
export function skeleton(text: string): string {
  let s = mapEach(foldCase(text), EXTRA);
  if (/[^\x00-\x7f]/.test(s)) s = mapEach(foldCase(unhomoglyph(s)), EXTRA);
  s = mapEach(s.toLowerCase(), ASCII_STANDINS);
  for (const [re, by] of PAIRS) s = s.replace(re, by);
  return s;
}

/** The skeleton without separators: "American-Express" and "americanexpress" share it. */
export function joined(text: string): string {
  return skeleton(text).replace(/[-_.\s]/g, '');
}

/** The scripts of the letters in a label, Common and Inherited left out ("Latin", "Cyrillic" …). */
const SCRIPTS: Array<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
  ['Georgian', /\p{Script=Georgian}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Han', /\p{Script=Han}/u],
  ['Hiragana', /\p{Script=Hiragana}/u],
  ['Katakana', /\p{Script=Katakana}/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
];

export function scriptsOf(label: string): string[] {
  const found = new Set<string>();
  for (const ch of label) {
    if (!/\p{L}/u.test(ch)) continue;
    const script = SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? 'Other';
    found.add(script);
  }
  return [...found];
}

/** Whether a label mixes scripts that a reader would not expect together (Latin with Cyrillic or Greek …). */
export function isMixedScript(label: string): boolean {
  const scripts = scriptsOf(label);
  if (scripts.length < 2) return false;
  // Japanese mixes Han, Hiragana and Katakana (and Latin) by nature; Korean mixes Hangul and Han (TR39 §5.1).
  const japanese = new Set(['Han', 'Hiragana', 'Katakana', 'Latin']);
  const korean = new Set(['Hangul', 'Han', 'Latin']);
  const chinese = new Set(['Han', 'Latin']);
  return ![japanese, korean, chinese].some((allowed) => scripts.every((s) => allowed.has(s)));
}

// Letters that read as Latin in running text (for finding words, not for comparing names: no "rn" for m).
const TEXT_LETTERS: Record<string, string> = { ...EXTRA, м: 'm', ᴍ: 'm', ʍ: 'm', з: 'z', ß: 'ss' };
const INVISIBLE_CHAR = /^[\p{Cf}\u034f\u115f\u1160\u3164\uffa0]$/u;
const QUOTES = /[\u2018\u2019\u201b\u02bc\u2032\uff07`´]/g;

/**
 * Running text folded for pattern search: lower case, compatibility forms and accents folded, invisible
 * characters dropped, look-alike letters from other alphabets read as Latin ("Ꭺccount ѕuspended").
 */
export function latinize(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC').replace(QUOTES, "'")) {
    if (ch.charCodeAt(0) < 128) {
      out += ch.toLowerCase();
      continue;
    }
    const bare = ch.normalize('NFD').replace(MARKS, '');
    if (!bare || INVISIBLE_CHAR.test(bare)) continue;
    out += latinLetter(bare) ?? latinLetter(bare.toLowerCase()) ?? (/\s/u.test(bare) ? ' ' : bare.toLowerCase());
  }
  // Digits inside words read as the letters they stand for: "acc0unt susp3nded" (not "b2b", "4x4").
  return out.replace(/[ \t\u00a0]+/g, ' ').replace(/(?<=[a-z])[013457$@](?=[a-z])/g, (d) => LEET[d] ?? d);
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', $: 's', '@': 'a' };

/** The ASCII letters a non-ASCII character reads as, or null. */
function latinLetter(ch: string): string | null {
  const mapped = TEXT_LETTERS[ch] ?? ch;
  if (/^[\x00-\x7f]+$/.test(mapped)) return mapped.toLowerCase();
  const tr39 = unhomoglyph(mapped);
  return /^[A-Za-z0-9]$/.test(tr39) ? tr39.toLowerCase() : null;
}
