/**
 * `POST /api/v1/accounts/:id/fee-refund`: the cardholder closes the account today and asks for the annual-fee
 * refund. Guard (the account is theirs and open, there is a fee of the current year, no refund for it yet) →
 * one unit of work: the case, the refund credit as an undoable step (or a supervisor approval above the
 * product's threshold), the closing, the timeline and the audit row. A second submission for the same fee
 * finds the first (the unique fee_transaction_id and the deterministic ledger reference make it one refund).
 */
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import type { Account } from '../banking/index.ts';
import { appendCaseEvents, type CaseDeps, openSystemCase, type RequestMeta } from '../cases/index.ts';
import { type AnnualFee, readFeeFacts } from './fee-facts.ts';
import { feeRefundView } from './fee-refund.view.ts';
import { findFeeRefund, findRefundForFee, insertFeeRefund } from './fees.repo.ts';
import type { FeeRefundView } from './fees.schema.ts';
import type { FeeRefundStatus } from './fees.tables.ts';
import { buildQuote, loadAccount, today } from './quote-account-fee.ts';
import { runMoneySteps } from '../banking/index.ts';
import { refundCreditStep } from './refund-steps.ts';

/** Fee refunds are `fre_…` (the platform's id list has no prefix for them yet; same alphabet and length). */
export const newFeeRefundId = () => `fre_${newId('evt').slice(4)}`;

export type PreparedRefund =
  | { kind: 'existing'; view: FeeRefundView }
  | { kind: 'new'; account: Account; fee: AnnualFee; quote: ReturnType<typeof buildQuote>; closeOn: string };

export async function prepareFeeRefund(deps: CaseDeps, actor: Actor, accountId: string): Promise<PreparedRefund> {
  const account = await loadAccount(deps, actor, accountId);
  const day = today(deps);
  const facts = await readFeeFacts(deps.banking, deps.profile, account, day);
  if (facts.fee) {
    const existing = await findRefundForFee(deps.db, facts.fee.transactionId);
    if (existing) return { kind: 'existing', view: feeRefundView(existing) };
  }
  if (account.status === 'closed') throw new AppError('conflict', `This account was closed on ${account.closedOn ?? 'an earlier date'}`);
  const quote = buildQuote(account, facts, day);
  if (!facts.fee) throw new AppError('conflict', quote.message);
  return { kind: 'new', account, fee: facts.fee, quote, closeOn: day };
}

export async function writeFeeRefund(deps: CaseDeps, unit: Unit, actor: Actor, p: Extract<PreparedRefund, { kind: 'new' }>, meta: RequestMeta): Promise<FeeRefundView> {
  const { tx } = unit;
  const now = deps.clock.now();
  const id = newFeeRefundId();
  const who = { id: actor.userId, role: actor.role, name: actor.displayName };
  const { account, fee, quote } = p;
  const status: FeeRefundStatus = quote.refundCents === 0 ? 'nothing_due' : quote.needsApproval ? 'pending_approval' : 'credited';
  const opened = await openSystemCase(
    deps,
    unit,
    {
      customerId: account.customerId,
      accountId: account.id,
      transactionId: fee.transactionId,
      subject: 'Annual fee refund and account closing',
      type: 'fee',
      priority: status === 'pending_approval' ? 'high' : 'normal',
      links: { feeRefundId: id, feeTransactionId: fee.transactionId },
      actor: who,
      events: [{ kind: 'fee_refund_requested', visibleToCardholder: true, data: { feeRefundId: id, closeOn: p.closeOn, feeCents: fee.amountCents, refundCents: quote.refundCents, lines: quote.lines } }],
      notify: false,
    },
    meta,
  );
  const banking = deps.banking.withTransaction(tx);
  const steps = status === 'credited' ? [refundCreditStep({ banking, accountId: account.id, amountCents: quote.refundCents, feeTransactionId: fee.transactionId, description: 'Annual fee refund on closing', at: now })] : [];
  await runMoneySteps(
    steps,
    async (results) => {
      const ledgerId = results[0]?.transaction.id ?? null;
      await insertFeeRefund(tx, {
        id,
        customer_id: account.customerId,
        account_id: account.id,
        fee_transaction_id: fee.transactionId,
        case_id: opened.id,
        close_on: p.closeOn,
        status,
        fee_cents: fee.amountCents,
        refund_cents: quote.refundCents,
        quote: quote.lines,
        ledger_transaction_id: ledgerId,
        requested_by: actor.userId,
        requested_at: now,
        created_at: now,
        updated_at: now,
      });
      await banking.closeAccount(account.id, p.closeOn, now);
      const base = { case_id: opened.id, at: now, actor_id: who.id, actor_role: who.role, actor_name: who.name, visible_to_cardholder: true };
      await appendCaseEvents(tx, [
        { ...base, kind: 'account_closed', data: { accountId: account.id, closedOn: p.closeOn } },
        { ...base, kind: `fee_refund_${status}`, data: { feeRefundId: id, refundCents: quote.refundCents, ledgerTransactionId: ledgerId } },
      ]);
      await recordAudit(tx, { action: 'fee_refund.request', actorId: actor.userId, actorRole: actor.role, targetType: 'account', targetId: account.id, requestId: meta.requestId, ip: meta.ip, at: now, detail: { feeRefundId: id, status, refundCents: quote.refundCents, ledgerTransactionId: ledgerId } });
    },
    deps.logger,
  );
  const row = await findFeeRefund(tx, id, null);
  if (!row) throw new Error(`fee refund ${id} vanished`);
  return feeRefundView(row);
}

/** The unique fee_transaction_id lost a race with a concurrent request for the same fee. */
export const isDuplicateRefund = (e: unknown) => (e as { code?: string }).code === '23505' && /fee_refunds_fee_transaction_id/.test(String((e as { constraint?: string; message?: string }).constraint ?? (e as Error).message));
