/**
 * The disputes module's only door into the case engine: a dispute opens its case, and writes its system notices
 * onto it, through the engine's own write paths (open-case prepare/write, storeMessage), inside the dispute's
 * unit of work. (Agents' notices are letters: dispute-letters.ts, through the notices module.)
 * LIMITATION: modules/cases/index.ts does not export these yet (habit 1), so they are imported from their files
 * here and nowhere else in the module; once the cases module exports them, only this file changes.
 */
import type { CardholderActor } from '../../platform/auth/actor.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import {
  type CaseDeps,
  type IncomingFile,
  insertEvents,
  type PreparedCase,
  prepareMessage,
  prepareOpenCase,
  queueName,
  type RequestMeta,
  storeMessage,
  writeOpenCase,
} from '../cases/index.ts';
import { enqueueNotification } from '../notifications/index.ts';

export type { CaseDeps, IncomingFile, PreparedCase, RequestMeta };

/** Guard step for the dispute's case: links, redaction, attachment rules; type 'dispute', priority as given. */
export async function prepareDisputeCase(
  deps: CaseDeps,
  actor: CardholderActor,
  input: { subject: string; body: string; transactionId: string; files: IncomingFile[] },
  priority: 'high' | null,
): Promise<PreparedCase> {
  const prepared = await prepareOpenCase(deps, actor, input, 'web');
  const triage = { ...prepared.triage, type: 'dispute' as const, priority: priority ?? prepared.triage.priority };
  return { ...prepared, triage, queue: queueName(deps.profile, prepared.productLine, 'dispute') };
}

export async function writeDisputeCase(deps: CaseDeps, unit: Unit, prepared: PreparedCase, meta: RequestMeta): Promise<{ caseId: string; caseNumber: string }> {
  const posted = await writeOpenCase(deps, unit, prepared, meta);
  return { caseId: posted.id, caseNumber: posted.number };
}

export type TimelineEntry = { caseId: string; at: Date; kind: string; actor: { id: string | null; role: string; name: string }; visibleToCardholder: boolean; data: Record<string, unknown> };

export async function addTimeline(unit: Unit, entries: TimelineEntry[]): Promise<void> {
  await insertEvents(
    unit.tx,
    entries.map((e) => ({ case_id: e.caseId, at: e.at, kind: e.kind, actor_id: e.actor.id, actor_role: e.actor.role, actor_name: e.actor.name, visible_to_cardholder: e.visibleToCardholder, data: e.data })),
  );
}

/** A written notice from the issuer itself (no agent): stored encrypted on the case like any message. */
export async function writeSystemNotice(deps: CaseDeps, unit: Unit, input: { caseId: string; customerId: string; caseNumber: string; body: string; at: Date; kind: string }): Promise<string> {
  const message = await prepareMessage(deps, input.body, []);
  const author = { id: null, role: 'system', name: `${deps.profile.issuer.name} Disputes`, agentCode: null };
  await storeMessage(deps, unit, { caseId: input.caseId, message, author, internal: false, at: input.at });
  await insertEvents(unit.tx, [
    { case_id: input.caseId, at: input.at, kind: 'message', actor_id: null, actor_role: 'system', actor_name: author.name, visible_to_cardholder: true, message_id: message.id, data: { authorRole: 'system', notice: input.kind, attachments: 0, redactions: [] } },
  ]);
  await enqueueNotification(unit.tx, { topic: `dispute.notice.${input.kind}`, recipient: { customerId: input.customerId }, template: 'secure_message.new_reply', data: { caseNumber: input.caseNumber }, now: input.at });
  return message.id;
}
