/**
 * Finding primary account numbers (PANs) in free text. PCI DSS 3.4.1 / 3.5.1: a PAN is masked on display
 * and unreadable wherever stored, logs included. This knows no domain: it only finds and masks.
 */

// Digit groups joined by at most one separator: space, tab, no-break space, dot, ASCII or Unicode dashes.
const RUN = /(?<![\p{Nd}])\p{Nd}+(?:[ \t\u00a0.\-\u2010-\u2015]\p{Nd}+)*(?![\p{Nd}])/gu;
const GROUP = /\p{Nd}+/gu;

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
  return text.replace(/\p{Nd}/gu, (d) => {
    const code = d.codePointAt(0) ?? 48;
    if (code >= 48 && code <= 57) return d;
    const value = Number.parseInt(d.normalize('NFKC'), 10);
    return Number.isNaN(value) ? d : String(value);
  });
}

export type PanMatch = { start: number; end: number; last4: string };

/** Every Luhn-valid 13–19 digit run, taken greedily from the left over whole digit groups. */
export function findPans(text: string): PanMatch[] {
  const found: PanMatch[] = [];
  for (const run of text.matchAll(RUN)) {
    const groups = [...run[0].matchAll(GROUP)].map((g) => ({
      start: run.index + (g.index ?? 0),
      end: run.index + (g.index ?? 0) + g[0].length,
      digits: toAsciiDigits(g[0]),
    }));
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
  return found;
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
