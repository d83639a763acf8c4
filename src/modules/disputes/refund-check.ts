/**
 * "The merchant says it refunded me": before filing, search the ledger for a matching credit — same merchant,
 * the charge's amount or the disputed amount, pending (authorized) or posted, from the charge until 30 days
 * after the later of the charge and the merchant's stated refund date. Linked refunds (refund_of) always count.
 */
import { AppError, notFound } from '../../platform/errors.ts';
import { addCalendarDays, type IsoDate, localDate } from '../calendars/index.ts';
import type { CoreBanking, Transaction } from '../banking/index.ts';

export const REFUND_SEARCH_DAYS = 30;
const PAGE = 100;
const MAX_PAGES = 20; // 2,000 refunds in one window is not a cardholder's account

export type RefundMatch = { transactionId: string; amountCents: number; status: 'pending' | 'posted'; date: string; merchantName: string | null; linkedToCharge: boolean };
export type RefundCheck = { transactionId: string; found: boolean; matches: RefundMatch[]; searchedFrom: IsoDate; searchedThrough: IsoDate; message: string };

const sameMerchant = (a: Transaction, b: Transaction) =>
  (a.merchantId !== null && a.merchantId === b.merchantId) || (a.merchantName !== null && a.merchantName.trim().toLowerCase() === (b.merchantName ?? '').trim().toLowerCase());

function toMatch(r: Transaction, chargeId: string, timeZone: string): RefundMatch {
  return { transactionId: r.id, amountCents: r.amountCents, status: r.status === 'posted' ? 'posted' : 'pending', date: localDate(r.postedAt ?? r.authorizedAt, timeZone), merchantName: r.merchantName, linkedToCharge: r.refundOf === chargeId };
}

export async function findMatchingRefunds(
  banking: CoreBanking,
  charge: Transaction,
  opts: { amountCents?: number | undefined; statedRefundDate?: IsoDate | undefined; timeZone: string },
): Promise<RefundCheck> {
  const from = localDate(charge.authorizedAt, opts.timeZone);
  const anchor = opts.statedRefundDate && opts.statedRefundDate > from ? opts.statedRefundDate : from;
  const through = addCalendarDays(anchor, REFUND_SEARCH_DAYS);
  const amounts = new Set([charge.amountCents, opts.amountCents ?? charge.amountCents]);
  const live = (r: Transaction) => r.status === 'authorized' || r.status === 'posted';
  const found = new Map<string, Transaction>();
  for (const r of await banking.listRefundsOf(charge.id)) if (live(r)) found.set(r.id, r);
  let after: { at: Date; id: string } | undefined;
  const before = new Date(Date.parse(`${addCalendarDays(through, 1)}T12:00:00Z`)); // generous: zone offsets stay inside
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await banking.listTransactions(charge.accountId, { limit: PAGE, after, from: charge.authorizedAt, before, kind: 'refund' });
    for (const r of result.items) {
      const day = localDate(r.postedAt ?? r.authorizedAt, opts.timeZone);
      if (live(r) && r.direction === 'credit' && sameMerchant(r, charge) && amounts.has(r.amountCents) && day >= from && day <= through) found.set(r.id, r);
    }
    if (!result.next) break;
    after = result.next;
  }
  const matches = [...found.values()].map((r) => toMatch(r, charge.id, opts.timeZone));
  const message = matches.length
    ? `We found a refund from ${charge.merchantName ?? 'the merchant'}: ${matches.map((m) => `${(m.amountCents / 100).toFixed(2)} ${m.status} on ${m.date}`).join('; ')}. ${matches.some((m) => m.status === 'pending') ? 'A pending refund usually posts within a few days.' : ''}`.trim()
    : `No refund from ${charge.merchantName ?? 'the merchant'} has reached your account between ${from} and ${through}. You can dispute the charge as "refund not processed" with the merchant's confirmation.`;
  return { transactionId: charge.id, found: matches.length > 0, matches, searchedFrom: from, searchedThrough: through, message };
}

/** The cardholder's own posted charge, or the reason it cannot be disputed (404 unknown/other customer's, 409 otherwise). */
export async function disputableCharge(banking: CoreBanking, transactionId: string, customerId: string | null): Promise<Transaction> {
  const txn = await banking.findTransaction(transactionId, { customerId });
  if (!txn) throw notFound('Transaction');
  if (txn.status === 'authorized') {
    throw new AppError('not_disputable', 'This charge is still pending (an authorization). It can be disputed once it posts, usually within 1 to 3 days; if you do not recognize it, lock your card now.', { extra: { transactionStatus: txn.status } });
  }
  if (txn.status !== 'posted') throw new AppError('not_disputable', `A ${txn.status} transaction moved no money, so there is nothing to dispute.`, { extra: { transactionStatus: txn.status } });
  if (txn.direction !== 'debit') throw new AppError('not_disputable', 'This is a credit to your account, not a charge.', { extra: { transactionStatus: txn.status } });
  return txn;
}
