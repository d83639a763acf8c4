import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { customerScope } from '../../platform/policy.ts';
import { detectOutboundSensitiveRequest } from '../safety/index.ts';
import { type CaseState, transition } from './case.machine.ts';
import type { CaseDeps, RequestMeta } from './case-deps.ts';
import { type CaseEventInput, type CaseRow, findCase } from './cases.repo.ts';
import { type Author, type IncomingFile, type PreparedMessage, prepareMessage, storeMessage } from './compose-message.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { saveCase, stateChangeEvent } from './save-case.ts';
import { postedView } from './posted.view.ts';
import { enqueueNotification } from '../notifications/index.ts';
import { applyRightsInvoked, type NextSteps } from './rights-words.ts';

export type ReplyInput = { body: string; internal?: boolean | undefined; files: IncomingFile[] };
export type ReplyResult = ReturnType<typeof postedView> & { nextSteps: NextSteps | null };

const DAY_MS = 86_400_000;

/** What a message does to the case's state: a cardholder's answer reopens a recently resolved case. */
function nextState(deps: CaseDeps, row: CaseRow, actor: Actor, internal: boolean, now: Date): CaseState {
  if (row.merged_into) throw new AppError('conflict', 'This case was merged into another case; reply there', { extra: { mergedInto: row.merged_into } });
  if (internal) return row.status; // notes never move the case
  if (row.status === 'closed') throw new AppError('case_closed', 'This case is closed. Start a new message and we will pick it up from there.');
  if (actor.kind === 'cardholder') {
    if (row.status === 'resolved') {
      const resolvedAt = row.resolved_at?.getTime() ?? 0;
      if (now.getTime() - resolvedAt > deps.policy.reopenWindowDays * DAY_MS) {
        throw new AppError('case_closed', `This case was resolved more than ${deps.policy.reopenWindowDays} days ago. Start a new message and mention case ${row.number}.`);
      }
    }
    return transition(row.status, 'customer_replied');
  }
  return transition(row.status, 'agent_replied');
}

export type PreparedReply = { internal: boolean; message: PreparedMessage; author: Author };

/** Guard step: staff replies must not ask for secrets; the body is redacted and the files inspected. */
export async function prepareReply(deps: CaseDeps, actor: Actor, input: ReplyInput): Promise<PreparedReply> {
  const internal = input.internal === true;
  if (internal && actor.kind !== 'staff') throw new AppError('forbidden', 'Only staff can write internal notes');
  if (actor.kind === 'staff' && !internal) {
    const asked = detectOutboundSensitiveRequest(input.body);
    if (asked) throw new AppError('outbound_sensitive_request', asked.reason, { extra: { kind: asked.kind } });
  }
  const message = await prepareMessage(deps, input.body, input.files);
  const author =
    actor.kind === 'staff'
      ? { id: actor.userId, role: actor.role, name: actor.displayName, agentCode: actor.agentCode }
      : { id: actor.userId, role: 'cardholder', name: actor.displayName, agentCode: null };
  return { internal, message, author };
}

/**
 * Write step: a reply by the cardholder (their own case only), or by staff — signed with the
 * representative's name and agent ID — or an internal note that never reaches the cardholder.
 */
export async function writeReply(deps: CaseDeps, unit: Unit, actor: Actor, caseId: string, p: PreparedReply, meta: RequestMeta): Promise<ReplyResult> {
  const { tx } = unit;
  const { internal, message, author } = p;
  const row = await findCase(tx, caseId, customerScope(actor), true);
  if (!row) throw notFound('Case');
  const now = deps.clock.now();
  const to = nextState(deps, row, actor, internal, now);
  await storeMessage(deps, unit, { caseId, message, author, internal, at: now });
  const who = { id: actor.userId, role: author.role, name: author.name };
  const events: CaseEventInput[] = [];
  if (row.status === 'resolved' && to !== 'resolved') events.push(...stateChangeEvent(row, to, who, now, { reason: 'cardholder replied' }));
  events.push({
    case_id: caseId,
    at: now,
    kind: internal ? 'note' : 'message',
    actor_id: actor.userId,
    actor_role: author.role,
    actor_name: author.name,
    visible_to_cardholder: !internal,
    message_id: message.id,
    data: { authorRole: author.role, attachments: message.files.length, redactions: message.findings.map((f) => f.kind) },
  });
  if (row.status !== 'resolved' && to !== row.status) events.push(...stateChangeEvent(row, to, who, now));
  const patch: Parameters<typeof saveCase>[3] = { status: to };
  if (actor.kind === 'staff' && !internal && row.assignee_id === null) {
    patch.assignee_id = actor.userId; // replying takes ownership of an unassigned case
    events.push({
      case_id: caseId,
      at: now,
      kind: 'assigned',
      actor_id: actor.userId,
      actor_role: actor.role,
      actor_name: actor.displayName,
      visible_to_cardholder: true,
      data: { assigneeId: actor.userId, assigneeName: actor.displayName, agentCode: actor.agentCode, reason: 'replied' },
    });
  }
  if (to === 'open' && row.status === 'resolved') patch.resolved_at = null;
  const replied = await saveCase(deps, tx, row, patch, events, now);
  // Words that invoke dispute or complaint rights escalate or flag the case (issue 4, item 5).
  const rights = internal ? { row: replied, nextSteps: null } : await applyRightsInvoked(deps, tx, replied, who, message.body, now, meta.requestId);
  const saved = rights.row;
  await recordAudit(tx, { action: internal ? 'note.create' : 'message.create', actorId: actor.userId, actorRole: actor.role, targetType: 'case', targetId: caseId, requestId: meta.requestId, ip: meta.ip, at: now, detail: { messageId: message.id } });
  if (actor.kind === 'staff' && !internal) {
    // "You have a new secure message" — never the content (it would leave the encrypted channel).
    await enqueueNotification(tx, { topic: 'case.message.agent_reply', recipient: { customerId: saved.customer_id }, template: 'secure_message.new_reply', data: { caseNumber: saved.number }, now });
  }
  unit.afterCommit(() => deps.publish({ type: 'message.created', caseId, customerId: saved.customer_id, internal }));
  return { ...postedView({ id: saved.id, number: saved.number, priority: saved.priority, queue: saved.queue, status: saved.status }, message, author, internal, now), nextSteps: rights.nextSteps };
}
