import type { RankedLabel } from '../triage/index.ts';
import type { IssuerProfile, ProductLine } from './profile.schema.ts';

/**
 * "Which number do I call?" — free text to one product line's hotline, in three steps of decreasing certainty:
 * 1. the text names a product ("corporate", "gift card", "prepaid"): that line's keywords in the issuer profile.
 *    The cardholder knows which card they hold better than any model does, so a named product wins;
 * 2. otherwise the triage classifier's label, when it is confident, maps (config/triage/labels.json) to a line;
 * 3. otherwise the default line (personal cards), whose agents can transfer a call.
 * Pure: the classifier comes in as a ranking function, so tests can pin its answers.
 */

/** Confidence given to a product the cardholder named (they may still mean another line: see alternatives). */
export const NAMED_PRODUCT_CONFIDENCE = 0.9;
/** How many classifier labels to consider for the answer and its alternatives. */
const RANKED_LABELS = 5;
/**
 * The workflow of the label that means "I want a person / a phone number". Every question asked here wants
 * that, so the label says nothing about which line: it is left out and the other labels' probabilities are
 * renormalized ("which number do I call if my card is stolen" is about a stolen card).
 */
export const ASKS_FOR_A_PERSON_WORKFLOW = 'callback_request';
/** When that label takes more than three quarters of the probability, the text only asks for a number. */
const MIN_TOPIC_SHARE = 0.25;
export const MAX_ALTERNATIVES = 2;
export const DEFAULT_LINE_ID = 'personal';

export type Ranker = { threshold: number; rank(text: string, count: number): RankedLabel[] };

export type LineChoice = { line: ProductLine; confidence: number };

export type RouteDecision = {
  line: ProductLine;
  confidence: number;
  basis: 'product_named' | 'topic' | 'default';
  why: string;
  /** The classifier's label when it was confident (the topic), else null. */
  topic: { label: string; description: string; articles: string[] } | null;
  alternatives: LineChoice[];
};

/** Lower case, compatibility-folded words; a plural "s" dropped so "gift cards" meets the keyword "gift card". */
export function keywordTokens(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter(Boolean)
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

export function defaultLine(profile: IssuerProfile): ProductLine {
  return profile.productLines.find((l) => l.id === DEFAULT_LINE_ID) ?? profile.productLines[0]!;
}

/**
 * The product line whose keyword the text names, ignoring the default line (its keywords, "declined",
 * "statement", are topics every line shares, not products). The longest keyword wins ("small business" over
 * "business"); on a tie, the profile's order.
 */
export function namedLine(profile: IssuerProfile, text: string): { line: ProductLine; keyword: string } | null {
  const words = ` ${keywordTokens(text).join(' ')} `;
  const fallback = defaultLine(profile);
  let best: { line: ProductLine; keyword: string; length: number } | null = null;
  for (const line of profile.productLines) {
    if (line.id === fallback.id) continue;
    for (const keyword of line.keywords) {
      const k = keywordTokens(keyword).join(' ');
      if (k && words.includes(` ${k} `) && (!best || k.length > best.length)) best = { line, keyword, length: k.length };
    }
  }
  return best ? { line: best.line, keyword: best.keyword } : null;
}

function sentence(description: string | undefined, label: string): string {
  const text = description ?? label.replaceAll('_', ' ');
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Decides the line for `text` from the profile's keywords and the classifier's ranking. */
export function decideRoute(profile: IssuerProfile, ranker: Ranker, text: string): RouteDecision {
  const { ranked, asking } = rankSafely(ranker, withoutIssuerNames(profile, text));
  const lineById = new Map(profile.productLines.map((l) => [l.id, l]));
  const top = ranked[0];
  const topLine = top ? lineById.get(top.route.hotline) : undefined;
  const confident = top !== undefined && topLine !== undefined && top.confidence >= ranker.threshold;
  const topic = confident ? { label: top.label, description: sentence(top.route.description, top.label), articles: [...top.route.articles] } : null;
  const named = namedLine(profile, text);

  let line: ProductLine;
  let confidence: number;
  let basis: RouteDecision['basis'];
  let why: string;
  if (named) {
    line = named.line;
    basis = 'product_named';
    const agrees = confident && topLine!.id === line.id;
    confidence = agrees ? Math.max(top!.confidence, NAMED_PRODUCT_CONFIDENCE) : NAMED_PRODUCT_CONFIDENCE;
    why = `You mentioned \u201c${named.keyword}\u201d: ${line.name} has its own team for that.`;
    if (topic) why += ` Your question looks like: ${topic.description}.`;
  } else if (confident) {
    line = topLine!;
    basis = 'topic';
    confidence = top!.confidence;
    why = `Your question looks like: ${topic!.description}. ${line.name} handles that.`;
  } else {
    line = defaultLine(profile);
    basis = 'default';
    confidence = ranked.length === 0 ? asking : (top?.confidence ?? 0);
    why = ranked.length === 0 && asking >= ranker.threshold
      ? `${line.name} is the main line: its agents answer any question and can transfer you.`
      : `We could not tell which card or account this is about, so this is the main line (${line.name}): its agents can transfer you.`;
  }
  return { line, confidence, basis, why, topic, alternatives: alternativesFor(line, ranked, lineById) };
}

/**
 * The classifier's best labels without the "asks for a person" label, renormalized; `asking` is that label's
 * share (a text that only asks for a number is answered by the main line, and that is a sure answer).
 */
function rankSafely(ranker: Ranker, text: string): { ranked: RankedLabel[]; asking: number } {
  // A text with no letters or digits has no topic; the route is then the default line.
  if (!/[\p{L}\p{N}]/u.test(text)) return { ranked: [], asking: 0 };
  const ranked = ranker.rank(text, RANKED_LABELS);
  const asking = ranked.filter((r) => r.route.workflow === ASKS_FOR_A_PERSON_WORKFLOW).reduce((sum, r) => sum + r.confidence, 0);
  const rest = 1 - asking;
  if (asking === 0) return { ranked, asking };
  if (rest < MIN_TOPIC_SHARE) return { ranked: [], asking };
  return { ranked: ranked.filter((r) => r.route.workflow !== ASKS_FOR_A_PERSON_WORKFLOW).map((r) => ({ ...r, confidence: r.confidence / rest })), asking };
}

/**
 * The issuer's own names ("Amex", "American Express") say nothing about the product line, but a classifier
 * trained on few examples can lean on them (merchant questions often name the brand): they are replaced by
 * "card", which is what a cardholder means by "my Amex".
 */
const issuerNamePatterns = new WeakMap<IssuerProfile, RegExp | null>();

/** One pattern per profile: the names as whole words, longest first, with an optional possessive "'s". */
function issuerNamePattern(profile: IssuerProfile): RegExp | null {
  if (issuerNamePatterns.has(profile)) return issuerNamePatterns.get(profile)!;
  const names = [profile.issuer.name, ...profile.issuer.alsoKnownAs]
    .map((n) => n.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  const pattern = names.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?:['\u2019]s)?(?![\\p{L}\\p{N}])`, 'giu') : null;
  issuerNamePatterns.set(profile, pattern);
  return pattern;
}

export function withoutIssuerNames(profile: IssuerProfile, text: string): string {
  const pattern = issuerNamePattern(profile);
  return pattern ? text.replace(pattern, 'card').replace(/\s+/g, ' ').trim() : text;
}

/** Other lines the classifier thought likely, most likely first, one entry per line. */
function alternativesFor(chosen: ProductLine, ranked: RankedLabel[], lineById: Map<string, ProductLine>): LineChoice[] {
  const best = new Map<string, LineChoice>();
  for (const r of ranked) {
    const line = lineById.get(r.route.hotline);
    if (!line || line.id === chosen.id) continue;
    const seen = best.get(line.id);
    if (seen) seen.confidence += r.confidence;
    else best.set(line.id, { line, confidence: r.confidence });
  }
  return [...best.values()]
    .filter((c) => c.confidence >= MIN_ALTERNATIVE_CONFIDENCE)
    .sort((a, b) => b.confidence - a.confidence)
    .slice(0, MAX_ALTERNATIVES);
}

/** Below this an alternative is noise, not a suggestion. */
const MIN_ALTERNATIVE_CONFIDENCE = 0.05;
