import type { IssuerProfile } from '../directory/index.ts';
import { PhraseIndex } from './phrase-index.ts';
import { tokens } from './tokens.ts';
import type { CaseType } from './service-policy.ts';

export const DEFAULT_PRODUCT_LINE = 'personal';

/** Queues are product line × case type, e.g. `personal.fraud`; escalations go to `supervisor`. */
export function queueName(profile: IssuerProfile, productLine: string, type: CaseType): string {
  const line = profile.productLines.find((l) => l.id === productLine);
  return `${line?.queue ?? productLine}.${type}`;
}

/**
 * The product line a message is about: the linked account's, else the line whose keywords the text names
 * (the longest keyword wins: "gift card" over "card"), else the classifier's suggestion if given, else the
 * default line.
 */
type Keywords = { entries: Array<{ line: string; keyword: string }>; index: PhraseIndex };
const compiledKeywords = new WeakMap<IssuerProfile, Keywords>();

/** Each line's keywords, tokenized and indexed once per profile. */
function keywordsOf(profile: IssuerProfile): Keywords {
  let compiled = compiledKeywords.get(profile);
  if (!compiled) {
    const all = profile.productLines.flatMap((line) => line.keywords.map((k) => ({ line: line.id, words: tokens(k) })));
    const kept = all.filter((k) => k.words.length > 0);
    compiled = { entries: kept.map((k) => ({ line: k.line, keyword: k.words.join(' ') })), index: new PhraseIndex(kept.map((k) => k.words)) };
    compiledKeywords.set(profile, compiled);
  }
  return compiled;
}

export function productLineFor(profile: IssuerProfile, accountProductLine: string | null, text: string, suggestedProductLine?: string | null): string {
  if (accountProductLine && profile.productLines.some((l) => l.id === accountProductLine)) return accountProductLine;
  const { entries, index } = keywordsOf(profile);
  // A keyword is named when its tokens stand together in the text's (tokens never hold a space, so this is
  // the same as finding " keyword " in the text's tokens joined by spaces).
  const found = index.find(tokens(text));
  let best: { line: string; length: number } | null = null;
  for (let id = 0; id < entries.length; id++) {
    const { line, keyword } = entries[id]!;
    if (found[id] && (!best || keyword.length > best.length)) best = { line, length: keyword.length };
  }
  if (best) return best.line;
  // A confident classifier's product line (PriorityResult.suggestion) comes after the words the cardholder wrote.
  if (suggestedProductLine && profile.productLines.some((l) => l.id === suggestedProductLine)) return suggestedProductLine;
  return profile.productLines.some((l) => l.id === DEFAULT_PRODUCT_LINE) ? DEFAULT_PRODUCT_LINE : profile.productLines[0]!.id;
}
