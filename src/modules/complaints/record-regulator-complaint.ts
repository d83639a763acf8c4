import type { Static } from 'typebox';
import { recordAudit } from '../../platform/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { appendCaseEvents, type CaseNote, findCaseForLink, prepareServiceCase, writeServiceCase } from '../cases/index.ts';
import { instantAt } from '../calendars/index.ts';
import { complaintDueDates, receiptDate } from './complaint-clocks.ts';
import type { ComplaintDeps, RequestMeta } from './complaint-deps.ts';
import { complaintView } from './complaint.view.ts';
import { findByPortalId, findComplaint, insertComplaint } from './complaints.repo.ts';
import type { RegulatorComplaintBody } from './complaints.schema.ts';
import { checkCategory } from './file-complaint.ts';

export type RegulatorComplaintInput = Static<typeof RegulatorComplaintBody>;

/**
 * Guard step for a complaint received through the CFPB portal: a substantive response is due within 15
 * calendar days and a final one within 60 (REFERENCE.md, Complaints). The customer's cases must be theirs.
 */
export async function prepareRegulatorComplaint(d: ComplaintDeps, actor: StaffActor, input: RegulatorComplaintInput) {
  const category = input.category ?? 'other';
  checkCategory(d, 'category', category);
  const today = receiptDate(d.cases.clock.now(), d.timeZone);
  if (input.receivedOn > today) throw new AppError('validation_failed', 'receivedOn must not be in the future', { errors: [{ field: 'receivedOn', message: 'must not be in the future' }] });
  if (await findByPortalId(d.cases.db, input.portalComplaintId)) throw new AppError('conflict', `Portal complaint ${input.portalComplaintId} is already recorded`);
  if (!(await d.cases.banking.findCustomer(input.customerId))) throw notFound('Customer');
  const linked = [];
  for (const caseId of new Set(input.caseIds)) {
    const row = await findCaseForLink(d.cases.db, caseId, input.customerId);
    if (!row) throw new AppError('not_found', `Case ${caseId} was not found for this customer`, { errors: [{ field: 'caseIds', message: `${caseId} is not a case of this customer` }] });
    linked.push(row);
  }
  const serviceCase = await prepareServiceCase(d.cases, {
    customerId: input.customerId,
    accountId: linked[0]?.account_id ?? null,
    subject: `CFPB complaint ${input.portalComplaintId}: ${input.product}`,
    body: `Consumer narrative from the CFPB portal (complaint ${input.portalComplaintId}, received ${input.receivedOn}, product: ${input.product}):\n\n${input.narrative}`,
    author: { id: actor.userId, role: actor.role, name: actor.displayName, agentCode: actor.agentCode },
    visibleToCardholder: false,
    type: 'complaint',
    channel: 'regulator',
    links: { portalComplaintId: input.portalComplaintId },
    openedData: { complaint: true, receivedVia: 'regulator' },
  });
  return { actor, input, category, linked, serviceCase };
}

export async function writeRegulatorComplaint(d: ComplaintDeps, unit: Unit, p: Awaited<ReturnType<typeof prepareRegulatorComplaint>>, meta: RequestMeta) {
  const { tx } = unit;
  const now = d.cases.clock.now();
  const id = newId('cmp');
  const opened = await writeServiceCase(d.cases, unit, { ...p.serviceCase, links: { ...(p.serviceCase.links ?? {}), complaintId: id } }, meta);
  const due = complaintDueDates(p.input.receivedOn, d.policy, { regulator: true });
  await insertComplaint(
    tx,
    {
      id,
      customer_id: p.input.customerId,
      case_id: opened.id,
      source: 'regulator',
      channel: 'regulator',
      category: p.category,
      product_line: opened.productLine,
      desired_outcome: null,
      status: 'received',
      received_at: new Date(instantAt(p.input.receivedOn, 0, d.timeZone)),
      received_on: p.input.receivedOn,
      ack_due_on: null,
      response_due_on: due.response,
      final_due_on: due.final,
      portal_complaint_id: p.input.portalComplaintId,
      regulator_product: p.input.product,
      recorded_by: p.actor.userId,
      created_at: now,
      updated_at: now,
    },
    [opened.id, ...p.linked.map((c) => c.id)],
  );
  const who = { actor_id: p.actor.userId, actor_role: p.actor.role, actor_name: p.actor.displayName };
  const events: CaseNote[] = [
    { case_id: opened.id, at: now, kind: 'regulator_complaint_recorded', ...who, visible_to_cardholder: false, data: { complaintId: id, portalComplaintId: p.input.portalComplaintId, dueDates: due, linkedCases: p.linked.map((c) => c.number) } },
    ...p.linked.map((c) => ({ case_id: c.id, at: now, kind: 'regulator_complaint_linked', ...who, visible_to_cardholder: false, data: { complaintId: id, portalComplaintId: p.input.portalComplaintId, complaintCaseNumber: opened.number } })),
  ];
  await appendCaseEvents(tx, events);
  await recordAudit(tx, { action: 'complaint.create', actorId: p.actor.userId, actorRole: p.actor.role, targetType: 'complaint', targetId: id, requestId: meta.requestId, ip: meta.ip, at: now, detail: { source: 'regulator', portalComplaintId: p.input.portalComplaintId, caseId: opened.id } });
  return complaintView((await findComplaint(tx, id, null))!, receiptDate(now, d.timeZone));
}
