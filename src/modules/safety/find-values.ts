/**
 * Finding the value an introducing word points at: "cvv: 123", "my PIN is 4821", "839201 is your
 * verification code", and the code typed right after a card number ("4111… exp 12/27 123").
 * PCI DSS 3.3.1: sensitive authentication data must not be kept, so its value is cut from the message.
 *
 * Works on the "search text": folded text in which the digits of card numbers and SSNs already removed are
 * '§' and those of dates, amounts, phone numbers and other harmless numbers are 'x' (see protect.ts).
 */
import { DIGITS, type Term, type TermKind } from './inbound-terms.ts';

export type ValueKind = 'security_code' | 'pin' | 'one_time_code' | 'ssn';
export type Hit = { kind: ValueKind; start: number; end: number };

const MAX_GAP_CHARS = 60;
const MAX_GAP_WORDS = 8;
// A word in between that says the number is something else: "PIN locked 3 days ago", "pin for order 1234".
const BREAKERS = new Set(
  ('since ago until till before after during tried try attempt attempts tries expired expires expire expiry ' +
    'expiration minutes mins hours seconds days weeks months years dollars usd items order orders case ticket ' +
    'ref reference transaction transactions txn phone zip address street balance limit amount fee charge ' +
    'charged payment paid refund points item').split(' '),
);
// "my PIN since 2019", "changed my pin in 2024": a year after these is a year.
const TEMPORAL = new Set('in since until by from before after during year of on'.split(' '));
const ABBREVIATIONS = new Set(['no', 'num', 'nr', 'nbr', 'exp', 'approx']);
// Between a value and a word after it: "123 is my cvv", "839201 is your Google verification code".
const BEFORE_TERM = new Set(
  ("is was are were my your ur the our its it's this that as being be would will should new old current correct " +
    "real actual card card's cards debit credit atm bank account also actually just").split(' '),
);
// Between a card number and a code typed after it: "4111… exp 12/27 123".
const AFTER_PAN = new Set('exp expiry expires expiration expiring date valid thru through till until good and code sec security the is with card mm yy mmyy cvv'.split(' '));
const EXPIRY_WORDS = new Set('exp expiry expires expiration expiring date valid thru through till until good mm yy mmyy'.split(' '));

type Gap = { ok: boolean; words: string[] };

const TOKEN = /\s+|[a-z][a-z']*\.?|\.{2,}|[^\sa-z0-9]/y;

// After a question mark only these may come before the value: "PIN? It's 4821", "cvv? 123".
const AFTER_QUESTION = new Set(["it", "is", "its", "it's", "was", "here", "this", "that", "ok", "sure", "yes"]);

/**
 * Reads the text between an introducing word and a value. Sentence ends and blank lines break the link;
 * a question mark only when a real sentence follows it. Commas break it when `isBackward` ("Born 1985, PIN …").
 */
function readGap(gap: string, maxWords: number, isBackward = false): Gap {
  const words: string[] = [];
  const fail = { ok: false, words };
  if (gap.length > MAX_GAP_CHARS) return fail;
  let isAfterQuestion = false;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < gap.length) {
    const m = TOKEN.exec(gap);
    if (!m) return fail;
    const token = m[0];
    if (/^\s/.test(token)) {
      if ((token.match(/\n/g)?.length ?? 0) > 1) return fail;
    } else if (/^[a-z]/.test(token)) {
      const word = token.replace(/\.$/, '');
      if (token.endsWith('.') && !ABBREVIATIONS.has(word)) return fail;
      if (BREAKERS.has(word) || (isAfterQuestion && !AFTER_QUESTION.has(word))) return fail;
      words.push(word);
      if (words.length > maxWords) return fail;
    } else if (token === '?' && !isBackward) {
      isAfterQuestion = true;
    } else if (/^[.!?;]$/.test(token) || (isBackward && token === ',')) {
      return fail;
    }
  }
  return { ok: true, words };
}

type Value = { start: number; end: number; digits: number };

const CHAIN = /[0-9]{1,24}(?:[ .\-][0-9]{1,24}){0,12}/y;

/** The digits starting at `at`, as one value ("839 201") or, if that is too long, its first group. */
function valueAt(text: string, at: number, [min, max]: readonly [number, number]): Value | null {
  CHAIN.lastIndex = at;
  const m = CHAIN.exec(text);
  if (!m) return null;
  const end = at + m[0].length;
  // Part of something longer: more digits, a time (10:30), a fraction or date (12/27), a list (1,234).
  if (/^[0-9]|^[,:/][0-9]/.test(text.slice(end, end + 2))) return null;
  const groups = m[0].split(/[ .\-]/);
  const digits = groups.join('').length;
  if (digits >= min && digits <= max) return { start: at, end, digits };
  const first = groups[0]!;
  if (groups.length > 1 && m[0][first.length] === ' ' && first.length >= min && first.length <= max) {
    return { start: at, end: at + first.length, digits: first.length };
  }
  return null;
}

/** The value ending just before `end`, as one value or, if that is too long, its last group. */
function valueBefore(text: string, end: number, floor: number, [min, max]: readonly [number, number]): Value | null {
  let start = end;
  while (start > floor && (/[0-9]/.test(text[start - 1]!) || (/[ .\-]/.test(text[start - 1]!) && /[0-9]/.test(text[start - 2] ?? '')))) start--;
  while (start < end && !/[0-9]/.test(text[start]!)) start++;
  if (start >= end || /[0-9]|[,:/]/.test(text[start - 1] ?? '')) return null;
  const groups = text.slice(start, end).split(/[ .\-]/);
  const digits = groups.join('').length;
  if (digits >= min && digits <= max) return { start, end, digits };
  const last = groups[groups.length - 1]!;
  if (groups.length > 1 && text[end - last.length - 1] === ' ' && last.length >= min && last.length <= max) {
    return { start: end - last.length, end, digits: last.length };
  }
  return null;
}

/** A valid SSN: not area 000, 666 or 9xx, not group 00, not serial 0000 (SSA numbering rules). */
export function isValidSsn(digits: string): boolean {
  return /^(?!000|666|9)[0-9]{3}(?!00)[0-9]{2}(?!0000)[0-9]{4}$/.test(digits);
}

function kindOf(term: TermKind, text: string, value: Value): ValueKind | null {
  if (term === 'ssn') return isValidSsn(text.slice(value.start, value.end).replace(/[^0-9]/g, '')) ? 'ssn' : null;
  if (term === 'security_or_otp') return value.digits > 4 ? 'one_time_code' : 'security_code';
  return term;
}

const isYear = (text: string, v: Value) => v.digits === 4 && /^(?:19|20)[0-9]{2}$/.test(text.slice(v.start, v.end));

/** Values after (first) and then before their introducing words; the nearest word wins. */
export function findKeywordValues(text: string, terms: Term[], isFree: (start: number, end: number) => boolean): Hit[] {
  const hits: Hit[] = [];
  const used = new Uint8Array(text.length);
  const take = (kind: ValueKind | null, v: Value | null) => {
    if (!kind || !v || !isFree(v.start, v.end) || used.subarray(v.start, v.end).some(Boolean)) return;
    used.fill(1, v.start, v.end);
    hits.push({ kind, start: v.start, end: v.end });
  };
  terms.forEach((term, i) => {
    const limit = Math.min(terms[i + 1]?.start ?? text.length, term.end + MAX_GAP_CHARS + 1);
    let at = term.end;
    while (at < limit && !/[0-9]/.test(text[at]!)) at++;
    if (at >= limit) return;
    const gapText = text.slice(term.end, at);
    const gap = readGap(gapText, MAX_GAP_WORDS);
    // A letter right before the digits belongs to another word ("case ax-000123"), unless it ends the term.
    if (!gap.ok || (gapText !== '' && gapText !== '-' && /[a-z]-?$/.test(gapText))) return;
    const value = valueAt(text, at, DIGITS[term.kind]);
    if (!value || (TEMPORAL.has(gap.words[gap.words.length - 1] ?? '') && isYear(text, value))) return;
    take(kindOf(term.kind, text, value), value);
  });
  terms.forEach((term, i) => {
    const floor = Math.max(terms[i - 1]?.end ?? 0, term.start - MAX_GAP_CHARS);
    let at = term.start;
    while (at > floor && !/[0-9]/.test(text[at - 1]!)) at--;
    if (at <= floor) return;
    const gapText = text.slice(at, term.start);
    const gap = readGap(gapText, 5, true);
    const unknown = gap.words.filter((w) => !BEFORE_TERM.has(w)).length;
    if (!gap.ok || unknown > 1 || (unknown === 1 && !/^(is|was|are)$/.test(gap.words[0] ?? ''))) return;
    if (gapText !== '' && /^[a-z]/.test(gapText)) return;
    const value = valueBefore(text, at, floor, DIGITS[term.kind]);
    if (value) take(kindOf(term.kind, text, value), value);
  });
  return hits;
}

/** A 3–4 digit code typed after a card number, maybe after its expiry date: "4111… 12/27 123". */
export function findCodeAfterPan(text: string, panEnd: number): Hit | null {
  let at = panEnd;
  const limit = Math.min(text.length, panEnd + 40);
  while (at < limit && !/[0-9§]/.test(text[at]!)) at++;
  if (at >= limit || text[at] === '§') return null;
  const gapText = text.slice(panEnd, at);
  const gap = readGap(gapText.replace(/x+/g, 'x'), 6);
  if (!gap.ok || gap.words.some((w) => w !== 'x' && !AFTER_PAN.has(w)) || /[a-z]$/.test(gapText)) return null;
  if (EXPIRY_WORDS.has(gap.words[gap.words.length - 1] ?? '')) return null;
  const value = valueAt(text, at, DIGITS.security_code);
  return value ? { kind: 'security_code', start: value.start, end: value.end } : null;
}
