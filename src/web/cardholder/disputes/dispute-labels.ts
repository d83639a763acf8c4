import type { Dispute, Transaction } from '../../api-types.ts';
import { formatLongDate } from '../../components/format.ts';
import type { BadgeTone } from '../../components/status.tsx';

/** The wizard for one charge. */
export function disputePath(t: Pick<Transaction, 'id'>): string {
  return `/disputes/new?transactionId=${encodeURIComponent(t.id)}`;
}

export function disputeStatusPath(id: string, isJustFiled = false): string {
  return `/disputes/${encodeURIComponent(id)}${isJustFiled ? '?filed=1' : ''}`;
}

/** A posted charge can be disputed; a pending one leads to the wizard, which explains why not yet. */
export function canOfferDispute(t: Transaction): boolean {
  return t.direction === 'debit' && (t.status === 'posted' || t.status === 'authorized');
}

export function disputeTone(d: Pick<Dispute, 'status' | 'outcome'>): BadgeTone {
  if (d.status === 'open') return 'pending';
  return d.outcome === 'cardholder_favor' ? 'good' : 'neutral';
}

export const REGULATION_NAMES: Record<Dispute['regulation'], string> = {
  reg_z: 'Regulation Z (Fair Credit Billing Act) — credit cards',
  reg_e: 'Regulation E (Electronic Fund Transfer Act) — debit and prepaid cards',
  none: 'Our own dispute policy',
};

/** The dates a cardholder can expect, as sentences with concrete days (DESIGN.md: "by Tuesday, March 3"). */
export function expectedDates(d: Dispute): string[] {
  const out: string[] = [];
  const { acknowledgeBy, provisionalCreditBy, resolveBy } = d.deadlines;
  // The written acknowledgment usually goes out with the filing, which meets the clock (stored as metOn).
  const acknowledged = d.clocks.find((c) => c.name.endsWith('_acknowledge'))?.metOn ?? (acknowledgeBy && acknowledgeBy <= d.noticeReceivedOn ? d.noticeReceivedOn : null);
  if (acknowledged) out.push(`We acknowledged your dispute in writing on ${formatLongDate(acknowledged)}.`);
  else if (acknowledgeBy) out.push(`We will acknowledge your dispute in writing by ${formatLongDate(acknowledgeBy)}.`);
  const hasCredit = d.moneySteps.some((s) => s.kind === 'provisional_credit');
  if (provisionalCreditBy && !hasCredit && d.status === 'open') out.push(`By ${formatLongDate(provisionalCreditBy)} we will either decide or give you temporary credit while we keep looking.`);
  if (resolveBy && d.status === 'open') out.push(`You will have our decision in writing by ${formatLongDate(resolveBy)}.`);
  return out;
}

/** "12.50" or "$1,249.99" → cents; null when it is not an amount. */
export function parseDollars(text: string): number | null {
  const clean = text.replace(/[$,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  const [whole, frac = ''] = clean.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}
