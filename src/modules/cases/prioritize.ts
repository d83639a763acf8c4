import type { CaseType, Priority, PriorityRule } from './service-policy.ts';

/**
 * The priority hook: every inbound message passes through it. The default is the phrase rules from the
 * service policy; a trained classifier can be composed in front of it later (same signature).
 */
export type PriorityInput = { subject: string; body: string };
/**
 * What a trained classifier proposed when it was confident (config/triage/labels.json): the label, its
 * calibrated confidence, the label's product line and queue, and help articles to suggest to the agent.
 * Optional: the phrase rules never set it, and the case writer may ignore it.
 */
export type TriageSuggestion = { label: string; confidence: number; workflow: string; productLine: string; queue: string; articles: string[] };
export type PriorityResult = { priority: Priority; type: CaseType | null; matched: string[]; suggestion?: TriageSuggestion };
export type Prioritizer = (input: PriorityInput) => PriorityResult;

const RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

/**
 * A light stemmer, enough for matching phrases robustly: "charges" ~ "charge", "stolen" stays, "frauds" ~
 * "fraud", "locked" ~ "lock". Both the text and the phrases go through it, so they meet halfway.
 */
function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("'s")) return stem(word.slice(0, -2));
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ses') || word.endsWith('xes') || word.endsWith('ches') || word.endsWith('shes')) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  return word;
}

/** Lower case, compatibility-folded, apostrophes kept inside words, everything else a space; then stemmed. */
export function tokens(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .split(' ')
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean)
    .map(stem);
}

function containsPhrase(haystack: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return false;
  outer: for (let i = 0; i + phrase.length <= haystack.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (haystack[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

export function createRulePrioritizer(rules: readonly PriorityRule[]): Prioritizer {
  const compiled = rules.map((rule) => ({ rule, phrases: rule.phrases.map((p) => ({ text: p, words: tokens(p) })) }));
  return ({ subject, body }) => {
    const words = tokens(`${subject} \n ${body}`);
    let priority: Priority = 'normal';
    let type: CaseType | null = null;
    const matched: string[] = [];
    for (const { rule, phrases } of compiled) {
      const hit = phrases.find((p) => containsPhrase(words, p.words));
      if (!hit) continue;
      matched.push(hit.text);
      if (rule.priority && RANK[rule.priority] > RANK[priority]) priority = rule.priority;
      type ??= rule.type ?? null;
    }
    return { priority, type, matched };
  };
}
