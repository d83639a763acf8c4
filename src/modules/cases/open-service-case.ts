import { recordAudit } from '../../platform/audit.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { redactInbound } from '../safety/index.ts';
import type { CaseDeps, RequestMeta } from './case-deps.ts';
import { computeCaseSla, dueColumns } from './case-sla.ts';
import { type CaseRow, findCase, insertCase, insertEvents, nextCaseNumber } from './cases.repo.ts';
import { type Author, checkLength, type PreparedMessage, prepareMessage, storeMessage } from './compose-message.ts';
import { productLineFor, queueName } from './route-case.ts';
import { type CaseType, type Channel, type Priority, slaPolicyFor } from './service-policy.ts';

/**
 * Opening a case that does not start as a cardholder's secure message: a formal complaint (filed by the
 * cardholder, or logged by an agent from a phone call or a letter), a regulator complaint, a callback request.
 * Same prepare/write split as open-case.ts: links checked, text redacted and triaged before the transaction.
 */
export type ServiceCaseInput = {
  customerId: string;
  accountId?: string | null | undefined;
  subject: string;
  body: string;
  author: Author;
  /** false: the opening text is an internal note (e.g. a regulator portal narrative). */
  visibleToCardholder: boolean;
  type: CaseType;
  channel: Channel;
  /** Default: product line × type, as for messages. */
  queue?: string;
  /** Links to other records, e.g. { relatedCaseId, complaintId } (stored on the case). */
  links?: Record<string, string>;
  openedData?: Record<string, unknown>;
};

export type PreparedServiceCase = ServiceCaseInput & { message: PreparedMessage; priority: Priority; productLine: string; queue: string; accountId: string | null; subject: string };

export async function prepareServiceCase(deps: CaseDeps, input: ServiceCaseInput): Promise<PreparedServiceCase> {
  checkLength('subject', input.subject, deps.policy.messageLimits.subjectMaxChars);
  const account = input.accountId ? await deps.banking.findAccount(input.accountId, { customerId: input.customerId }) : null;
  if (input.accountId && !account) throw notFound('Account');
  const subject = redactInbound(input.subject);
  const message = await prepareMessage(deps, input.body, [], subject.findings);
  const triage = deps.prioritize({ subject: subject.text, body: message.body });
  const productLine = productLineFor(deps.profile, account?.productLine ?? null, `${subject.text} ${message.body}`);
  return {
    ...input,
    subject: subject.text,
    message,
    priority: triage.priority,
    productLine,
    accountId: account?.id ?? null,
    queue: input.queue ?? queueName(deps.profile, productLine, input.type),
  };
}

export type OpenedServiceCase = { id: string; number: string; productLine: string; queue: string; messageId: string; customerId: string };

/** Write step: the case, its opening message (or note), timeline, audit row and live update, in the caller's unit. */
export async function writeServiceCase(deps: CaseDeps, unit: Unit, p: PreparedServiceCase, meta: RequestMeta): Promise<OpenedServiceCase> {
  const { tx } = unit;
  const now = deps.clock.now();
  const slaPolicy = slaPolicyFor(deps.policy, { priority: p.priority, channel: p.channel, escalation: null });
  const sla = computeCaseSla(deps.policy, slaPolicy, [{ type: 'opened', at: now }, { type: 'customer_message', at: now }], now);
  const caseId = newId('case');
  const number = await nextCaseNumber(tx, deps.profile.issuer.caseNumberPrefix);
  await insertCase(tx, {
    id: caseId,
    number,
    customer_id: p.customerId,
    account_id: p.accountId,
    transaction_id: null,
    subject: p.subject,
    type: p.type,
    status: 'new',
    priority: p.priority,
    product_line: p.productLine,
    queue: p.queue,
    channel: p.channel,
    links: JSON.stringify(p.links ?? {}),
    sla_policy: slaPolicy.id,
    ...dueColumns(sla),
    created_at: now,
    updated_at: now,
  });
  const internal = !p.visibleToCardholder;
  if (internal && p.author.role === 'cardholder') throw new AppError('internal_error', 'a cardholder cannot write an internal note');
  await storeMessage(deps, unit, { caseId, message: p.message, author: p.author, internal, at: now });
  const who = { actor_id: p.author.id, actor_role: p.author.role, actor_name: p.author.name };
  await insertEvents(tx, [
    { case_id: caseId, at: now, kind: 'opened', ...who, visible_to_cardholder: true, data: { number, priority: p.priority, queue: p.queue, channel: p.channel, ...(p.openedData ?? {}) } },
    // Staff-authored opening text counts as the customer's contact for the SLA only when it is the customer's words.
    { case_id: caseId, at: now, kind: internal ? 'note' : 'message', ...who, visible_to_cardholder: !internal, message_id: p.message.id, data: { authorRole: 'cardholder', recordedBy: p.author.role, attachments: 0, redactions: p.message.findings.map((f) => f.kind) } },
  ]);
  await recordAudit(tx, { action: 'case.create', actorId: p.author.id, actorRole: p.author.role, targetType: 'case', targetId: caseId, requestId: meta.requestId, ip: meta.ip, at: now, detail: { number, type: p.type, channel: p.channel } });
  unit.afterCommit(() => deps.publish({ type: 'message.created', caseId, customerId: p.customerId }));
  return { id: caseId, number, productLine: p.productLine, queue: p.queue, messageId: p.message.id, customerId: p.customerId };
}

/** A case row for linking from another module (a cardholder scope hides other customers' cases: null). */
export async function findCaseForLink(db: Executor, caseId: string, customerId: string | null, forUpdate = false): Promise<CaseRow | null> {
  return (await findCase(db, caseId, customerId, forUpdate)) ?? null;
}
