import { recordAudit } from '../../platform/audit.ts';
import { newId } from '../../platform/ids.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { enqueueNotification } from '../notifications/index.ts';
import type { CaseDeps, RequestMeta } from './case-deps.ts';
import { computeCaseSla, dueColumns } from './case-sla.ts';
import { insertCase, insertEvents, nextCaseNumber } from './cases.repo.ts';
import { productLineFor, queueName } from './route-case.ts';
import { type CaseType, type Channel, type Priority, slaPolicyFor } from './service-policy.ts';

/**
 * A case the system opens for a cardholder from an event rather than a message (a denied fraud alert): no
 * opening message, an explicit type and priority, links to the records it is about, and timeline entries that
 * describe what already happened. The SLA clocks start at opening as for any case: the team owes the first
 * response. Runs in the caller's unit of work, so the case commits with the change that caused it.
 */
export type SystemCaseInput = {
  customerId: string;
  accountId: string | null;
  transactionId: string | null;
  subject: string;
  type: CaseType;
  priority: Priority;
  channel?: Channel;
  /** e.g. { fraudAlertId, deniedTransactionId, replacementCardId } — stored on the case. */
  links: Record<string, string>;
  actor: { id: string | null; role: string; name: string };
  /** Entries after `opened`, in order (kind is free text, data is shown on the timeline). */
  events: Array<{ kind: string; visibleToCardholder: boolean; data: Record<string, unknown> }>;
  /** The cardholder is told a case was opened (template case.opened) unless false. */
  notify?: boolean;
};

export type OpenedSystemCase = { id: string; number: string; queue: string; priority: Priority };

export async function openSystemCase(deps: CaseDeps, unit: Unit, input: SystemCaseInput, meta: RequestMeta): Promise<OpenedSystemCase> {
  const { tx } = unit;
  const now = deps.clock.now();
  const channel = input.channel ?? 'web';
  const account = input.accountId ? await deps.banking.withTransaction(tx).findAccount(input.accountId, { customerId: input.customerId }) : null;
  const productLine = productLineFor(deps.profile, account?.productLine ?? null, input.subject);
  const queue = queueName(deps.profile, productLine, input.type);
  const slaPolicy = slaPolicyFor(deps.policy, { priority: input.priority, channel, escalation: null });
  const sla = computeCaseSla(deps.policy, slaPolicy, [{ type: 'opened', at: now }, { type: 'customer_message', at: now }], now);
  const caseId = newId('case');
  const number = await nextCaseNumber(tx, deps.profile.issuer.caseNumberPrefix);
  await insertCase(tx, {
    id: caseId,
    number,
    customer_id: input.customerId,
    account_id: account?.id ?? null,
    transaction_id: input.transactionId,
    subject: input.subject,
    type: input.type,
    status: 'new',
    priority: input.priority,
    product_line: productLine,
    queue,
    channel,
    links: JSON.stringify(input.links),
    sla_policy: slaPolicy.id,
    ...dueColumns(sla),
    created_at: now,
    updated_at: now,
  });
  const who = { actor_id: input.actor.id, actor_role: input.actor.role, actor_name: input.actor.name };
  await insertEvents(tx, [
    { case_id: caseId, at: now, kind: 'opened', ...who, visible_to_cardholder: true, data: { number, priority: input.priority, queue, channel, type: input.type } },
    ...input.events.map((e) => ({ case_id: caseId, at: now, kind: e.kind, ...who, visible_to_cardholder: e.visibleToCardholder, data: e.data })),
  ]);
  await recordAudit(tx, { action: 'case.create', actorId: input.actor.id, actorRole: input.actor.role, targetType: 'case', targetId: caseId, requestId: meta.requestId, ip: meta.ip, at: now, detail: { number, type: input.type, links: input.links } });
  if (input.notify !== false) {
    const respondBy = sla.firstResponse.dueAt;
    await enqueueNotification(tx, { topic: 'case.opened', recipient: { customerId: input.customerId }, template: 'case.opened', data: { caseNumber: number, ...(respondBy ? { respondBy: respondBy.toISOString() } : {}) }, now });
  }
  unit.afterCommit(() => deps.publish({ type: 'case.updated', caseId, customerId: input.customerId }));
  return { id: caseId, number, queue, priority: input.priority };
}
