/**
 * Redaction of everything a cardholder sends us: message bodies, notes, subjects, attachment file names.
 *
 * PCI DSS 3.4.1: a card number is shown masked ("•••• 1234"); PCI DSS 3.3.1: sensitive authentication data
 * (CVV2/CVC2/CID, PIN) is never stored after authorization, so it is removed outright, and so are one-time
 * codes and Social Security numbers, which we never need either. Findings name kinds and counts, never values.
 */
import { findPans, maskPan } from '../../platform/pan.ts';
import { findCodeAfterPan, findKeywordValues, isValidSsn, type Hit } from './find-values.ts';
import { findTerms } from './inbound-terms.ts';
import { fold, originalRange } from './normalize.ts';
import { protectedRanges } from './protect.ts';
import { FINDING_ORDER, type Finding, type FindingKind, type Redaction } from './safety.types.ts';

export const REMOVED = '[removed]';

// LIMITATION: a value in a later sentence than its word ("I got a code. It was 839201") stays, as do PINs
// longer than 12 digits, digits typed as letters ("4lll"), and secrets in other languages than English.
// LIMITATION: pan.ts takes the longest Luhn-valid run, so a code typed right after a card number can be
// swallowed into it (still removed, but the shown last four is then wrong); and a mask's last four may run
// into the digits after it ("•••• 1111 2345…").

type Span = { kind: FindingKind; start: number; end: number; last4?: string };

// 123-45-6789 or 123 45 6789 is an SSN wherever it stands (if valid); a bare 9-digit run needs "SSN" before it.
const FORMATTED_SSN = /(?<![0-9](?:[ .\-])?)[0-9]{3}([ -])[0-9]{2}\1[0-9]{4}(?!(?:[ .\-])?[0-9])/g;

const HAS_DIGIT = /[0-9]/;

// Two zeroed byte arrays of at least `length`, reused from call to call: allocating typed arrays cost more
// than the whole search of a short message (issue 3). Safe because redaction is synchronous and does not
// call itself; long texts get their own, so that one huge message does not keep a huge buffer alive.
const REUSED_MAX = 4096;
const reused = [new Uint8Array(REUSED_MAX), new Uint8Array(REUSED_MAX)] as const;
function zeroedBytes(which: 0 | 1, length: number): Uint8Array {
  if (length > REUSED_MAX) return new Uint8Array(length);
  return reused[which].subarray(0, length).fill(0);
}

class Spans {
  readonly list: Span[] = [];
  private readonly taken: Uint8Array;
  constructor(length: number) {
    this.taken = zeroedBytes(0, length);
  }
  isFree(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.taken[i]) return false;
    return true;
  }
  add(span: Span): boolean {
    if (!this.isFree(span.start, span.end)) return false;
    this.taken.fill(1, span.start, span.end);
    this.list.push(span);
    return true;
  }
  /** Whether `text` has a digit outside every span (and outside `also`, if given). */
  hasFreeDigit(text: string, also?: Uint8Array): boolean {
    for (let i = 0; i < text.length; i++) if (isDigit(text, i) && !this.taken[i] && !also?.[i]) return true;
    return false;
  }
}

const isDigit = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
};

/**
 * Folded text with the digits of found and harmless numbers hidden (see find-values.ts): those of harmless
 * numbers become 'x', then those of found spans '§'. Null when no digit is left, as then no value can be
 * found (every value is digits): the usual message, whose only numbers are a card number, amounts and dates,
 * skips the word search (issue 3).
 */
function searchText(folded: string, spans: Spans): string | null {
  if (!spans.hasFreeDigit(folded)) return null;
  const isProtected = zeroedBytes(1, folded.length);
  for (const [start, end] of protectedRanges(folded)) isProtected.fill(1, start, end);
  if (!spans.hasFreeDigit(folded, isProtected)) return null;
  let search = '';
  let at = 0;
  for (let i = 0; i < folded.length; i++) {
    if (!isDigit(folded, i)) continue;
    const by = isProtected[i] ? 'x' : spans.isFree(i, i + 1) ? '' : '§';
    if (by) {
      search += folded.slice(at, i) + by;
      at = i + 1;
    }
  }
  return search + folded.slice(at);
}

function summarize(spans: Span[]): Finding[] {
  const findings: Finding[] = [];
  const inOrder = [...spans].sort((a, b) => a.start - b.start);
  for (const kind of FINDING_ORDER) {
    const ofKind = inOrder.filter((s) => s.kind === kind);
    if (ofKind.length === 0) continue;
    if (kind === 'card_number') findings.push({ kind, count: ofKind.length, last4: ofKind.map((s) => s.last4 ?? '') });
    else findings.push({ kind, count: ofKind.length });
  }
  return findings;
}

/** Masks card numbers and removes security codes, PINs, one-time codes and SSNs from inbound text. */
export function redactInbound(text: string): Redaction {
  const folded = fold(text);
  // Every finding is made of digits, and folding turned every digit into an ASCII one.
  if (!HAS_DIGIT.test(folded.text)) return { text, findings: [] };
  const spans = new Spans(folded.text.length);

  const pans = findPans(folded.text);
  for (const pan of pans) spans.add({ kind: 'card_number', start: pan.start, end: pan.end, last4: pan.last4 });
  FORMATTED_SSN.lastIndex = 0; // exec, not matchAll, which copies the expression on every call
  for (let m = FORMATTED_SSN.exec(folded.text); m; m = FORMATTED_SSN.exec(folded.text)) {
    if (isValidSsn(m[0].replace(/[^0-9]/g, ''))) spans.add({ kind: 'ssn', start: m.index, end: m.index + m[0].length });
  }

  const search = searchText(folded.text, spans);
  if (search !== null) {
    const hits: Hit[] = findKeywordValues(search, findTerms(search), (s, e) => spans.isFree(s, e));
    for (const pan of pans) {
      const code = findCodeAfterPan(search, pan.end);
      if (code) hits.push(code);
    }
    for (const hit of hits) spans.add(hit);
  }
  if (spans.list.length === 0) return { text, findings: [] };

  let out = '';
  let at = 0;
  for (const span of [...spans.list].sort((a, b) => a.start - b.start)) {
    const [start, end] = originalRange(folded, span.start, span.end);
    out += text.slice(at, start) + (span.kind === 'card_number' ? maskPan(span.last4 ?? '') : REMOVED);
    at = end;
  }
  return { text: out + text.slice(at), findings: summarize(spans.list) };
}
