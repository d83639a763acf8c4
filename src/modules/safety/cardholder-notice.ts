/**
 * The sentence shown to a cardholder whose message had card data removed. It names what was removed (never
 * the value) and says plainly that we never need it (PCI DSS 3.3.1: we may not keep CVV2/CID or PINs).
 */
import { FINDING_ORDER, type Finding, type FindingKind } from './safety.types.ts';

const NOUNS: Record<FindingKind, [string, string]> = {
  card_number: ['a card number', 'card numbers'],
  security_code: ['a security code', 'security codes'],
  pin: ['a PIN', 'PINs'],
  one_time_code: ['a one-time code', 'one-time codes'],
  ssn: ['a Social Security number', 'Social Security numbers'],
};
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function phrase(kind: FindingKind, count: number): string {
  const [one, many] = NOUNS[kind];
  return count === 1 ? one : `${NUMBER_WORDS[count] ?? String(count)} ${many}`;
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const NEVER_NEED = "We will never need your full card number, security code, PIN or one-time codes — please don't send them.";
const NO_SSN = "Please don't send your Social Security number in messages.";

/** A plain-language notice for the cardholder, or null when nothing was removed. */
export function cardholderNotice(findings: readonly Finding[]): string | null {
  const counts = new Map<FindingKind, number>();
  for (const f of findings) if (f.count > 0) counts.set(f.kind, (counts.get(f.kind) ?? 0) + f.count);
  if (counts.size === 0) return null;
  const kinds = FINDING_ORDER.filter((k) => counts.has(k));
  const sentences = [`We removed ${list(kinds.map((k) => phrase(k, counts.get(k)!)))} from your message.`];
  if (kinds.some((k) => k !== 'ssn')) sentences.push(NEVER_NEED);
  if (counts.has('ssn')) sentences.push(kinds.length > 1 ? NO_SSN.replace('messages.', 'messages either.') : NO_SSN);
  return sentences.join(' ');
}
