import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors.ts';
import type { CardDeps, RequestMeta } from './card-controls.ts';
import { explainDecline } from './decline-reasons.ts';

export type DeclineAnswer = {
  transactionId: string;
  status: string;
  declined: boolean;
  code: string | null;
  title: string;
  explanation: string;
  whatToDo: string;
  merchantName: string | null;
  amountCents: number;
  authorizedAt: string;
};

/** "Why was my card declined?": the cardholder's own transactions (404 otherwise); a staff read is audited. */
export async function explainTransactionDecline(deps: CardDeps, actor: Actor, transactionId: string, meta: RequestMeta): Promise<DeclineAnswer> {
  const scope = { customerId: actor.kind === 'cardholder' ? actor.customerId : null };
  const t = await deps.banking.findTransaction(transactionId, scope);
  if (!t) throw notFound('Transaction');
  if (actor.kind === 'staff') {
    await recordAudit(deps.db, { action: 'transaction.read', actorId: actor.userId, actorRole: actor.role, targetType: 'transaction', targetId: t.id, requestId: meta.requestId, ip: meta.ip, at: deps.clock.now(), detail: { view: 'decline_reason' } });
  }
  const base = { transactionId: t.id, status: t.status, merchantName: t.merchantName, amountCents: t.amountCents, authorizedAt: t.authorizedAt.toISOString() };
  if (t.status !== 'declined' || !t.declineReason) {
    return { ...base, declined: false, code: null, title: 'This charge was not declined', explanation: t.status === 'authorized' ? 'The charge was approved and is waiting to post.' : `The charge is ${t.status}.`, whatToDo: 'If you do not recognize it, you can report it from the transaction.' };
  }
  const e = explainDecline(t.declineReason);
  return { ...base, declined: true, code: e.code, title: e.title, explanation: e.explanation, whatToDo: e.whatToDo };
}
