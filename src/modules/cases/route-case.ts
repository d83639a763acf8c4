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
 * (the longest keyword wins: "gift card" over "card"), else the default line.
 */
export function productLineFor(profile: IssuerProfile, accountProductLine: string | null, text: string): string {
  if (accountProductLine && profile.productLines.some((l) => l.id === accountProductLine)) return accountProductLine;
  const words = ` ${tokens(text).join(' ')} `;
  let best: { line: string; length: number } | null = null;
  for (const line of profile.productLines) {
    for (const keyword of line.keywords) {
      const k = tokens(keyword).join(' ');
      if (k && words.includes(` ${k} `) && (!best || k.length > best.length)) best = { line: line.id, length: k.length };
    }
  }
  return best?.line ?? (profile.productLines.some((l) => l.id === DEFAULT_PRODUCT_LINE) ? DEFAULT_PRODUCT_LINE : profile.productLines[0]!.id);
}
