/**
 * Refusing an agent reply that asks the cardholder for a full card number, a CVV/CID, a PIN, a one-time code
 * or a password. PCI DSS 3.3.1: sensitive authentication data is never to be collected after authorization;
 * and because the issuer never asks for these, a reply that does teaches cardholders to obey scammers.
 * Replies that only mention or warn ("we will never ask for your PIN") pass.
 */
import { fold } from './normalize.ts';
import { negationsIn, splitClauses, subjectBefore, type Clause } from './outbound-clauses.ts';
import {
  ASKING_QUESTION,
  BARE_END,
  BETWEEN_BREAKERS,
  CHAT,
  DEFINITION_END,
  ELSEWHERE,
  FRAGMENT_FILLER,
  GERUND,
  OBJECT_WORD,
  RECIPIENTS,
  REQUIRED,
  SPACED_LETTERS,
  THIRD_PARTY,
  TO_CARDHOLDER,
  US_NEED,
  VERB,
  WISH,
} from './outbound-patterns.ts';
import { findReferences, findTargets, type Target } from './outbound-targets.ts';
import type { SensitiveRequest, SensitiveRequestKind } from './safety.types.ts';

// LIMITATION: English only. Requests split over sentences without a pointing word ("The CVV. Send it."
// works; "About the CVV. Send that over." does not) and rhetorical quotes ("'Send me your PIN?' No!") are
// misread; a bare "send the code" with nothing named before is taken to mean a one-time code.

/** Error code when a reply is refused (see src/platform/errors.ts for the catalogue). */
export const OUTBOUND_SENSITIVE_REQUEST = 'outbound_sensitive_request';

const LABEL: Record<SensitiveRequestKind, string> = {
  card_number: 'full card number',
  security_code: 'card security code (CVV/CID)',
  pin: 'PIN',
  one_time_code: 'one-time code',
  password: 'password',
};

export function refusalReason(kind: SensitiveRequestKind): string {
  return `The reply asks the cardholder for their ${LABEL[kind]}. Our staff must never ask for a PIN, CVV/CID, one-time code, password or full card number.`;
}

type State = { mentioned: SensitiveRequestKind[]; prevAsked: boolean; prevNegated: boolean };

/** The secret that is the object of a verb ending at `from`: a named target or a word pointing back at one. */
function objectAfter(clause: string, from: number, targets: Target[], state: State): SensitiveRequestKind | null {
  const target = targets.find((t) => t.start >= from);
  if (target) {
    const words = clause.slice(from, target.start).match(/[a-z][a-z']*/g) ?? [];
    if (words.length <= 12 && !words.some((w) => BETWEEN_BREAKERS.has(w))) return target.kind;
  }
  const lead = RECIPIENTS.exec(clause.slice(from));
  const at = from + (lead ? lead[0].length : 0);
  const ref = findReferences(clause).find((r) => r.start === at);
  if (!ref) return null;
  const fits = (k: SensitiveRequestKind) =>
    ref.nouns === 'any' || (ref.nouns === 'code' ? k !== 'card_number' : k === 'card_number' || k === 'security_code' || k === 'pin');
  const earlier = [...state.mentioned].reverse().find(fits);
  if (earlier) return earlier;
  // A bare "send the code" in a card-service reply means the code we text: a one-time code.
  return ref.nouns === 'code' && BARE_END.test(clause.slice(ref.end)) ? 'one_time_code' : null;
}

type VerbGroup = 'to_us' | 'placed' | 'needs_object' | 'keypad';
type Occurrence = { group: VerbGroup; start: number; end: number; before: string; isForced: boolean };
const GROUPS: VerbGroup[] = ['to_us', 'placed', 'needs_object', 'keypad'];

/** Request verbs in the clause, and gerunds after "by", "mind", "appreciate" ("would you mind sending …"). */
function verbsIn(c: string): Occurrence[] {
  const found: Occurrence[] = [...c.matchAll(VERB)].map((m) => ({
    group: GROUPS[m.slice(1).findIndex(Boolean)] ?? 'to_us',
    start: m.index,
    end: m.index + m[0].length,
    before: c.slice(0, m.index),
    isForced: false,
  }));
  for (const w of c.matchAll(WISH)) {
    const end = w.index + w[0].length;
    found.push({ group: 'to_us', start: end - w[1]!.length, end, before: '', isForced: true });
  }
  for (const g of c.matchAll(GERUND)) {
    const end = g.index + g[0].length;
    const group = /^(?:typing|entering)$/.test(g[2]!) ? 'keypad' : 'to_us';
    found.push({ group, start: end - g[2]!.length, end, before: c.slice(0, g.index), isForced: g[1] !== 'by' });
  }
  return found;
}

/** Whether a verb is the cardholder being asked to hand something to us (not "we'll send you", "at the ATM"). */
function asksCardholder(c: string, v: Occurrence, targets: Target[]): boolean {
  const after = c.slice(v.end);
  if (v.group === 'needs_object' && !OBJECT_WORD.test(after) && !targets.some((t) => t.start === v.end + 1)) return false;
  if (TO_CARDHOLDER.test(after) || THIRD_PARTY.test(after)) return false;
  const subject = v.isForced ? 'you' : subjectBefore(v.before);
  if (subject !== 'you' && subject !== 'none') return false;
  if (v.group === 'keypad') return CHAT.test(after) || (subject === 'none' && !ELSEWHERE.test(after));
  return v.group === 'to_us' || !ELSEWHERE.test(after);
}

function verbRequests(c: string, targets: Target[], state: State, isNegatedAt: (i: number) => boolean) {
  let asked = false;
  for (const v of verbsIn(c)) {
    if (isNegatedAt(v.start) || !asksCardholder(c, v, targets)) continue;
    asked = true;
    const kind = objectAfter(c, v.end, targets, state);
    if (kind) return { kind, asked };
  }
  return { kind: null, asked };
}

type ClauseView = { c: string; clause: Clause; targets: Target[]; state: State; isNegatedAt: (i: number) => boolean };

/** "I'll need your CVV", "May I have your PIN?", "What's your password?" */
function statedNeed({ c, targets, state, isNegatedAt }: ClauseView): SensitiveRequestKind | null {
  for (const re of [US_NEED, ASKING_QUESTION]) {
    for (const m of c.matchAll(re)) {
      const end = m.index + m[0].length;
      if (isNegatedAt(end) || /^\s+you\s+to(?![a-z])/.test(c.slice(end))) continue;
      if (m[0].startsWith('what') && DEFINITION_END.test(c)) continue; // "What is the CVV for?"
      // "Why would we need your PIN?", "Do we need your CVV? No." ask nothing.
      if (re === US_NEED && /(?:^|\s)(?:why|how|do|does|did|would|should)(?:\s+\S+)?\s*$/.test(c.slice(0, m.index))) continue;
      const kind = objectAfter(c, end, targets, state);
      if (kind) return kind;
    }
  }
  return null;
}

/** "Your CVV is required to proceed", "Your CVV, please.", "And the PIN?" */
function requestWithoutVerb({ c, clause, targets, isNegatedAt }: ClauseView): SensitiveRequestKind | null {
  for (const t of targets) {
    const isIndefinite = /(?:^|\s)(?:a|an)\s+$/.test(c.slice(0, t.start)); // "A PIN is required at ATMs."
    if (REQUIRED.test(c.slice(t.end)) && !isNegatedAt(t.end) && !isIndefinite) return t.kind;
  }
  const only = targets.length === 1 ? targets[0] : undefined;
  if (!only || isNegatedAt(only.start) || !(clause.isQuestion || /(?<![a-z])(?:please|pls|plz)(?![a-z])/.test(c))) return null;
  // A label before a colon does not count: "Last step: your PIN, please."
  const lead = c.slice(0, only.start).replace(/^[^:]*:/, '');
  return FRAGMENT_FILLER.test(`${lead} ${c.slice(only.end)}`) ? only.kind : null;
}

function clauseRequest(clause: Clause, state: State): SensitiveRequestKind | null {
  const c = clause.text;
  const targets = findTargets(c);
  const inherited = clause.joins && state.prevNegated;
  const negations = negationsIn(c);
  const isNegatedAt = (i: number) => inherited || negations.some((n) => n < i);
  const view: ClauseView = { c, clause, targets, state, isNegatedAt };

  const verbs = verbRequests(c, targets, state, isNegatedAt);
  let kind = verbs.kind ?? statedNeed(view) ?? requestWithoutVerb(view);
  const hasVerb = verbs.asked || [...c.matchAll(VERB)].length > 0;
  const first = targets[0];
  // A list after a comma or a colon: "please send your name, address and CVV".
  if (!kind && first && !clause.isNewSentence && !hasVerb && state.prevAsked && !state.prevNegated && !isNegatedAt(first.start)) {
    kind = first.kind;
  }
  state.mentioned.push(...targets.map((t) => t.kind));
  if (clause.isNewSentence || hasVerb) {
    state.prevAsked = verbs.asked;
    state.prevNegated = inherited || (negations.length > 0 && hasVerb);
  }
  return kind;
}

/** The first thing the reply asks the cardholder for that staff must never ask for, or null. */
export function detectOutboundSensitiveRequest(text: string): SensitiveRequest | null {
  const state: State = { mentioned: [], prevAsked: false, prevNegated: false };
  const folded = fold(text).text.replace(SPACED_LETTERS, (m) => m.replace(/ /g, ''));
  for (const clause of splitClauses(folded)) {
    if (clause.isNewSentence) {
      state.prevAsked = false;
      state.prevNegated = false;
    }
    const kind = /[a-z]/.test(clause.text) ? clauseRequest(clause, state) : null;
    if (kind) return { kind, reason: refusalReason(kind) };
  }
  return null;
}
