import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { aadFor } from '../../platform/crypto/index.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { customerScope, isAuditedRead } from '../../platform/policy.ts';
import type { CaseDeps, RequestMeta } from './case-deps.ts';
import { computeCaseSla, slaEventsFrom } from './case-sla.ts';
import { type CaseListFilter, findCaseListRow, listCases, listEvents } from './cases.repo.ts';
import type { CaseListQuery } from './cases.schema.ts';
import { caseSummaryView, messageView, staffCaseSummaryView, timelineView } from './cases.view.ts';
import { listAttachments, listMessages } from './messages.repo.ts';

function decodeCursor(cursor: string | undefined): CaseListFilter['cursor'] {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (Number.isNaN(date.getTime()) || !/^case_[0-9a-z]{16}$/.test(id)) throw new Error('bad');
    return { at: date, id };
  } catch {
    throw new AppError('validation_failed', 'cursor is not one this API gave out', { errors: [{ field: 'cursor', message: 'is not valid' }] });
  }
}

const encodeCursor = (at: Date, id: string) => Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');

export async function listCasesFor(deps: CaseDeps, actor: Actor, query: CaseListQuery, meta: RequestMeta) {
  const limit = query.limit ?? 25;
  const statuses = query.status?.split(',');
  const filter: CaseListFilter = {
    customerId: customerScope(actor) ?? query.customerId ?? null,
    limit: limit + 1,
    cursor: decodeCursor(query.cursor),
    ...(statuses ? { statuses } : {}),
  };
  if (actor.kind === 'staff') {
    if (query.queue) filter.queue = query.queue;
    if (query.priority) filter.priority = query.priority;
    if (query.breached !== undefined) filter.breached = query.breached;
    if (query.assignee === 'none') filter.assignee = { kind: 'none' };
    else if (query.assignee) filter.assignee = { kind: 'user', id: query.assignee === 'me' ? actor.userId : query.assignee };
  }
  const rows = await listCases(deps.db, filter, actor.kind === 'cardholder' ? 'cardholder' : 'staff');
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(last.updated_at, last.id) : null;
  const now = deps.clock.now();
  if (actor.kind === 'staff' && filter.customerId) {
    await recordAudit(deps.db, { action: 'case.list', actorId: actor.userId, actorRole: actor.role, targetType: 'customer', targetId: filter.customerId, requestId: meta.requestId, ip: meta.ip, at: now });
  }
  const items = actor.kind === 'staff' ? page.map((r) => staffCaseSummaryView(deps.policy, r, now)) : page.map((r) => caseSummaryView(r));
  return { items, nextCursor };
}

/** One case with its conversation, decrypted for this reader; staff reads are audited (PCI DSS 10.2.1). */
export async function readCase(deps: CaseDeps, actor: Actor, caseId: string, meta: RequestMeta) {
  const staff = actor.kind === 'staff';
  const row = await findCaseListRow(deps.db, caseId, staff ? 'staff' : 'cardholder');
  const scope = customerScope(actor);
  if (!row || (scope && row.customer_id !== scope)) throw notFound('Case');
  const [messages, attachments, events] = await Promise.all([
    listMessages(deps.db, caseId, staff),
    listAttachments(deps.db, caseId),
    listEvents(deps.db, caseId, false),
  ]);
  const bodies = await Promise.all(messages.map((m) => deps.cipher.openText(deps.db, m.body, aadFor('messages', m.id, 'body'))));
  const visibleAttachments = attachments.filter((a) => messages.some((m) => m.id === a.message_id));
  const messageViews = messages.map((m, i) => messageView(m, bodies[i]!, visibleAttachments, staff));
  const now = deps.clock.now();
  if (isAuditedRead(actor)) {
    await recordAudit(deps.db, { action: 'case.read', actorId: actor.userId, actorRole: actor.role, targetType: 'case', targetId: caseId, requestId: meta.requestId, ip: meta.ip, at: now });
  }
  const mergedInto = row.merged_into ? ((await deps.db.selectFrom('cases').select('number').where('id', '=', row.merged_into).executeTakeFirst())?.number ?? null) : null;
  if (staff) {
    const slaPolicy = deps.policy.slaPolicies.get(row.sla_policy);
    const sla = slaPolicy ? computeCaseSla(deps.policy, slaPolicy, slaEventsFrom(events), now) : undefined;
    return {
      ...staffCaseSummaryView(deps.policy, row, now, sla),
      mergedInto,
      messages: messageViews,
      timeline: events.map(timelineView),
      links: row.links,
    };
  }
  const csat = await deps.db.selectFrom('csat_responses').select(['rating']).where('case_id', '=', caseId).where('resolution_count', '=', row.resolution_count).executeTakeFirst();
  return {
    ...caseSummaryView(row, mergedInto),
    messages: messageViews,
    timeline: events.filter((e) => e.visible_to_cardholder).map(timelineView),
    canReply: row.status !== 'closed' && !row.merged_into,
    csat: { canRate: row.status === 'resolved' && !csat, rating: csat?.rating ?? null },
  };
}
