import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Executor } from '../../platform/db.ts';
import { customerScope } from '../../platform/policy.ts';
import { localDate } from '../calendars/index.ts';
import type { DisputeDeps, RequestMeta } from './dispute-deps.ts';
import { disputeView } from './dispute.view.ts';
import { findDispute, listDisputes, listMoneySteps } from './disputes.repo.ts';

/** Every staff read of cardholder data is audited (PCI DSS 10.2.1); a cardholder reading their own is not. */
async function auditStaffRead(deps: DisputeDeps, db: Executor, actor: Actor, meta: RequestMeta | undefined, action: 'dispute.read' | 'dispute.list', targetId: string | null, detail: Record<string, unknown>) {
  if (actor.kind !== 'staff') return;
  await recordAudit(db, { action, actorId: actor.userId, actorRole: actor.role, targetType: 'dispute', targetId, requestId: meta?.requestId ?? null, ip: meta?.ip ?? null, at: deps.clock.now(), detail });
}

export async function readDispute(deps: DisputeDeps, db: Executor, actor: Actor, id: string, meta?: RequestMeta) {
  const d = await findDispute(db, id, customerScope(actor));
  if (!d) throw notFound('Dispute');
  await auditStaffRead(deps, db, actor, meta, 'dispute.read', d.id, { caseId: d.case_id, customerId: d.customer_id });
  return disputeView(d, await listMoneySteps(db, id), localDate(deps.clock.now(), deps.calendar.timeZone), actor.kind === 'staff');
}

export async function listDisputesFor(
  deps: DisputeDeps,
  actor: Actor,
  q: { status?: 'open' | 'resolved' | undefined; networkStatus?: string | undefined; customerId?: string | undefined; caseId?: string | undefined; limit?: number | undefined },
  meta?: RequestMeta,
) {
  if (actor.kind !== 'staff' && q.customerId) throw new AppError('forbidden', 'customerId is a staff filter');
  const rows = await listDisputes(deps.db, { customerId: customerScope(actor) ?? q.customerId ?? null, status: q.status, networkStatus: q.networkStatus, caseId: q.caseId, limit: q.limit ?? 50 });
  await auditStaffRead(deps, deps.db, actor, meta, 'dispute.list', null, { customerId: q.customerId ?? null, caseId: q.caseId ?? null, count: rows.length });
  const today = localDate(deps.clock.now(), deps.calendar.timeZone);
  const items = [];
  for (const d of rows) items.push(disputeView(d, await listMoneySteps(deps.db, d.id), today, actor.kind === 'staff'));
  return { items };
}
