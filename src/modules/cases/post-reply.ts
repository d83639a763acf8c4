import { type AuditEntry, recordAudit } from '../../platform/audit.ts';
import { type IdempotencyScope, readStoredResponse, runIdempotent, type StoredResponse } from '../../platform/idempotency.ts';
import { inUnit } from '../../platform/unit-of-work.ts';
import { executeBatch, executeBatchIfUnchanged, type WriteBatch } from '../../platform/write-batch.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { customerScope } from '../../platform/policy.ts';
import { detectOutboundSensitiveRequest } from '../safety/index.ts';
import { type CaseState, transition } from './case.machine.ts';
import type { CaseDeps, RequestMeta } from './case-deps.ts';
import { type CaseEventInput, type CaseRow, caseForReply, findCase, type SlaHistoryEntry, slaHistory } from './cases.repo.ts';
import { type Author, dataKeyRow, discardBlobs, type IncomingFile, type PreparedMessage, prepareMessage, putBlobs, sealMessage, storeMessage, writeWithBlobs } from './compose-message.ts';
import type { Tx } from '../../platform/db.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { planCaseSave, saveCase, stateChangeEvent } from './save-case.ts';
import { postedView } from './posted.view.ts';
import { type EnqueueNotificationInput, enqueueNotification, nudgeDispatchers, outboxRowFor } from '../notifications/index.ts';
import { applyRightsInvoked, detectRightsInvoked, type NextSteps } from './rights-words.ts';

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

/** What a reply does to its case: the new state, the timeline entries and the row patch (no writing). */
function planReply(deps: CaseDeps, row: CaseRow, actor: Actor, p: PreparedReply, now: Date) {
  const { internal, message, author } = p;
  const to = nextState(deps, row, actor, internal, now);
  const who = { id: actor.userId, role: author.role, name: author.name };
  const events: CaseEventInput[] = [];
  if (row.status === 'resolved' && to !== 'resolved') events.push(...stateChangeEvent(row, to, who, now, { reason: 'cardholder replied' }));
  events.push({
    case_id: row.id,
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
      case_id: row.id,
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
  const audit: AuditEntry = { action: internal ? 'note.create' : 'message.create', actorId: actor.userId, actorRole: actor.role, targetType: 'case', targetId: row.id, requestId: '', at: now, detail: { messageId: message.id } };
  // "You have a new secure message" — never the content (it would leave the encrypted channel).
  const notification: EnqueueNotificationInput | null =
    actor.kind === 'staff' && !internal ? { topic: 'case.message.agent_reply', recipient: { customerId: row.customer_id }, template: 'secure_message.new_reply', data: { caseNumber: row.number }, now } : null;
  return { who, events, patch, audit, notification };
}

/** The case under its row lock: the cardholder's own only, else 404. */
async function lockCase(tx: Tx, actor: Actor, caseId: string): Promise<CaseRow> {
  const row = await findCase(tx, caseId, customerScope(actor), true);
  if (!row) throw notFound('Case');
  return row;
}

/** The case under its row lock and what the reply does to it. */
async function lockAndPlan(deps: CaseDeps, tx: Tx, actor: Actor, caseId: string, p: PreparedReply) {
  const row = await lockCase(tx, actor, caseId);
  const now = deps.clock.now();
  return { row, now, plan: planReply(deps, row, actor, p, now) };
}

/**
 * Write step in the caller's unit of work: a reply by the cardholder (their own case only), or by staff —
 * signed with the representative's name and agent ID — or an internal note that never reaches the cardholder.
 * Words that invoke dispute or complaint rights escalate or flag the case (issue 4, item 5).
 */
export async function writeReply(deps: CaseDeps, unit: Unit, actor: Actor, caseId: string, p: PreparedReply, meta: RequestMeta): Promise<ReplyResult> {
  const { tx } = unit;
  const { internal, message, author } = p;
  const { row, now, plan } = await lockAndPlan(deps, tx, actor, caseId, p);
  await storeMessage(deps, unit, { caseId, message, author, internal, at: now });
  const replied = await saveCase(deps, tx, row, plan.patch, plan.events, now);
  const rights = internal ? { row: replied, nextSteps: null } : await applyRightsInvoked(deps, tx, replied, plan.who, message.body, now, meta.requestId);
  const saved = rights.row;
  await recordAudit(tx, { ...plan.audit, requestId: meta.requestId, ip: meta.ip });
  if (plan.notification) await enqueueNotification(tx, plan.notification);
  unit.afterCommit(() => deps.publish({ type: 'message.created', caseId, customerId: saved.customer_id, internal }));
  return { ...postedView({ id: saved.id, number: saved.number, priority: saved.priority, queue: saved.queue, status: saved.status }, message, author, internal, now), nextSteps: rights.nextSteps };
}

type Posted = { status: number; body: ReplyResult; replayed: boolean };

/** The first answer to a request whose key was claimed before. */
const replay = (stored: StoredResponse): Posted => ({ status: stored.status, body: stored.body as ReplyResult, replayed: true });

/** Everything a reply writes, as one batch, planned from the case row and its SLA history (no writing). */
function replyBatch(deps: CaseDeps, row: CaseRow, history: SlaHistoryEntry[], actor: Actor, p: PreparedReply, meta: RequestMeta, scope: IdempotencyScope, now: Date) {
  const { internal, message, author } = p;
  const plan = planReply(deps, row, actor, p, now);
  const timeline = [...history, ...plan.events.map((e) => ({ kind: e.kind, at: e.at, data: e.data ?? {} }))];
  const change = planCaseSave(deps, row, plan.patch, timeline, now);
  const saved = { ...row, ...change } as CaseRow;
  const body: ReplyResult = { ...postedView({ id: saved.id, number: saved.number, priority: saved.priority, queue: saved.queue, status: saved.status }, message, author, internal, now), nextSteps: null };
  const sealed = sealMessage(deps, { caseId: row.id, message, author, internal, at: now });
  const batch: WriteBatch = {
    idempotency: { ...scope, response: { status: 201, body } },
    inserts: [
      { table: 'data_keys', rows: [dataKeyRow(sealed)] },
      { table: 'messages', rows: [sealed.row] },
      { table: 'attachments', rows: sealed.attachments },
      { table: 'case_events', rows: plan.events.map((e) => ({ ...e, message_id: e.message_id ?? null, data: e.data ?? {} })) },
      { table: 'outbox', rows: plan.notification ? [outboxRowFor(plan.notification)] : [] },
    ],
    updates: [{ table: 'cases', id: row.id, set: change }],
    audit: { ...plan.audit, requestId: meta.requestId, ip: meta.ip },
  };
  const published = () => {
    if (plan.notification) nudgeDispatchers();
    deps.publish({ type: 'message.created', caseId: row.id, customerId: saved.customer_id, internal });
  };
  return { body, sealed, batch, published };
}

/** Tries before a reply takes the case's lock: a case that moved this often between read and write is busy. */
const UNLOCKED_ATTEMPTS = 3;

/**
 * The reply without holding the case: read it with its version and SLA history (one statement), plan, and write
 * in the next group commit only if the case has not moved since (executeBatchIfUnchanged); if it moved, read
 * again. Two round trips, no transaction held open. Null when the case kept moving: the caller takes the lock.
 */
async function replyUnlocked(deps: CaseDeps, actor: Actor, caseId: string, p: PreparedReply, meta: RequestMeta, scope: IdempotencyScope): Promise<Posted | null> {
  for (let attempt = 0; attempt < UNLOCKED_ATTEMPTS; attempt++) {
    const read = await caseForReply(deps.db, caseId, customerScope(actor));
    if (!read) throw notFound('Case');
    const { body, sealed, batch, published } = replyBatch(deps, read.row, read.history, actor, p, meta, scope, deps.clock.now());
    const result = await writeWithBlobs(deps, sealed, () => executeBatchIfUnchanged(deps.db, { ...batch, expect: { table: 'cases', id: caseId, version: read.version } }));
    if (result.applied) {
      published();
      return { status: 201, body, replayed: false };
    }
    if ('stored' in result) return replay(result.stored);
  }
  return null;
}

/** The reply under the case's row lock: four round trips (BEGIN, lock, SLA history, the batch, COMMIT). */
async function replyLocked(deps: CaseDeps, actor: Actor, caseId: string, p: PreparedReply, meta: RequestMeta, scope: IdempotencyScope): Promise<Posted> {
  return inUnit(deps.db, async (unit) => {
    const { tx } = unit;
    const row = await lockCase(tx, actor, caseId);
    const { body, sealed, batch, published } = replyBatch(deps, row, await slaHistory(tx, caseId), actor, p, meta, scope, deps.clock.now());
    await putBlobs(deps, sealed, (fn) => unit.afterRollback(fn));
    const result = await executeBatch(tx, batch);
    if (!result.applied) {
      await discardBlobs(deps, sealed);
      return replay(result.stored);
    }
    unit.afterCommit(published);
    return { status: 201, body, replayed: false };
  });
}

/**
 * `POST /api/v1/cases/:id/messages`: the message, data key, attachments, timeline, case update (the SLA
 * re-planned), audit row, outbox row and idempotency key in ONE statement (platform/write-batch.ts), planned
 * from the case as read and written only if it has not moved since — so replies share group commits like new
 * messages; a case that keeps moving is replied to under its row lock. A cardholder message that invokes rights
 * takes writeReply, because escalation reads and rewrites the case.
 */
export async function postReply(deps: CaseDeps, actor: Actor, caseId: string, p: PreparedReply, meta: RequestMeta, scope: IdempotencyScope): Promise<Posted> {
  if (actor.kind === 'cardholder' && !p.internal && detectRightsInvoked(p.message.body)) {
    return runIdempotent(deps.db, scope, async (unit) => ({ status: 201, body: await writeReply(deps, unit, actor, caseId, p, meta) }));
  }
  try {
    return (await replyUnlocked(deps, actor, caseId, p, meta, scope)) ?? (await replyLocked(deps, actor, caseId, p, meta, scope));
  } catch (error) {
    // A retry of a reply that succeeded may now be refused (the case was closed since): the first answer stands.
    if (!(error instanceof AppError) || !scope.key) throw error;
    const stored = await readStoredResponse(deps.db, { actorId: scope.actorId, key: scope.key, fingerprint: scope.fingerprint }).catch(() => null);
    if (!stored) throw error;
    return replay(stored);
  }
}
