import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { appendCaseEvents, type CaseNote, findCaseForLink, prepareServiceCase, writeServiceCase } from '../cases/index.ts';
import { redactInbound } from '../safety/index.ts';
import { complaintDueDates, receiptDate } from './complaint-clocks.ts';
import type { ComplaintDeps, RequestMeta } from './complaint-deps.ts';
import { complaintView } from './complaint.view.ts';
import { findComplaint, insertComplaint } from './complaints.repo.ts';
import type { ComplaintChannel, ComplaintSource } from './complaints.tables.ts';
import type { FileComplaintBody } from './complaints.schema.ts';

export type FileComplaintInput = Static<typeof FileComplaintBody>;

const invalid = (field: string, message: string) => new AppError('validation_failed', `${field} ${message}`, { errors: [{ field, message }] });

export function checkCategory(d: ComplaintDeps, field: 'category' | 'rootCause', value: string): void {
  const list = field === 'category' ? d.policy.categories : d.policy.rootCauses;
  if (!list.some((c) => c.id === value)) throw invalid(field, `must be one of: ${list.map((c) => c.id).join(', ')}`);
}

/** Who the complaint is from, how it reached us and when: the cardholder now, or a call or letter an agent logs. */
async function intake(d: ComplaintDeps, actor: Actor, input: FileComplaintInput, now: Date): Promise<{ customerId: string; source: ComplaintSource; channel: ComplaintChannel; receivedAt: Date }> {
  if (actor.kind === 'cardholder') {
    for (const field of ['customerId', 'channel', 'receivedAt'] as const) if (input[field] !== undefined) throw invalid(field, 'is set by staff logging a phone or mail complaint');
    return { customerId: actor.customerId, source: 'cardholder', channel: 'secure_message', receivedAt: now };
  }
  if (!input.customerId) throw invalid('customerId', 'is required when staff log a complaint');
  if (!input.channel) throw invalid('channel', 'is required when staff log a complaint (phone or mail)');
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime()) throw invalid('receivedAt', 'must not be in the future');
  if (!(await d.cases.banking.findCustomer(input.customerId))) throw notFound('Customer');
  return { customerId: input.customerId, source: 'staff', channel: input.channel, receivedAt };
}

export type PreparedComplaint = Awaited<ReturnType<typeof prepareComplaint>>;

/** Guard step: category, intake, ownership of the linked case, the case text redacted and triaged. */
export async function prepareComplaint(d: ComplaintDeps, actor: Actor, input: FileComplaintInput) {
  checkCategory(d, 'category', input.category);
  if (input.description.trim().length === 0) throw invalid('description', 'must not be empty');
  if (input.desiredOutcome.trim().length === 0) throw invalid('desiredOutcome', 'must not be empty');
  const now = d.cases.clock.now();
  const who = await intake(d, actor, input, now);
  const related = input.caseId ? await findCaseForLink(d.cases.db, input.caseId, who.customerId) : null;
  if (input.caseId && !related) throw notFound('Case');
  const label = d.policy.categories.find((c) => c.id === input.category)!.label;
  const via = who.channel === 'phone' ? 'by phone' : who.channel === 'mail' ? 'by mail' : 'online';
  const recordedBy = actor.kind === 'staff' ? `\n\n(Complaint received ${via} on ${who.receivedAt.toISOString()}, recorded by ${actor.displayName}.)` : '';
  const serviceCase = await prepareServiceCase(d.cases, {
    customerId: who.customerId,
    accountId: input.accountId ?? related?.account_id ?? null,
    subject: `Formal complaint: ${label}${related ? ` (case ${related.number})` : ''}`,
    body: `${input.description.trim()}\n\nWhat I would like: ${input.desiredOutcome.trim()}${recordedBy}`,
    author: actor.kind === 'staff' ? { id: actor.userId, role: actor.role, name: actor.displayName, agentCode: actor.agentCode } : { id: actor.userId, role: 'cardholder', name: actor.displayName, agentCode: null },
    visibleToCardholder: true,
    type: 'complaint',
    // LIMITATION: cases have no 'mail' channel; a letter's case runs on the Secure Message Center, where we answer.
    channel: who.channel === 'phone' ? 'phone' : 'secure_message',
    ...(related ? { links: { relatedCaseId: related.id } } : {}),
    openedData: { complaint: true, receivedVia: who.channel },
  });
  return { actor, input, who, related, serviceCase, desiredOutcome: redactInbound(input.desiredOutcome.trim()).text };
}

/** Write step: the complaint case, the complaint with its clocks, timeline entries on both cases, audit. */
export async function writeComplaint(d: ComplaintDeps, unit: Unit, p: PreparedComplaint, meta: RequestMeta) {
  const { tx } = unit;
  const now = d.cases.clock.now();
  const id = newId('cmp');
  const opened = await writeServiceCase(d.cases, unit, { ...p.serviceCase, links: { ...(p.serviceCase.links ?? {}), complaintId: id } }, meta);
  const receivedOn = receiptDate(p.who.receivedAt, d.timeZone);
  const due = complaintDueDates(receivedOn, d.policy);
  await insertComplaint(
    tx,
    {
      id,
      customer_id: p.who.customerId,
      case_id: opened.id,
      source: p.who.source,
      channel: p.who.channel,
      category: p.input.category,
      product_line: opened.productLine,
      desired_outcome: p.desiredOutcome,
      status: 'received',
      received_at: p.who.receivedAt,
      received_on: receivedOn,
      ack_due_on: due.acknowledgment,
      response_due_on: due.response,
      final_due_on: due.final,
      recorded_by: p.actor.kind === 'staff' ? p.actor.userId : null,
      created_at: now,
      updated_at: now,
    },
    [opened.id, ...(p.related ? [p.related.id] : [])],
  );
  const actorFields = { actor_id: p.actor.userId, actor_role: p.actor.role, actor_name: p.actor.displayName };
  const events: CaseNote[] = [
    { case_id: opened.id, at: now, kind: 'complaint_filed', ...actorFields, visible_to_cardholder: true, data: { complaintId: id, category: p.input.category, channel: p.who.channel, receivedOn, dueDates: due } },
  ];
  if (p.related) events.push({ case_id: p.related.id, at: now, kind: 'complaint_filed', ...actorFields, visible_to_cardholder: true, data: { complaintId: id, complaintCaseId: opened.id, complaintCaseNumber: opened.number } });
  await appendCaseEvents(tx, events);
  await recordAudit(tx, { action: 'complaint.create', actorId: p.actor.userId, actorRole: p.actor.role, targetType: 'complaint', targetId: id, requestId: meta.requestId, ip: meta.ip, at: now, detail: { caseId: opened.id, category: p.input.category, channel: p.who.channel } });
  const row = await findComplaint(tx, id, null);
  return complaintView(row!, receiptDate(now, d.timeZone));
}
