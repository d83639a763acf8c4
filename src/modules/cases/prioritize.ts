import { PhraseIndex } from './phrase-index.ts';
import type { CaseType, Priority, PriorityRule } from './service-policy.ts';
import { tokens } from './tokens.ts';

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

export function createRulePrioritizer(rules: readonly PriorityRule[]): Prioritizer {
  // Every phrase of every rule, in rule order, indexed once; each rule keeps the ids of its phrases in order.
  const phrases: string[][] = [];
  const compiled = rules.map((rule) => ({ rule, ids: rule.phrases.map((p) => phrases.push(tokens(p)) - 1) }));
  const index = new PhraseIndex(phrases);
  return ({ subject, body }) => {
    const found = index.find(tokens(`${subject} \n ${body}`));
    let priority: Priority = 'normal';
    let type: CaseType | null = null;
    const matched: string[] = [];
    for (const { rule, ids } of compiled) {
      // The rule's first phrase (in the rule's order) that occurs in the text.
      const k = ids.findIndex((id) => found[id]);
      if (k < 0) continue;
      matched.push(rule.phrases[k]!);
      if (rule.priority && RANK[rule.priority] > RANK[priority]) priority = rule.priority;
      type ??= rule.type ?? null;
    }
    return { priority, type, matched };
  };
}
