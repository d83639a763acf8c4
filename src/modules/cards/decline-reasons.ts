/**
 * "Why was my card declined?" in plain words, from the ledger's decline_reason code. Unknown codes get a
 * general answer and the human path, never the raw code alone.
 */
export type DeclineExplanation = { code: string; title: string; explanation: string; whatToDo: string };

const REASONS: Record<string, Omit<DeclineExplanation, 'code'>> = {
  card_locked: {
    title: 'Your card was locked',
    explanation: 'You (or someone using your sign-in) locked this card, so new purchases are declined until it is unlocked.',
    whatToDo: 'If you have your card, unlock it under Cards and try again.',
  },
  card_blocked: {
    title: 'Your card was blocked',
    explanation: 'We blocked this card to protect you, for example after a report of fraud or a lost or stolen card. It cannot be used again.',
    whatToDo: 'Use the replacement card we are sending you, or message us to order one.',
  },
  card_replaced: {
    title: 'This card was replaced',
    explanation: 'This card was replaced by a new card with a different number, so the old one no longer works.',
    whatToDo: 'Use your new card, and give its number to merchants that charge you regularly.',
  },
  account_on_hold: {
    title: 'Your account is on hold',
    explanation: 'Your account is under review, and purchases are paused until the review is finished.',
    whatToDo: 'Open your Secure Messages to see which documents we asked for; sending them is the fastest way to finish the review.',
  },
  account_closed: {
    title: 'Your account is closed',
    explanation: 'The account this card belongs to is closed.',
    whatToDo: 'Message us if you think this is a mistake.',
  },
  insufficient_credit: {
    title: 'Not enough available credit',
    explanation: 'The purchase was more than the credit still available on your account.',
    whatToDo: 'A payment frees up credit; you can also ask us about a higher limit.',
  },
  insufficient_funds: {
    title: 'Not enough money in the account',
    explanation: 'The purchase was more than the balance available on your account.',
    whatToDo: 'Add money to the account and try again.',
  },
  suspected_fraud: {
    title: 'We stopped it as possible fraud',
    explanation: 'The purchase looked unlike your usual activity, so we declined it to protect you.',
    whatToDo: 'If it was you, try again or call the number on the back of your card.',
  },
  suspected_fraud_pending: {
    title: 'Waiting for you to confirm it was you',
    explanation: 'The purchase looked unlike your usual activity. We declined it and sent you an alert to confirm or deny it.',
    whatToDo: 'Answer the alert under Fraud alerts: if it was you, choose "It was me" and try the purchase again.',
  },
  incorrect_security_code: {
    title: 'The security code did not match',
    explanation: 'The 3- or 4-digit security code entered with the purchase was not the one on your card.',
    whatToDo: 'Check the code on your card and try again. Never share it with anyone who calls or writes to you.',
  },
  expired_card_entered: {
    title: 'The expiry date did not match',
    explanation: 'The expiry date entered with the purchase was not your card’s current one.',
    whatToDo: 'Check the date on your card, or update it with the merchant.',
  },
  do_not_honor: {
    title: 'The purchase was declined',
    explanation: 'The purchase was declined by our checks without a more specific reason.',
    whatToDo: 'Try again later, or message us and a person will look at it.',
  },
};

export function explainDecline(code: string): DeclineExplanation {
  const known = REASONS[code];
  if (known) return { code, ...known };
  return { code, title: 'The purchase was declined', explanation: 'We could not approve this purchase.', whatToDo: 'Message us and a person will look at why.' };
}
