import { type AuditEntry, recordAudit } from '../../platform/audit.ts';
import { insertDataKey } from '../../platform/crypto/index.ts';
import { type IdempotencyScope, runIdempotent } from '../../platform/idempotency.ts';
import { executeBatch } from '../../platform/write-batch.ts';
import type { CardholderActor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { redactInbound } from '../safety/index.ts';
import type { CaseDeps, RequestMeta } from './case-deps.ts';
import { computeCaseSla, dueColumns } from './case-sla.ts';
import { type CaseEventInput, insertCase, insertEvents, nextCaseNumber, reserveCaseNumber } from './cases.repo.ts';
import { type Author, checkLength, dataKeyRow, type IncomingFile, type PreparedMessage, prepareMessage, putBlobs, sealMessage, writeWithBlobs } from './compose-message.ts';
import { insertAttachments, insertMessage } from './messages.repo.ts';
import type { PriorityResult } from './prioritize.ts';
import { type EnqueueNotificationInput, enqueueNotification, nudgeDispatchers, outboxRowFor } from '../notifications/index.ts';
import { postedView } from './posted.view.ts';
import { findCase } from './cases.repo.ts';
import { applyRightsInvoked, detectRightsInvoked, type NextSteps } from './rights-words.ts';
import { productLineFor, queueName } from './route-case.ts';
import { type Channel, slaPolicyFor } from './service-policy.ts';

export type OpenCaseInput = { subject: string; body: string; accountId?: string | undefined; transactionId?: string | undefined; files: IncomingFile[] };

export type PreparedCase = {
  actor: CardholderActor;
  channel: Channel;
  subject: string;
  message: PreparedMessage;
  triage: PriorityResult;
  accountId: string | null;
  transactionId: string | null;
  productLine: string;
  queue: string;
};

export type OpenCaseResult = ReturnType<typeof postedView> & { nextSteps: NextSteps | null };

/** The linked account and transaction must be the cardholder's own; anything else is simply not found. */
async function resolveLinks(deps: CaseDeps, actor: CardholderActor, input: OpenCaseInput) {
  const scope = { customerId: actor.customerId };
  const transaction = input.transactionId ? await deps.banking.findTransaction(input.transactionId, scope) : null;
  if (input.transactionId && !transaction) throw notFound('Transaction');
  const accountId = input.accountId ?? transaction?.accountId;
  const account = accountId ? await deps.banking.findAccount(accountId, scope) : null;
  if (accountId && !account) throw notFound('Account');
  if (transaction && account && transaction.accountId !== account.id) {
    throw new AppError('validation_failed', 'The transaction is not on that account', { errors: [{ field: 'transactionId', message: 'is not on accountId' }] });
  }
  return { account, transaction };
}

/** Guard step, before any transaction: ownership of the links, redaction, attachment rules, triage, routing. */
export async function prepareOpenCase(deps: CaseDeps, actor: CardholderActor, input: OpenCaseInput, channel: Channel = 'secure_message'): Promise<PreparedCase> {
  checkLength('subject', input.subject, deps.policy.messageLimits.subjectMaxChars);
  const { account, transaction } = await resolveLinks(deps, actor, input);
  const subject = redactInbound(input.subject);
  const message = await prepareMessage(deps, input.body, input.files, subject.findings);
  const triage = deps.prioritize({ subject: subject.text, body: message.body });
  const productLine = productLineFor(deps.profile, account?.productLine ?? null, `${subject.text} ${message.body}`, triage.suggestion?.productLine ?? null);
  return {
    actor,
    channel,
    subject: subject.text,
    message,
    triage,
    accountId: account?.id ?? null,
    transactionId: transaction?.id ?? null,
    productLine,
    queue: queueName(deps.profile, productLine, triage.type ?? 'general'),
  };
}

/** Everything a new case writes, built before anything is written (both write paths below use it). */
function newCaseRecords(deps: CaseDeps, p: PreparedCase, number: string, meta: RequestMeta, now: Date) {
  const slaPolicy = slaPolicyFor(deps.policy, { priority: p.triage.priority, channel: p.channel, escalation: null });
  const sla = computeCaseSla(deps.policy, slaPolicy, [{ type: 'opened', at: now }, { type: 'customer_message', at: now }], now);
  const caseId = newId('case');
  const type = p.triage.type ?? 'general';
  const caseRow = {
    id: caseId,
    number,
    customer_id: p.actor.customerId,
    account_id: p.accountId,
    transaction_id: p.transactionId,
    subject: p.subject,
    type,
    status: 'new' as const,
    priority: p.triage.priority,
    product_line: p.productLine,
    queue: p.queue,
    channel: p.channel,
    sla_policy: slaPolicy.id,
    ...dueColumns(sla),
    created_at: now,
    updated_at: now,
  };
  const author: Author = { id: p.actor.userId, role: 'cardholder', name: p.actor.displayName, agentCode: null };
  const sealed = sealMessage(deps, { caseId, message: p.message, author, internal: false, at: now });
  const who = { actor_id: p.actor.userId, actor_role: 'cardholder', actor_name: p.actor.displayName };
  const events: CaseEventInput[] = [
    { case_id: caseId, at: now, kind: 'opened', ...who, visible_to_cardholder: true, message_id: null, data: { number, priority: p.triage.priority, queue: p.queue, matched: p.triage.matched, channel: p.channel, triage: p.triage.suggestion ?? null } },
    {
      case_id: caseId,
      at: now,
      kind: 'message',
      ...who,
      visible_to_cardholder: true,
      message_id: p.message.id,
      data: { authorRole: 'cardholder', attachments: p.message.files.length, redactions: p.message.findings.map((f) => f.kind) },
    },
  ];
  const audit: AuditEntry = { action: 'case.create', actorId: p.actor.userId, actorRole: 'cardholder', targetType: 'case', targetId: caseId, requestId: meta.requestId, ip: meta.ip, at: now, detail: { number, messageId: p.message.id } };
  const respondBy = sla.firstResponse.dueAt;
  const notification: EnqueueNotificationInput = {
    topic: 'case.opened',
    recipient: { customerId: p.actor.customerId },
    template: 'case.opened',
    data: { caseNumber: number, ...(respondBy ? { respondBy: respondBy.toISOString() } : {}) },
    now,
  };
  return { caseRow, author, sealed, events, audit, notification };
}

/**
 * Write step in the caller's unit of work: a cardholder's first message opens a case with a number, the
 * triaged priority and queue and its SLA due times, with the message, its timeline, the audit row and the
 * outbox row, and (after commit) the live update. Words that invoke dispute or complaint rights escalate or
 * flag the new case in the same transaction (issue 4, item 5).
 */
export async function writeOpenCase(deps: CaseDeps, unit: Unit, p: PreparedCase, meta: RequestMeta): Promise<OpenCaseResult> {
  const { tx } = unit;
  const now = deps.clock.now();
  const number = await nextCaseNumber(tx, deps.profile.issuer.caseNumberPrefix);
  const r = newCaseRecords(deps, p, number, meta, now);
  await insertCase(tx, r.caseRow);
  await insertDataKey(tx, r.sealed.dataKey);
  await insertMessage(tx, { ...r.sealed.row, redactions: JSON.stringify(r.sealed.row.redactions) });
  await putBlobs(deps, r.sealed, (fn) => unit.afterRollback(fn));
  await insertAttachments(tx, r.sealed.attachments);
  await insertEvents(tx, r.events);
  const rights = await applyRightsInvoked(deps, tx, (await findCase(tx, r.caseRow.id, null, true))!, { id: p.actor.userId, role: 'cardholder', name: p.actor.displayName }, `${p.subject}\n${p.message.body}`, now, meta.requestId);
  await recordAudit(tx, r.audit);
  await enqueueNotification(tx, r.notification);
  unit.afterCommit(() => deps.publish({ type: 'message.created', caseId: r.caseRow.id, customerId: p.actor.customerId }));
  return { ...postedView({ id: r.caseRow.id, number, priority: p.triage.priority, queue: rights.row.queue, status: rights.row.status }, p.message, r.author, false, now), nextSteps: rights.nextSteps };
}

/**
 * `POST /api/v1/messages`: the case, data key, message, attachments, timeline, audit row, outbox row and
 * idempotency key in ONE statement (platform/write-batch.ts) — the ingest hot path. A message that invokes
 * rights takes the unit-of-work path above, because escalation reads and rewrites the case it just opened.
 */
export async function openCase(deps: CaseDeps, p: PreparedCase, meta: RequestMeta, scope: IdempotencyScope): Promise<{ status: number; body: OpenCaseResult; replayed: boolean }> {
  if (detectRightsInvoked(`${p.subject}\n${p.message.body}`)) {
    return runIdempotent(deps.db, scope, async (unit) => ({ status: 201, body: await writeOpenCase(deps, unit, p, meta) }));
  }
  const now = deps.clock.now();
  const number = await reserveCaseNumber(deps.db, deps.profile.issuer.caseNumberPrefix);
  const r = newCaseRecords(deps, p, number, meta, now);
  const body: OpenCaseResult = { ...postedView({ id: r.caseRow.id, number, priority: p.triage.priority, queue: p.queue, status: 'new' }, p.message, r.author, false, now), nextSteps: null };
  const result = await writeWithBlobs(deps, r.sealed, () =>
    executeBatch(deps.db, {
      idempotency: { ...scope, response: { status: 201, body } },
      inserts: [
        { table: 'cases', rows: [r.caseRow] },
        { table: 'data_keys', rows: [dataKeyRow(r.sealed)] },
        { table: 'messages', rows: [r.sealed.row] },
        { table: 'attachments', rows: r.sealed.attachments },
        { table: 'case_events', rows: r.events },
        { table: 'outbox', rows: [outboxRowFor(r.notification)] },
      ],
      audit: r.audit,
    }),
  );
  if (!result.applied) return { status: result.stored.status, body: result.stored.body as OpenCaseResult, replayed: true };
  nudgeDispatchers();
  deps.publish({ type: 'message.created', caseId: r.caseRow.id, customerId: p.actor.customerId });
  return { status: 201, body, replayed: false };
}
