import { recordAudit } from '../../platform/audit.ts';
import type { CardholderActor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { redactInbound } from '../safety/index.ts';
import type { CaseDeps, RequestMeta } from './case-deps.ts';
import { computeCaseSla, dueColumns } from './case-sla.ts';
import { insertCase, insertEvents, nextCaseNumber } from './cases.repo.ts';
import { checkLength, type IncomingFile, type PreparedMessage, prepareMessage, storeMessage } from './compose-message.ts';
import type { PriorityResult } from './prioritize.ts';
import { enqueueNotification } from '../notifications/index.ts';
import { postedView } from './posted.view.ts';
import { findCase } from './cases.repo.ts';
import { applyRightsInvoked, type NextSteps } from './rights-words.ts';
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
  const productLine = productLineFor(deps.profile, account?.productLine ?? null, `${subject.text} ${message.body}`);
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

/**
 * Write step: a cardholder's first message opens a case with a number, the triaged priority and queue and its
 * SLA due times, in one transaction with the message, its timeline, the audit row and (after commit) the
 * live update.
 */
export async function writeOpenCase(deps: CaseDeps, unit: Unit, p: PreparedCase, meta: RequestMeta): Promise<OpenCaseResult> {
  const { tx } = unit;
  const now = deps.clock.now();
  const slaPolicy = slaPolicyFor(deps.policy, { priority: p.triage.priority, channel: p.channel, escalation: null });
  const sla = computeCaseSla(deps.policy, slaPolicy, [{ type: 'opened', at: now }, { type: 'customer_message', at: now }], now);
  const caseId = newId('case');
  const number = await nextCaseNumber(tx, deps.profile.issuer.caseNumberPrefix);
  await insertCase(tx, {
    id: caseId,
    number,
    customer_id: p.actor.customerId,
    account_id: p.accountId,
    transaction_id: p.transactionId,
    subject: p.subject,
    type: p.triage.type ?? 'general',
    status: 'new',
    priority: p.triage.priority,
    product_line: p.productLine,
    queue: p.queue,
    channel: p.channel,
    sla_policy: slaPolicy.id,
    ...dueColumns(sla),
    created_at: now,
    updated_at: now,
  });
  const author = { id: p.actor.userId, role: 'cardholder', name: p.actor.displayName, agentCode: null };
  await storeMessage(deps, unit, { caseId, message: p.message, author, internal: false, at: now });
  const who = { actor_id: p.actor.userId, actor_role: 'cardholder', actor_name: p.actor.displayName };
  await insertEvents(tx, [
    { case_id: caseId, at: now, kind: 'opened', ...who, visible_to_cardholder: true, data: { number, priority: p.triage.priority, queue: p.queue, matched: p.triage.matched, channel: p.channel } },
    {
      case_id: caseId,
      at: now,
      kind: 'message',
      ...who,
      visible_to_cardholder: true,
      message_id: p.message.id,
      data: { authorRole: 'cardholder', attachments: p.message.files.length, redactions: p.message.findings.map((f) => f.kind) },
    },
  ]);
  // Words that invoke dispute or complaint rights escalate or flag the new case (issue 4, item 5).
  const rights = await applyRightsInvoked(deps, tx, (await findCase(tx, caseId, null, true))!, { id: p.actor.userId, role: 'cardholder', name: p.actor.displayName }, `${p.subject}\n${p.message.body}`, now, meta.requestId);
  await recordAudit(tx, { action: 'case.create', actorId: p.actor.userId, actorRole: 'cardholder', targetType: 'case', targetId: caseId, requestId: meta.requestId, ip: meta.ip, at: now, detail: { number, messageId: p.message.id } });
  const respondBy = sla.firstResponse.dueAt;
  await enqueueNotification(tx, {
    topic: 'case.opened',
    recipient: { customerId: p.actor.customerId },
    template: 'case.opened',
    data: { caseNumber: number, ...(respondBy ? { respondBy: respondBy.toISOString() } : {}) },
    now,
  });
  unit.afterCommit(() => deps.publish({ type: 'message.created', caseId, customerId: p.actor.customerId }));
  return { ...postedView({ id: caseId, number, priority: p.triage.priority, queue: rights.row.queue, status: rights.row.status }, p.message, author, false, now), nextSteps: rights.nextSteps };
}
