import type { Tx } from '../../platform/db.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { CaseDeps } from './case-deps.ts';
import { type CaseRow, insertEvents } from './cases.repo.ts';
import { type EscalationActor, escalateRow, escalationBlocker } from './escalate-case.ts';
import { PhraseIndex } from './phrase-index.ts';
import { tokens } from './tokens.ts';

/**
 * Words that invoke dispute or complaint rights. UDAAP (REFERENCE.md, Complaints): a self-service flow that
 * fails to recognize a customer invoking their rights, or traps them with no path to a human, is a supervisory
 * concern. Phrases go through the same tokens() as the text (case, punctuation, plurals and zero-width tricks
 * folded), so "I DISPUTE this!!", "disputes" and "C.F.P.B." all match. The stemmer is light ("disputed" →
 * "disput", "dispute" → "dispute"), so inflected forms are listed.
 */
export const RIGHTS_PHRASES = {
  // Asking for a person with authority: straight to the supervisor queue.
  supervisor: ['supervisor', 'speak to a manager', 'talk to a manager', 'speak to your manager', 'your manager', 'manager please', 'escalate', 'escalated', 'escalating', 'escalation', 'someone in charge', 'higher up'],
  // Expressing dissatisfaction or naming the regulator: a complaint (CFPB sense), also to a supervisor.
  complaint: ['file a complaint', 'filing a complaint', 'make a complaint', 'lodge a complaint', 'submit a complaint', 'formal complaint', 'official complaint', 'complaint against', 'i want to complain', 'i am complaining', "i'm complaining", 'cfpb', 'c f p b', 'consumer financial protection bureau', 'attorney general', 'better business bureau', 'report you', 'unacceptable', 'outrageous'],
  // Disputing a charge (Reg Z billing error / Reg E error notice): flagged so the dispute process starts.
  dispute: ['dispute', 'disputed', 'disputing', 'chargeback', 'charge back', 'billing error', 'i did not authorize', "i didn't authorize", 'not authorized by me'],
} as const;

export type RightsKind = keyof typeof RIGHTS_PHRASES;
export type RightsInvoked = { kind: RightsKind; escalate: boolean; matched: string[] };

const ORDER: RightsKind[] = ['supervisor', 'complaint', 'dispute'];
// Every phrase in ORDER, each kind's in its listed order, indexed once (see phrase-index.ts).
const PHRASES = ORDER.flatMap((kind) => RIGHTS_PHRASES[kind].map((text) => ({ kind, text })));
const INDEX = new PhraseIndex(PHRASES.map((p) => tokens(p.text)));

/**
 * Pure: which rights a message invokes. The strongest kind wins (supervisor > complaint > dispute);
 * `matched` lists every phrase found, of every kind. Null when none.
 */
export function detectRightsInvoked(text: string): RightsInvoked | null {
  const found = INDEX.find(tokens(text));
  let kind: RightsKind | null = null;
  const matched: string[] = [];
  PHRASES.forEach((p, id) => {
    if (!found[id]) return;
    matched.push(p.text);
    kind ??= p.kind;
  });
  return kind ? { kind, escalate: kind !== 'dispute', matched } : null;
}

/** What the cardholder is told happens next: plain words and the one-step ways to a person. */
export type NextSteps = { kind: RightsKind; escalated: boolean; message: string; actions: Array<{ label: string; href: string }> };

export function nextStepsFor(found: RightsInvoked, caseNumber: string, escalated: boolean): NextSteps {
  const actions = [
    { label: 'File a formal complaint', href: '/complaints/new' },
    { label: 'Ask us to call you', href: '/callbacks/new' },
  ];
  if (found.kind === 'dispute') {
    return {
      kind: found.kind,
      escalated,
      message: `We noted that you dispute a charge on case ${caseNumber}. A specialist will review it and write to you here about the dispute, your rights and any provisional credit. You do not need to send anything else now.`,
      actions: [{ label: 'Dispute a transaction', href: '/disputes/new' }, ...actions],
    };
  }
  return {
    kind: found.kind,
    escalated,
    message: escalated
      ? `Case ${caseNumber} is now with a supervisor, who will reply to you here. If you want a formal complaint on record, you can file one at any time.`
      : `Case ${caseNumber} could not be passed to a supervisor. Start a new message and a supervisor will pick it up.`,
    actions,
  };
}

/**
 * For the message write paths (open-case.ts, post-reply.ts), inside their transaction, after the message is
 * saved: a cardholder's words that invoke rights escalate the case to a supervisor (supervisor and complaint
 * words) or flag it `rights_invoked` (dispute words), with a timeline entry and an audit row. Returns the
 * case as saved and what to tell the cardholder (null when the text invokes nothing).
 */
export async function applyRightsInvoked(
  deps: CaseDeps,
  tx: Tx,
  row: CaseRow,
  who: EscalationActor,
  text: string,
  now: Date,
  requestId: string,
): Promise<{ row: CaseRow; nextSteps: NextSteps | null }> {
  if (who.role !== 'cardholder') return { row, nextSteps: null };
  const found = detectRightsInvoked(text);
  if (!found) return { row, nextSteps: null };
  let saved = row;
  let escalated = row.escalation === 'supervisor';
  if (found.escalate && !escalated && !escalationBlocker(row)) {
    saved = (await escalateRow(deps, tx, row, who, `Asked in a message (${found.matched.join(', ')})`, 'rights_invoked', now)).row;
    escalated = true;
  }
  await insertEvents(tx, [
    { case_id: row.id, at: now, kind: 'rights_invoked', actor_id: null, actor_role: 'system', actor_name: 'Rights check', visible_to_cardholder: true, data: { kind: found.kind, matched: found.matched, escalated } },
  ]);
  await recordAudit(tx, { action: 'case.rights_invoked', actorId: who.id, actorRole: who.role, targetType: 'case', targetId: row.id, requestId, at: now, detail: { kind: found.kind, escalated } });
  return { row: saved, nextSteps: nextStepsFor(found, row.number, escalated) };
}
