/**
 * Dispute reasons (REFERENCE.md: Lithic's list) and the reason-specific questions (Stripe's evidence model),
 * validated from `answers`. Pure: the checks that need the ledger (a duplicate's other charge) are in
 * file-dispute.ts. Unknown answers are refused, so nothing unexpected is stored.
 */
import { isIsoDate } from '../calendars/index.ts';
import type { FieldError } from '../../platform/errors.ts';

export const DISPUTE_REASONS = [
  'unauthorized_card_present',
  'unauthorized_card_not_present',
  'not_received',
  'not_as_described',
  'cancelled',
  'cancelled_recurring',
  'duplicate',
  'incorrect_amount',
  'refund_not_processed',
  'paid_by_other_means',
  'atm_misdispense',
  'processing_error',
  'other',
] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

type Kind = 'date' | 'text' | 'boolean' | 'cents' | 'id';
type Question = { key: string; kind: Kind; required: boolean; label: string };

const q = (key: string, kind: Kind, required: boolean, label: string): Question => ({ key, kind, required, label });
const DESCRIPTION = q('description', 'text', true, 'What happened, in your words');

/** The questions per reason. `merchantContact` (what was tried with the merchant) is added for non-fraud reasons. */
export const REASON_QUESTIONS: Readonly<Record<DisputeReason, readonly Question[]>> = {
  unauthorized_card_present: [q('cardInPossession', 'boolean', true, 'Do you still have the card?'), q('description', 'text', false, 'Anything else we should know')],
  unauthorized_card_not_present: [q('cardInPossession', 'boolean', true, 'Do you still have the card?'), q('description', 'text', false, 'Anything else we should know')],
  not_received: [q('expectedDate', 'date', true, 'When did you expect it?'), q('description', 'text', true, 'What did you order?')],
  not_as_described: [DESCRIPTION, q('returned', 'boolean', false, 'Did you return it?')],
  cancelled: [q('cancellationDate', 'date', true, 'When did you cancel?'), q('policy', 'text', true, 'The merchant’s cancellation policy, as you were told it'), q('returned', 'boolean', false, 'Did you return it?')],
  cancelled_recurring: [q('cancellationDate', 'date', true, 'When did you cancel?'), q('description', 'text', false, 'How did you cancel?')],
  duplicate: [q('otherTransactionId', 'id', true, 'The other charge for the same purchase')],
  incorrect_amount: [q('correctAmountCents', 'cents', true, 'The amount you agreed to pay, in cents')],
  refund_not_processed: [q('refundDate', 'date', true, 'When did the merchant say it refunded you?'), q('confirmationNumber', 'text', true, 'The merchant’s refund confirmation')],
  paid_by_other_means: [q('paymentMethod', 'text', true, 'How else did you pay?'), q('paidOn', 'date', false, 'When?')],
  atm_misdispense: [q('amountReceivedCents', 'cents', true, 'How much cash came out, in cents')],
  processing_error: [DESCRIPTION],
  other: [DESCRIPTION],
};

export const FRAUD_REASONS: ReadonlySet<DisputeReason> = new Set(['unauthorized_card_present', 'unauthorized_card_not_present']);
export const isFraudReason = (reason: DisputeReason): boolean => FRAUD_REASONS.has(reason);

export const REASON_LABELS: Readonly<Record<DisputeReason, string>> = {
  unauthorized_card_present: 'I did not make this in-person purchase',
  unauthorized_card_not_present: 'I did not make this online or phone purchase',
  not_received: 'I did not receive what I paid for',
  not_as_described: 'It was not as described or was defective',
  cancelled: 'I cancelled or returned it',
  cancelled_recurring: 'I cancelled this subscription',
  duplicate: 'I was charged more than once',
  incorrect_amount: 'I was charged the wrong amount',
  refund_not_processed: 'The merchant refunded me but it is not here',
  paid_by_other_means: 'I paid another way',
  atm_misdispense: 'The ATM gave me less cash than charged',
  processing_error: 'Processing error',
  other: 'Something else',
};

const TEXT_MAX = 2000;
const MERCHANT_CONTACT_KEYS = ['contactedOn', 'how', 'outcome'] as const;

export type MerchantContact = { contactedOn?: string; how?: string; outcome?: string };
export type DisputeAnswers = Record<string, string | number | boolean | MerchantContact>;

function checkValue(field: string, kind: Kind, value: unknown): FieldError | null {
  switch (kind) {
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? null : { field, message: 'must be a date YYYY-MM-DD' };
    case 'text':
      return typeof value === 'string' && value.trim().length > 0 && value.length <= TEXT_MAX ? null : { field, message: `must be 1 to ${TEXT_MAX} characters` };
    case 'boolean':
      return typeof value === 'boolean' ? null : { field, message: 'must be true or false' };
    case 'cents':
      return Number.isSafeInteger(value) && (value as number) >= 0 ? null : { field, message: 'must be a whole number of cents, 0 or more' };
    case 'id':
      return typeof value === 'string' && /^txn_[0-9a-z]{16}$/.test(value) ? null : { field, message: 'must be a txn_… identifier' };
  }
}

function checkMerchantContact(value: unknown, errors: FieldError[]): MerchantContact | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push({ field: 'answers.merchantContact', message: 'must be an object { contactedOn?, how?, outcome? }' });
    return null;
  }
  const out: MerchantContact = {};
  for (const [key, v] of Object.entries(value)) {
    if (!(MERCHANT_CONTACT_KEYS as readonly string[]).includes(key)) {
      errors.push({ field: `answers.merchantContact.${key}`, message: 'is not a question here' });
      continue;
    }
    const e = checkValue(`answers.merchantContact.${key}`, key === 'contactedOn' ? 'date' : 'text', v);
    if (e) errors.push(e);
    else out[key as keyof MerchantContact] = v as string;
  }
  return out;
}

/**
 * The answers for a reason, checked and reduced to the declared questions. What the cardholder tried with the
 * merchant is recorded for non-fraud reasons and never required: Regulation E forbids requiring it
 * (12 CFR 1005.11; REFERENCE.md), and we apply the same rule to credit cards.
 */
export function validateAnswers(reason: DisputeReason, answers: Record<string, unknown>): { answers: DisputeAnswers; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const out: DisputeAnswers = {};
  const questions = REASON_QUESTIONS[reason];
  for (const question of questions) {
    const value = answers[question.key];
    if (value === undefined || value === null) {
      if (question.required) errors.push({ field: `answers.${question.key}`, message: `is required for ${reason}: ${question.label}` });
      continue;
    }
    const e = checkValue(`answers.${question.key}`, question.kind, value);
    if (e) errors.push(e);
    else out[question.key] = value as string | number | boolean;
  }
  for (const key of Object.keys(answers)) {
    if (key === 'merchantContact' && !isFraudReason(reason)) {
      const contact = checkMerchantContact(answers[key], errors);
      if (contact) out.merchantContact = contact;
    } else if (!questions.some((x) => x.key === key)) {
      errors.push({ field: `answers.${key}`, message: `is not a question for ${reason}` });
    }
  }
  return { answers: out, errors };
}
