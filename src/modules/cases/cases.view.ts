import { CASE_STATES, allowedEvents } from './case.machine.ts';
import { slaView } from './case-sla.ts';
import { ACTION_EVENTS } from './case-actions.ts';
import type { CaseEventRow, CaseListRow, CaseRow } from './cases.repo.ts';
import type { AttachmentRow, MessageRow } from './messages.repo.ts';
import type { ServicePolicy } from './service-policy.ts';
import { type SlaStatus, SLA_TARGETS, workingMinutesBetween } from './sla/index.ts';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function caseSummaryView(row: CaseListRow, mergedIntoNumber: string | null = null) {
  return {
    id: row.id,
    number: row.number,
    subject: row.subject,
    type: row.type,
    status: row.status,
    statusLabel: row.escalation === 'supervisor' && CASE_STATES[row.status].open ? 'With a supervisor' : CASE_STATES[row.status].cardholderLabel,
    priority: row.priority,
    queue: row.queue,
    channel: row.channel,
    productLine: row.product_line,
    accountId: row.account_id,
    transactionId: row.transaction_id,
    escalation: row.escalation,
    assignee: row.assignee_name && row.assignee_code ? { displayName: row.assignee_name, agentCode: row.assignee_code } : null,
    mergedInto: mergedIntoNumber ?? row.merged_into,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    resolvedAt: iso(row.resolved_at),
    unreadCount: row.unread,
    replyExpectedBy: replyExpectedBy(row),
  };
}

/** When the cardholder can expect our next answer: the running first- or next-response due time, if any. */
function replyExpectedBy(row: CaseRow): string | null {
  if (!CASE_STATES[row.status].open || CASE_STATES[row.status].slaPaused) return null;
  const due = row.first_response_due_at ?? row.next_response_due_at;
  return due ? due.toISOString() : null;
}

/** Case actions a staff member may take now, as route names (`resolve`, `await-customer`, …). */
export function allowedActions(row: CaseRow): string[] {
  if (row.merged_into) return [];
  const events = new Set(allowedEvents(row.status));
  return Object.entries(ACTION_EVENTS).filter(([, event]) => events.has(event)).map(([name]) => name);
}

/** SLA for lists, from the stored due times (no timeline replay): remaining working minutes and risk. */
export function listSlaView(policy: ServicePolicy, row: CaseRow, now: Date) {
  const slaPolicy = policy.slaPolicies.get(row.sla_policy);
  const calendar = slaPolicy && policy.calendars.get(slaPolicy.calendarId);
  const paused = CASE_STATES[row.status].slaPaused && row.status !== 'resolved' && row.status !== 'closed';
  const due = { firstResponse: row.first_response_due_at, nextResponse: row.next_response_due_at, resolution: row.resolution_due_at };
  const clock = (name: (typeof SLA_TARGETS)[number]) => {
    const dueAt = due[name];
    const target = slaPolicy?.targets[name] ?? null;
    if (!dueAt || !calendar) return { dueAt: null, breached: false, paused, met: !paused && !CASE_STATES[row.status].open, remainingMinutes: null, atRisk: false };
    const past = now.getTime() > dueAt.getTime();
    const remaining = past ? -workingMinutesBetween(dueAt, now, calendar) : workingMinutesBetween(now, dueAt, calendar);
    const atRisk = !past && target !== null && remaining <= target * (1 - policy.slaWarningFraction);
    return { dueAt: dueAt.toISOString(), breached: past, paused: false, met: false, remainingMinutes: Math.round(remaining), atRisk };
  };
  return { policy: row.sla_policy, firstResponse: clock('firstResponse'), nextResponse: clock('nextResponse'), resolution: clock('resolution') };
}

export function staffCaseSummaryView(policy: ServicePolicy, row: CaseListRow, now: Date, sla?: SlaStatus) {
  return {
    ...caseSummaryView(row),
    customerId: row.customer_id,
    customerName: row.customer_name,
    assigneeId: row.assignee_id,
    sla: sla ? slaView(row.sla_policy, sla, now, policy.slaWarningFraction) : listSlaView(policy, row, now),
    allowedActions: allowedActions(row),
  };
}

export function messageView(m: MessageRow, body: string, attachments: AttachmentRow[], staff: boolean) {
  return {
    id: m.id,
    body,
    author: { role: m.author_role, displayName: m.author_name, ...(m.author_agent_code ? { agentCode: m.author_agent_code } : {}) },
    createdAt: m.created_at.toISOString(),
    readAt: iso(m.read_at),
    attachments: attachments
      .filter((a) => a.message_id === m.id)
      .map((a) => ({ id: a.id, fileName: a.file_name, mime: a.mime, sizeBytes: a.size_bytes, url: `/api/v1/attachments/${a.id}` })),
    redactions: m.redactions,
    ...(staff ? { internal: m.internal } : {}),
  };
}

export function timelineView(e: CaseEventRow) {
  return {
    id: Number(e.id),
    at: e.at.toISOString(),
    kind: e.kind,
    actor: e.actor_name ? { role: e.actor_role ?? 'system', displayName: e.actor_name } : null,
    messageId: e.message_id,
    data: e.data,
  };
}
