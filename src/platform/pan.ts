/**
 * Finding primary account numbers (PANs) in free text. PCI DSS 3.4.1 / 3.5.1: a PAN is masked on display
 * and unreadable wherever stored, logs included. This knows no domain: it only finds and masks.
 */

// A run is digit groups joined by at most one separator (space, tab, no-break space, dot, ASCII or Unicode
// dash): /(?<![\p{Nd}])\p{Nd}+(?:[ \t\u00a0.\-\u2010-\u2015]\p{Nd}+)*(?![\p{Nd}])/gu. findPans scans for
// runs by hand, as that expression cost more than all the rest (issue 3); pan.test.ts keeps it as the reference.
const RUN_SEPARATOR = /[ \t\u00a0.\-\u2010-\u2015]/;
const GROUP = /\p{Nd}+/gu;
const ASCII_DIGITS = /^[0-9]*$/;

export const PAN_MIN_DIGITS = 13; // ISO/IEC 7812: PANs are 13 to 19 digits long
export const PAN_MAX_DIGITS = 19;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function toAsciiDigits(text: string): string {
  // Fold other scripts' digits (e.g. full-width) so that they cannot smuggle a PAN past the check.
  if (ASCII_DIGITS.test(text)) return text;
  return text.replace(/\p{Nd}/gu, (d) => {
    const code = d.codePointAt(0) ?? 48;
    if (code >= 48 && code <= 57) return d;
    const value = Number.parseInt(d.normalize('NFKC'), 10);
    return Number.isNaN(value) ? d : String(value);
  });
}

export type PanMatch = { start: number; end: number; last4: string };

const ONE_DIGIT = /^\p{Nd}$/u;

/**
 * How many UTF-16 units the decimal digit (\p{Nd}) at `i` takes: 1, 2 (astral, e.g. 𝟒), or 0 for no digit.
 * ASCII is answered without a regular expression: this runs over every message (issue 3).
 */
function digitAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  if (code < 128) return code >= 48 && code <= 57 ? 1 : 0;
  const point = text.codePointAt(i)!;
  return ONE_DIGIT.test(String.fromCodePoint(point)) ? (point > 0xffff ? 2 : 1) : 0;
}

/** Every Luhn-valid 13–19 digit run, taken greedily from the left over whole digit groups. */
export function findPans(text: string): PanMatch[] {
  const found: PanMatch[] = [];
  for (let i = 0; i < text.length; ) {
    let size = digitAt(text, i);
    if (size === 0) {
      const code = text.charCodeAt(i);
      i += code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      continue;
    }
    const start = i;
    let isAscii = true;
    let count = 0; // digits in the run, when ASCII
    for (;;) {
      for (; size > 0; size = digitAt(text, i)) {
        if (size === 2 || text.charCodeAt(i) >= 128) isAscii = false;
        i += size;
        count++;
      }
      if (i < text.length && RUN_SEPARATOR.test(text[i]!) && digitAt(text, i + 1) > 0) {
        i++;
        size = digitAt(text, i);
      } else {
        break;
      }
    }
    // Too few digits for a PAN (ASCII digits stay one unit each): the common case of dates, amounts, times.
    if (isAscii && count < PAN_MIN_DIGITS) continue;
    pansInRun(isAscii ? asciiGroups(text, start, i) : groupsOf(text, start, i), found);
  }
  return found;
}

type Group = { start: number; end: number; digits: string };

/** The digit groups of a run [start, end), their digits in ASCII. */
function groupsOf(text: string, start: number, end: number): Group[] {
  return [...text.slice(start, end).matchAll(GROUP)].map((g) => ({
    start: start + (g.index ?? 0),
    end: start + (g.index ?? 0) + g[0].length,
    digits: toAsciiDigits(g[0]),
  }));
}

/** groupsOf for a run of ASCII digits: groups split at each (one-unit) separator. */
function asciiGroups(text: string, start: number, end: number): Group[] {
  const groups: Group[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && digitAt(text, i) === 1) continue;
    groups.push({ start: from, end: i, digits: text.slice(from, i) });
    from = i + 1;
  }
  return groups;
}

/** The PANs of one run's groups, taken greedily from the left over whole groups. */
function pansInRun(groups: Group[], found: PanMatch[]): void {
  let i = 0;
  while (i < groups.length) {
    let matched = -1;
    let digits = '';
    for (let j = i; j < groups.length; j++) {
      digits += groups[j]!.digits;
      if (digits.length > PAN_MAX_DIGITS) break;
      if (digits.length >= PAN_MIN_DIGITS && luhnValid(digits)) matched = j;
    }
    if (matched >= 0) {
      const all = groups.slice(i, matched + 1).map((g) => g.digits).join('');
      found.push({ start: groups[i]!.start, end: groups[matched]!.end, last4: all.slice(-4) });
      i = matched + 1;
    } else {
      i++;
    }
  }
}

export function maskPan(last4: string): string {
  return `•••• ${last4}`;
}

/** Replaces every PAN by `•••• 1234`; returns the text and how many were masked. */
export function maskPans(text: string): { text: string; count: number } {
  const matches = findPans(text);
  if (matches.length === 0) return { text, count: 0 };
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + maskPan(m.last4);
    at = m.end;
  }
  return { text: out + text.slice(at), count: matches.length };
}
