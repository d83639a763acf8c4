import type { Prioritizer, Priority } from '../cases/index.ts';
import type { Triage } from './create-triage.ts';
import { TriageError } from './triage-error.ts';

const RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

/**
 * The classifier in front of the phrase rules, with the Secure Message Center's priority-hook signature:
 * - type: the classifier's case type when it is confident, otherwise the rules' type;
 * - priority: the higher of the two whenever the classifier is confident (an urgent word still raises it:
 *   DESIGN.md §11), otherwise the rules' priority alone;
 * - matched: the rules' phrases, plus "triage:<label>" when the classifier decided.
 * A message with no words to classify (an attachment with an empty body) gets the rules' answer.
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
    return { priority, type: result.caseType, matched: [...rules.matched, `triage:${result.label}`] };
  };
}
