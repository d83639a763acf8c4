/**
 * `GET /api/v1/accounts/:id/fee-refund-quote?closeOn=` — the computation line by line, before the cardholder
 * decides. The cardholder's own accounts only (another's is a 404); a staff read is audited (PCI DSS 10.2.1).
 */
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Account } from '../banking/index.ts';
import { addCalendarDays, type IsoDate, localDate } from '../calendars/index.ts';
import type { CaseDeps, RequestMeta } from '../cases/index.ts';
import { type FeeFacts, readFeeFacts } from './fee-facts.ts';
import { findRefundForFee } from './fees.repo.ts';
import type { QuoteView } from './fees.schema.ts';
import { formatMoney, quoteFeeRefund } from './quote-fee-refund.ts';

/** How far ahead a close date may be: past a year the fee year (and the quote) would be a different one. */
export const MAX_DAYS_AHEAD = 365;

export function checkCloseOn(closeOn: IsoDate, today: IsoDate): void {
  const bad = (message: string) => new AppError('validation_failed', message, { errors: [{ field: 'closeOn', message }] });
  if (closeOn < today) throw bad(`The close date ${closeOn} is in the past; choose today (${today}) or a later date`);
  if (closeOn > addCalendarDays(today, MAX_DAYS_AHEAD)) throw bad(`The close date ${closeOn} is more than ${MAX_DAYS_AHEAD} days ahead; choose a date up to ${addCalendarDays(today, MAX_DAYS_AHEAD)}`);
}

export async function loadAccount(deps: CaseDeps, actor: Actor, accountId: string): Promise<Account> {
  const account = await deps.banking.findAccount(accountId, { customerId: actor.kind === 'cardholder' ? actor.customerId : null });
  if (!account) throw notFound('Account');
  return account;
}

export const today = (deps: CaseDeps) => localDate(deps.clock.now(), deps.profile.issuer.timeZone);

/** Pure assembly of the answer from the facts (also used to freeze the lines of a refund request). */
export function buildQuote(account: Account, facts: FeeFacts, closeOn: IsoDate): Omit<QuoteView, 'existingRefund'> {
  const { policy, fee } = facts;
  const common = { accountId: account.id, closeOn, currency: account.currency, policy };
  if (!fee) {
    const message =
      account.annualFeeCents <= 0
        ? 'This card has no annual fee, so there is nothing to refund when you close it.'
        : facts.lastFeeYearEnded
          ? `The last annual fee covered a year that ended on ${facts.lastFeeYearEnded}; no annual fee of the current year has posted, so there is nothing to refund.`
          : 'No annual fee has posted on this account in the last year, so there is nothing to refund.';
    return { ...common, hasAnnualFee: false, message, fee: null, fullRefundThrough: null, inFullRefundWindow: false, lines: [], refundCents: 0, needsApproval: false };
  }
  const q = quoteFeeRefund({ policy, feeCents: fee.amountCents, feePostedOn: fee.postedOn, statementClosingDate: fee.statementClosingDate, closeOn, benefitsUsed: facts.benefitsUsed, currency: account.currency });
  const needsApproval = q.refundCents > policy.approvalAboveCents;
  const amount = formatMoney(q.refundCents, account.currency);
  const message =
    q.refundCents === 0
      ? `If you close the account on ${closeOn}, no part of the ${formatMoney(fee.amountCents, account.currency)} annual fee is refunded.`
      : `If you close the account on ${closeOn}, we refund ${amount} of the ${formatMoney(fee.amountCents, account.currency)} annual fee${needsApproval ? '; a supervisor approves refunds of this size before they are credited' : ''}.`;
  return {
    ...common,
    hasAnnualFee: true,
    message,
    fee: { transactionId: fee.transactionId, amountCents: fee.amountCents, postedOn: fee.postedOn, statementClosingDate: fee.statementClosingDate },
    fullRefundThrough: q.fullRefundThrough,
    inFullRefundWindow: q.inFullRefundWindow,
    lines: q.lines,
    refundCents: q.refundCents,
    needsApproval,
  };
}

export async function quoteAccountFee(deps: CaseDeps, actor: Actor, accountId: string, closeOnInput: IsoDate | undefined, meta: RequestMeta): Promise<QuoteView> {
  const day = today(deps);
  const closeOn = closeOnInput ?? day;
  checkCloseOn(closeOn, day);
  const account = await loadAccount(deps, actor, accountId);
  if (actor.kind === 'staff') {
    await recordAudit(deps.db, { action: 'account.read', actorId: actor.userId, actorRole: actor.role, targetType: 'account', targetId: account.id, requestId: meta.requestId, ip: meta.ip, at: deps.clock.now(), detail: { view: 'fee_refund_quote' } });
  }
  const facts = await readFeeFacts(deps.banking, deps.profile, account, day);
  const quote = buildQuote(account, facts, closeOn);
  const existing = facts.fee ? await findRefundForFee(deps.db, facts.fee.transactionId) : null;
  return {
    ...quote,
    existingRefund: existing ? { id: existing.id, status: existing.status, refundCents: existing.refund_cents, requestedAt: existing.requested_at.toISOString(), caseNumber: existing.case_number } : null,
  };
}
