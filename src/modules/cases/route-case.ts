import type { IssuerProfile } from '../directory/index.ts';
import { tokens } from './prioritize.ts';
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
const compiledKeywords = new WeakMap<IssuerProfile, Array<{ line: string; keyword: string }>>();

/** Each line's keywords, tokenized once per profile. */
function keywordsOf(profile: IssuerProfile) {
  let compiled = compiledKeywords.get(profile);
  if (!compiled) {
    compiled = profile.productLines.flatMap((line) => line.keywords.map((k) => ({ line: line.id, keyword: tokens(k).join(' ') }))).filter((k) => k.keyword);
    compiledKeywords.set(profile, compiled);
  }
  return compiled;
}

export function productLineFor(profile: IssuerProfile, accountProductLine: string | null, text: string, suggestedProductLine?: string | null): string {
  if (accountProductLine && profile.productLines.some((l) => l.id === accountProductLine)) return accountProductLine;
  const words = ` ${tokens(text).join(' ')} `;
  let best: { line: string; length: number } | null = null;
  for (const { line, keyword } of keywordsOf(profile)) {
    if (words.includes(` ${keyword} `) && (!best || keyword.length > best.length)) best = { line, length: keyword.length };
  }
  if (best) return best.line;
  // A confident classifier's product line (PriorityResult.suggestion) comes after the words the cardholder wrote.
  if (suggestedProductLine && profile.productLines.some((l) => l.id === suggestedProductLine)) return suggestedProductLine;
  return profile.productLines.some((l) => l.id === DEFAULT_PRODUCT_LINE) ? DEFAULT_PRODUCT_LINE : profile.productLines[0]!.id;
}
