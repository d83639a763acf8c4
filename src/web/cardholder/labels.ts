import type { Account, Card, Transaction } from '../api-types.ts';
import { humanize } from '../components/format.ts';
import type { BadgeTone } from '../components/status.tsx';

export function accountTitle(account: Account): string {
  return account.nickname || account.cardProductName || humanize(account.cardProduct);
}

export function accountStatus(status: Account['status']): { label: string; tone: BadgeTone } {
  if (status === 'active') return { label: 'Active', tone: 'good' };
  if (status === 'on_hold') return { label: 'On hold', tone: 'warning' };
  return { label: 'Closed', tone: 'neutral' };
}

export function cardStatus(status: Card['status']): { label: string; tone: BadgeTone } {
  if (status === 'active') return { label: 'Active', tone: 'good' };
  if (status === 'locked') return { label: 'Locked', tone: 'warning' };
  if (status === 'blocked') return { label: 'Blocked', tone: 'danger' };
  return { label: 'Replaced', tone: 'neutral' };
}

/** On a card the balance is what the cardholder owes; on savings or prepaid, what they have. */
export function balanceText(account: Account): { label: string; isCredit: boolean } {
  if (account.balanceSense === 'held') return { label: 'Balance', isCredit: false };
  if (account.balanceCents < 0) return { label: 'Credit balance (we owe you)', isCredit: true };
  return { label: 'Current balance', isCredit: false };
}

/** A reason that is already a sentence is shown as it is; a code becomes words. */
export function sentence(reason: string | null | undefined, fallback: string): string {
  if (!reason) return fallback;
  const text = /[A-Z ]/.test(reason) ? reason : humanize(reason);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

const DECLINE_REASONS: Record<string, string> = {
  incorrect_security_code: 'The security code entered did not match the card.',
  suspected_fraud: 'It looked unusual, so we declined it to protect you.',
  expired_card_entered: 'An old expiry date was entered.',
  do_not_honor: 'We could not approve it. Call us if you need to know more.',
  card_locked: 'The card was locked at the time.',
  insufficient_funds: 'There was not enough money on the card.',
  account_on_hold: 'The account was on hold.',
};

export function declineText(reason: string | null): string {
  return (reason && DECLINE_REASONS[reason]) || sentence(reason, 'We could not approve it.');
}

export type TransactionState = { label: string; tone: BadgeTone; dateLabel: string; date: string };

/** Pending (authorized) and posted charges must never be confused: each carries its own word and date. */
export function transactionState(t: Transaction): TransactionState {
  switch (t.status) {
    case 'authorized':
      return { label: 'Pending', tone: 'pending', dateLabel: 'Authorized', date: t.authorizedAt };
    case 'posted':
      return { label: 'Posted', tone: 'neutral', dateLabel: 'Posted', date: t.postedAt ?? t.authorizedAt };
    case 'declined':
      return { label: 'Declined', tone: 'danger', dateLabel: 'Declined', date: t.authorizedAt };
    default:
      return { label: 'Reversed', tone: 'neutral', dateLabel: 'Authorized', date: t.authorizedAt };
  }
}
