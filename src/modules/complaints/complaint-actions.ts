import { recordAudit } from '../../platform/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { appendCaseEvents, prepareReply, writeReply } from '../cases/index.ts';
import { issueNotice } from '../notices/index.ts';
import { receiptDate } from './complaint-clocks.ts';
import type { ComplaintDeps, RequestMeta } from './complaint-deps.ts';
import { complaintTransition } from './complaint.machine.ts';
import { complaintView } from './complaint.view.ts';
import { type ComplaintRow, findComplaint, updateComplaint } from './complaints.repo.ts';
import { checkCategory } from './file-complaint.ts';

type Work = (tx: Tx, row: ComplaintRow, now: Date, today: string, unit: Unit) => Promise<{ detail: Record<string, unknown>; event?: { kind: string; visible: boolean; data: Record<string, unknown> } }>;

/** Staff actions share one shape: lock the complaint, act, note it on the complaint's case, audit, answer the view. */
async function withComplaint(d: ComplaintDeps, unit: Unit, actor: StaffActor, id: string, meta: RequestMeta, action: 'complaint.acknowledge' | 'complaint.respond' | 'complaint.close', work: Work) {
  const { tx } = unit;
  const row = await findComplaint(tx, id, null, true);
  if (!row) throw notFound('Complaint');
  const now = d.cases.clock.now();
  const today = receiptDate(now, d.timeZone);
  const result = await work(tx, row, now, today, unit);
  if (result.event) {
    await appendCaseEvents(tx, [{ case_id: row.case_id, at: now, kind: result.event.kind, actor_id: actor.userId, actor_role: actor.role, actor_name: actor.displayName, visible_to_cardholder: result.event.visible, data: { complaintId: id, ...result.event.data } }]);
  }
  await recordAudit(tx, { action, actorId: actor.userId, actorRole: actor.role, targetType: 'complaint', targetId: id, requestId: meta.requestId, ip: meta.ip, at: now, detail: result.detail });
  unit.afterCommit(() => d.cases.publish({ type: 'case.updated', caseId: row.case_id, customerId: row.customer_id }));
  return complaintView((await findComplaint(tx, id, null))!, today);
}

/**
 * "Dear …" on a letter: the cardholder's name from the ledger, read before the transaction opens (the
 * ledger is another module, and on the embedded database a read outside the transaction would wait for it).
 */
export async function recipientNameFor(d: ComplaintDeps, id: string): Promise<string | null> {
  const row = await findComplaint(d.cases.db, id, null);
  const customer = row ? await d.cases.banking.findCustomer(row.customer_id) : null;
  return customer ? `${customer.firstName} ${customer.lastName}`.trim() || null : null;
}

const topicOf = (d: ComplaintDeps, row: ComplaintRow) => d.policy.categories.find((c) => c.id === row.category)?.label ?? row.category;

/**
 * Acknowledge receipt (the acknowledgment clock) with a written acknowledgment letter (issue 4, item 6) sent
 * through the Secure Message Center. A regulator complaint is acknowledged by the portal: no letter.
 * Acknowledging twice changes nothing.
 */
export function acknowledgeComplaint(d: ComplaintDeps, unit: Unit, actor: StaffActor, id: string, meta: RequestMeta, recipientName: string | null = null) {
  return withComplaint(d, unit, actor, id, meta, 'complaint.acknowledge', async (tx, row, now, today) => {
    if (row.acknowledged_at) return { detail: { unchanged: true } };
    const to = complaintTransition(row.status, 'acknowledge');
    const notice =
      row.source === 'regulator'
        ? null
        : await issueNotice(d.cases, unit, {
            caseId: row.case_id,
            kind: 'complaint_acknowledgment',
            data: { complaintId: row.id, receivedOn: row.received_on, topic: topicOf(d, row), desiredOutcome: row.desired_outcome, responseDueOn: row.response_due_on, finalDueOn: row.final_due_on },
            actor,
            recipientName,
            subject: { type: 'complaint', id: row.id },
            meta,
          });
    await updateComplaint(tx, row.id, { status: to, acknowledged_at: now, acknowledged_on: today, updated_at: now });
    return { detail: { from: row.status, to, noticeId: notice?.id ?? null }, event: { kind: 'complaint_acknowledged', visible: true, data: { responseDueOn: row.response_due_on, finalDueOn: row.final_due_on, noticeId: notice?.id ?? null } } };
  });
}

/**
 * The written response: a response letter (HTML and PDF, issue 4 item 6) sent as a message on the complaint's
 * case signed with the representative's name and agent ID, the PDF attached. The first response stops the
 * response clock; a response also acknowledges a complaint not yet acknowledged.
 */
export async function respondToComplaint(d: ComplaintDeps, unit: Unit, actor: StaffActor, id: string, response: string, meta: RequestMeta, recipientName: string | null = null) {
  await prepareReply(d.cases, actor, { body: response, files: [] }); // guard: refuse a reply asking for a CVV, PIN … before any write
  return withComplaint(d, unit, actor, id, meta, 'complaint.respond', async (tx, row, now, today) => {
    const to = complaintTransition(row.status, 'respond');
    const notice = await issueNotice(d.cases, unit, {
      caseId: row.case_id,
      kind: 'complaint_response',
      data: { complaintId: row.id, receivedOn: row.received_on, topic: topicOf(d, row), response },
      actor,
      recipientName,
      subject: { type: 'complaint', id: row.id },
      meta,
    });
    await updateComplaint(tx, row.id, {
      status: to,
      response_message_id: notice.messageId,
      responded_at: row.responded_at ?? now,
      responded_on: row.responded_on ?? today,
      acknowledged_at: row.acknowledged_at ?? now,
      acknowledged_on: row.acknowledged_on ?? today,
      updated_at: now,
    });
    return { detail: { from: row.status, to, messageId: notice.messageId, noticeId: notice.id }, event: { kind: 'complaint_responded', visible: true, data: { messageId: notice.messageId, noticeId: notice.id } } };
  });
}

/** Close: only with a written response stored on the case and a root-cause category (409 otherwise). */
export function closeComplaint(d: ComplaintDeps, unit: Unit, actor: StaffActor, id: string, rootCause: string | undefined, meta: RequestMeta) {
  if (rootCause !== undefined) checkCategory(d, 'rootCause', rootCause);
  return withComplaint(d, unit, actor, id, meta, 'complaint.close', async (tx, row, now, today) => {
    const to = complaintTransition(row.status, 'close');
    if (!row.response_message_id) throw new AppError('complaint_response_required', 'Store a written response on the complaint\u2019s case before closing it');
    if (!rootCause) throw new AppError('complaint_root_cause_required', `Name the root cause to close the complaint: one of ${d.policy.rootCauses.map((r) => r.id).join(', ')}`, { extra: { rootCauses: d.policy.rootCauses.map((r) => r.id) } });
    await updateComplaint(tx, row.id, { status: to, root_cause: rootCause, closed_at: now, closed_on: today, updated_at: now });
    return { detail: { from: row.status, to, rootCause }, event: { kind: 'complaint_closed', visible: true, data: {} } };
  });
}

/** The response sent to the regulator through its portal, stored on the case as an internal note. */
export async function recordRegulatorResponse(d: ComplaintDeps, unit: Unit, actor: StaffActor, id: string, input: { response: string; portalStatus: string; sentOn?: string | undefined }, meta: RequestMeta) {
  const prepared = await prepareReply(d.cases, actor, { body: `Response sent through the regulator portal (${input.portalStatus}):\n\n${input.response}`, internal: true, files: [] });
  return withComplaint(d, unit, actor, id, meta, 'complaint.respond', async (tx, row, now, today) => {
    if (row.source !== 'regulator') throw new AppError('conflict', 'This complaint did not come from a regulator; answer it with POST /api/v1/complaints/:id/respond');
    const sentOn = input.sentOn ?? today;
    if (sentOn > today) throw new AppError('validation_failed', 'sentOn must not be in the future', { errors: [{ field: 'sentOn', message: 'must not be in the future' }] });
    if (sentOn < row.received_on) throw new AppError('validation_failed', 'sentOn is before the complaint was received', { errors: [{ field: 'sentOn', message: 'must not be before receivedOn' }] });
    const to = complaintTransition(row.status, 'respond');
    await writeReply(d.cases, unit, actor, row.case_id, prepared, meta);
    await updateComplaint(tx, row.id, {
      status: to,
      regulator_response: input.portalStatus,
      response_message_id: prepared.message.id,
      responded_at: row.responded_at ?? now,
      responded_on: row.responded_on ?? sentOn,
      updated_at: now,
    });
    return { detail: { from: row.status, to, portalStatus: input.portalStatus }, event: { kind: 'regulator_response_sent', visible: false, data: { portalStatus: input.portalStatus, sentOn, messageId: prepared.message.id } } };
  });
}
