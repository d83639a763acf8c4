/**
 * Written messages on a review's case: from a reviewer (signed, through the case engine's reply path) or from
 * the issuer itself (reminders, rule-placed holds), stored encrypted like every Secure Message Center message.
 */
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { type CaseDeps, insertEvents, prepareMessage, prepareReply, type RequestMeta, storeMessage, writeReply } from '../cases/index.ts';
import { enqueueNotification } from '../notifications/index.ts';

export async function writeReviewerNotice(deps: CaseDeps, unit: Unit, actor: StaffActor, caseId: string, body: string, meta: RequestMeta): Promise<string> {
  const prepared = await prepareReply(deps, actor, { body, files: [] });
  const posted = await writeReply(deps, unit, actor, caseId, prepared, meta);
  return posted.message.id;
}

export async function writeSystemNotice(deps: CaseDeps, unit: Unit, input: { caseId: string; customerId: string; caseNumber: string; body: string; at: Date; kind: string }): Promise<string> {
  const message = await prepareMessage(deps, input.body, []);
  const author = { id: null, role: 'system', name: `${deps.profile.issuer.name} Account Reviews`, agentCode: null };
  await storeMessage(deps, unit, { caseId: input.caseId, message, author, internal: false, at: input.at });
  await insertEvents(unit.tx, [
    { case_id: input.caseId, at: input.at, kind: 'message', actor_id: null, actor_role: 'system', actor_name: author.name, visible_to_cardholder: true, message_id: message.id, data: { authorRole: 'system', notice: input.kind, attachments: 0, redactions: [] } },
  ]);
  await enqueueNotification(unit.tx, { topic: `review.notice.${input.kind}`, recipient: { customerId: input.customerId }, template: 'secure_message.new_reply', data: { caseNumber: input.caseNumber }, now: input.at });
  return message.id;
}
