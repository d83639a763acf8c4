import type { Prioritizer, Priority } from '../cases/index.ts';
import type { Triage } from './create-triage.ts';
import { TriageError } from './triage-error.ts';

const RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

/**
 * The classifier in front of the phrase rules, with the Secure Message Center's priority-hook signature
 * (issue 7, item 5):
 * - type: the classifier's case type when it is confident, otherwise the rules' type (explicit phrases the
 *   issuer configured, e.g. "unauthorized" → fraud), otherwise none: a person's general queue;
 * - priority: the higher of the two whenever the classifier is confident (an urgent word still raises it:
 *   DESIGN.md §11), otherwise the rules' priority alone;
 * - matched: the rules' phrases, plus "triage:<label>" when the classifier decided;
 * - suggestion: the label's product line, queue and help articles, for the case writer and the agent.
 * A message with no words to classify (an attachment with an empty body) gets the rules' answer.
 * Deterministic (no randomness at prediction) and cheap: one sparse forward pass, ~12 µs a message on Node 20.
 */
export function createClassifierPrioritizer(triage: Triage, fallback: Prioritizer): Prioritizer {
  return (input) => {
    const rules = fallback(input);
    let result;
    try {
      result = triage.classify(`${input.subject}\n${input.body}`);
    } catch (error) {
      if (error instanceof TriageError && error.code === 'empty_text') return rules;
      throw error;
    }
    if (result.fallbackToHuman) return rules;
    const priority = RANK[result.priority] > RANK[rules.priority] ? result.priority : rules.priority;
    return {
      priority,
      type: result.caseType,
      matched: [...rules.matched, `triage:${result.label}`],
      suggestion: {
        label: result.label,
        confidence: Math.round(result.confidence * 1000) / 1000,
        workflow: result.workflow,
        productLine: result.productLine,
        queue: result.queue,
        articles: result.articles,
      },
    };
  };
}
