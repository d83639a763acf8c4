import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Executor } from '../../platform/db.ts';
import { customerScope } from '../../platform/policy.ts';
import { localDate } from '../calendars/index.ts';
import type { DisputeDeps } from './dispute-deps.ts';
import { disputeView } from './dispute.view.ts';
import { findDispute, listDisputes, listMoneySteps } from './disputes.repo.ts';

export async function readDispute(deps: DisputeDeps, db: Executor, actor: Actor, id: string) {
  const d = await findDispute(db, id, customerScope(actor));
  if (!d) throw notFound('Dispute');
  return disputeView(d, await listMoneySteps(db, id), localDate(deps.clock.now(), deps.calendar.timeZone), actor.kind === 'staff');
}

export async function listDisputesFor(deps: DisputeDeps, actor: Actor, q: { status?: 'open' | 'resolved' | undefined; networkStatus?: string | undefined; customerId?: string | undefined; limit?: number | undefined }) {
  if (actor.kind !== 'staff' && q.customerId) throw new AppError('forbidden', 'customerId is a staff filter');
  const rows = await listDisputes(deps.db, { customerId: customerScope(actor) ?? q.customerId ?? null, status: q.status, networkStatus: q.networkStatus, limit: q.limit ?? 50 });
  const today = localDate(deps.clock.now(), deps.calendar.timeZone);
  const items = [];
  for (const d of rows) items.push(disputeView(d, await listMoneySteps(deps.db, d.id), today, actor.kind === 'staff'));
  return { items };
}
