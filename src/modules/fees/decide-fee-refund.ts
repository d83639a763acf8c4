/**
 * A supervisor decides a refund above the product's threshold: approve (the credit, as an undoable step) or
 * reject (a written reason). Either way the cardholder gets a secure message signed by the supervisor on the
 * refund's case, a timeline entry and an audit row, in one unit of work. Deciding again the same way changes
 * nothing; deciding the other way after a decision is a 409.
 */
import { recordAudit } from '../../platform/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { appendCaseEvents, type CaseDeps, prepareReply, type RequestMeta, writeReply } from '../cases/index.ts';
import { feeRefundView } from './fee-refund.view.ts';
import { findFeeRefund, updateFeeRefund } from './fees.repo.ts';
import type { FeeRefundView } from './fees.schema.ts';
import { formatMoney } from './quote-fee-refund.ts';
import { runMoneySteps } from '../banking/index.ts';
import { refundCreditStep } from './refund-steps.ts';

export const APPROVER_ROLES = ['supervisor', 'admin'] as const;
export type Decision = 'approve' | 'reject';

export async function decideFeeRefund(deps: CaseDeps, unit: Unit, actor: StaffActor, id: string, decision: Decision, note: string | undefined, meta: RequestMeta): Promise<FeeRefundView> {
  const { tx } = unit;
  const row = await findFeeRefund(tx, id, null, true);
  if (!row) throw notFound('Fee refund');
  const target = decision === 'approve' ? 'credited' : 'rejected';
  if (row.status === target) return feeRefundView(row); // the same decision again
  if (row.status !== 'pending_approval') throw new AppError('invalid_state_transition', `This refund is ${row.status.replace('_', ' ')}; only a refund waiting for approval can be decided`);
  const now = deps.clock.now();
  const amount = formatMoney(row.refund_cents);
  const body =
    decision === 'approve'
      ? `Your annual fee refund of ${amount} was approved, and we credited it to your account on ${now.toISOString().slice(0, 10)}.${note ? `\n${note}` : ''}`
      : `We reviewed your annual fee refund request of ${amount} and did not approve it.\n${note ?? ''}`;
  const reply = await prepareReply(deps, actor, { body, files: [] });
  const banking = deps.banking.withTransaction(tx);
  const steps = decision === 'approve' ? [refundCreditStep({ banking, accountId: row.account_id, amountCents: row.refund_cents, feeTransactionId: row.fee_transaction_id, description: 'Annual fee refund on closing (approved)', at: now })] : [];
  await runMoneySteps(
    steps,
    async (results) => {
      const ledgerId = results[0]?.transaction.id ?? null;
      await updateFeeRefund(tx, row.id, { status: target, ...(ledgerId ? { ledger_transaction_id: ledgerId } : {}), decided_by: actor.userId, decided_at: now, decision_note: note ?? null, updated_at: now });
      await writeReply(deps, unit, actor, row.case_id, reply, meta);
      await appendCaseEvents(tx, [
        { case_id: row.case_id, at: now, kind: `fee_refund_${target}`, actor_id: actor.userId, actor_role: actor.role, actor_name: actor.displayName, visible_to_cardholder: true, data: { feeRefundId: row.id, refundCents: row.refund_cents, ledgerTransactionId: ledgerId } },
      ]);
      await recordAudit(tx, { action: decision === 'approve' ? 'fee_refund.approve' : 'fee_refund.reject', actorId: actor.userId, actorRole: actor.role, targetType: 'fee_refund', targetId: row.id, requestId: meta.requestId, ip: meta.ip, at: now, detail: { refundCents: row.refund_cents, ledgerTransactionId: ledgerId } });
    },
    deps.logger,
  );
  const saved = await findFeeRefund(tx, id, null);
  return feeRefundView(saved!);
}
