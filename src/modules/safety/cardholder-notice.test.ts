import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cardholderNotice, redactInbound, type Finding } from './index.ts';

const NEVER = "We will never need your full card number, security code, PIN or one-time codes — please don't send them.";

describe('the notice to the cardholder', () => {
  const table: Array<[string, Finding[], string | null]> = [
    ['nothing removed', [], null],
    ['only zero counts', [{ kind: 'pin', count: 0 }], null],
    [
      'a card number and a security code',
      [{ kind: 'card_number', count: 1, last4: ['1111'] }, { kind: 'security_code', count: 1 }],
      `We removed a card number and a security code from your message. ${NEVER}`,
    ],
    ['one PIN', [{ kind: 'pin', count: 1 }], `We removed a PIN from your message. ${NEVER}`],
    ['two card numbers', [{ kind: 'card_number', count: 2, last4: ['1111', '4444'] }], `We removed two card numbers from your message. ${NEVER}`],
    [
      'three kinds, listed in a fixed order',
      [{ kind: 'one_time_code', count: 1 }, { kind: 'card_number', count: 1, last4: ['1111'] }, { kind: 'pin', count: 1 }],
      `We removed a card number, a PIN and a one-time code from your message. ${NEVER}`,
    ],
    [
      'only an SSN',
      [{ kind: 'ssn', count: 1 }],
      "We removed a Social Security number from your message. Please don't send your Social Security number in messages.",
    ],
    [
      'an SSN and a code',
      [{ kind: 'security_code', count: 12 }, { kind: 'ssn', count: 1 }],
      `We removed 12 security codes and a Social Security number from your message. ${NEVER} Please don't send your Social Security number in messages either.`,
    ],
  ];
  for (const [name, findings, expected] of table) {
    it(`reads right for ${name}`, () => assert.equal(cardholderNotice(findings), expected));
  }

  it('follows from a redaction and never repeats the value', () => {
    const notice = cardholderNotice(redactInbound('4111 1111 1111 1111 cvv 123').findings) ?? '';
    assert.equal(notice, `We removed a card number and a security code from your message. ${NEVER}`);
    assert.ok(!/[0-9]/.test(notice));
  });
});
