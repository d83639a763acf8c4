/**
 * What a fee-refund quote is computed from, read through the CoreBanking port: the account's refund policy
 * (issuer profile, with defaults), the annual fee posting of the current fee year, the statement carrying it,
 * and the benefits used since.
 */
import type { Account, CoreBanking } from '../banking/index.ts';
import { addCalendarDays, instantAt, type IsoDate, localDate } from '../calendars/index.ts';
import type { IssuerProfile } from '../directory/index.ts';
import { type BenefitUse, type FeeRefundPolicy, sameDayNextYear } from './quote-fee-refund.ts';

export const DEFAULT_FEE_REFUND_POLICY: FeeRefundPolicy = { fullRefundDays: 30, prorate: 'daily', deductBenefits: false, approvalAboveCents: 50_000 };
/** Credits posted by a benefit program carry a reference starting with this (an adapter convention). */
export const BENEFIT_REFERENCE_PREFIX = 'benefit:';
const LOOK_BACK_DAYS = 400; // a fee year plus slack for a late posting

export function feePolicyFor(profile: IssuerProfile, cardProduct: string): FeeRefundPolicy {
  const configured = profile.cardProducts.find((p) => p.id === cardProduct)?.annualFeeRefund ?? {};
  return { ...DEFAULT_FEE_REFUND_POLICY, ...configured };
}

export type AnnualFee = { transactionId: string; amountCents: number; postedAt: Date; postedOn: IsoDate; statementClosingDate: IsoDate | null };
export type FeeFacts = { policy: FeeRefundPolicy; fee: AnnualFee | null; lastFeeYearEnded: IsoDate | null; benefitsUsed: BenefitUse[] };

/**
 * The annual fee of the current fee year: the newest posted `fee` of the account's annual-fee amount whose
 * year has not ended by `today`.
 * LIMITATION: the port has no "annual fee" flag, so the fee is recognized by kind and amount; a product whose
 * fee changed mid-year needs the adapter to mark its fee postings.
 */
export async function readFeeFacts(banking: CoreBanking, profile: IssuerProfile, account: Account, today: IsoDate): Promise<FeeFacts> {
  const timeZone = profile.issuer.timeZone;
  const policy = feePolicyFor(profile, account.cardProduct);
  if (account.annualFeeCents <= 0) return { policy, fee: null, lastFeeYearEnded: null, benefitsUsed: [] };
  const from = new Date(instantAt(addCalendarDays(today, -LOOK_BACK_DAYS), 0, timeZone));
  const page = await banking.listTransactions(account.id, { limit: 100, kind: 'fee', status: 'posted', from });
  const posting = page.items.find((t) => t.direction === 'debit' && t.amountCents === account.annualFeeCents && t.postedAt !== null);
  if (!posting?.postedAt) return { policy, fee: null, lastFeeYearEnded: null, benefitsUsed: [] };
  const postedOn = localDate(posting.postedAt, timeZone);
  if (sameDayNextYear(postedOn) <= today) return { policy, fee: null, lastFeeYearEnded: addCalendarDays(sameDayNextYear(postedOn), -1), benefitsUsed: [] };
  const statement = await banking.statementFor(account.id, postedOn);
  const credits = await banking.listTransactions(account.id, { limit: 100, kind: 'credit', status: 'posted', from: posting.postedAt });
  const benefitsUsed = credits.items
    .filter((t) => t.reference?.startsWith(BENEFIT_REFERENCE_PREFIX) && t.postedAt)
    .map((t) => ({ label: t.description, amountCents: t.amountCents, usedOn: localDate(t.postedAt!, timeZone) }))
    .sort((a, b) => a.usedOn.localeCompare(b.usedOn));
  return {
    policy,
    fee: { transactionId: posting.id, amountCents: posting.amountCents, postedAt: posting.postedAt, postedOn, statementClosingDate: statement?.closingDate ?? null },
    lastFeeYearEnded: null,
    benefitsUsed,
  };
}
