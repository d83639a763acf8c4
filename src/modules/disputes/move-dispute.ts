import { recordAudit } from '../../platform/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { addTimeline, type RequestMeta } from './case-engine.ts';
import type { DisputeDeps } from './dispute-deps.ts';
import { lockDispute, updateDispute } from './disputes.repo.ts';
import { type NetworkAction, NETWORK_STATES, networkTransition } from './network.machine.ts';

/** A staff move on the network track: lock → transition() (409 when illegal) → row, timeline, audit. */
export async function moveDispute(deps: DisputeDeps, unit: Unit, actor: StaffActor, id: string, action: NetworkAction, note: string | undefined, meta: RequestMeta): Promise<void> {
  const d = await lockDispute(unit.tx, id);
  if (!d) throw notFound('Dispute');
  if (d.status !== 'open') throw new AppError('invalid_state_transition', 'This dispute is resolved; its network track no longer moves');
  const to = networkTransition(d.network_status, action);
  const now = deps.clock.now();
  await updateDispute(unit.tx, id, { network_status: to, updated_at: now });
  const who = { id: actor.userId, role: actor.role, name: actor.displayName };
  await addTimeline(unit, [
    { caseId: d.case_id, at: now, kind: 'dispute_network_moved', actor: who, visibleToCardholder: true, data: { disputeId: id, from: d.network_status, to, label: NETWORK_STATES[to].label } },
    ...(note ? [{ caseId: d.case_id, at: now, kind: 'dispute_network_note', actor: who, visibleToCardholder: false, data: { disputeId: id, note } }] : []),
  ]);
  await recordAudit(unit.tx, { action: 'dispute.network_move', actorId: actor.userId, actorRole: actor.role, targetType: 'dispute', targetId: id, requestId: meta.requestId, ip: meta.ip, at: now, detail: { from: d.network_status, to, action } });
}
