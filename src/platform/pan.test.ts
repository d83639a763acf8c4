import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPans, luhnValid, maskPans } from './pan.ts';

describe('PAN masking', () => {
  const masked: Array<[string, string]> = [
    ['my card 4111111111111111 was charged', 'my card •••• 1111 was charged'],
    ['4111 1111 1111 1111', '•••• 1111'],
    ['4111-1111-1111-1111', '•••• 1111'],
    ['4111.1111.1111.1111', '•••• 1111'],
    ['amex 3782 822463 10005 ok', 'amex •••• 0005 ok'],
    ['19 digits 6011000990139424 and 4111111111111111 end', '19 digits •••• 9424 and •••• 1111 end'],
    ['pan then cvv 4111111111111111 123', 'pan then cvv •••• 1111 123'],
    ['full-width ４１１１１１１１１１１１１１１１', 'full-width •••• 1111'],
  ];
  for (const [input, expected] of masked) {
    it(`masks ${JSON.stringify(input)}`, () => assert.equal(maskPans(input).text, expected));
  }

  const untouched = [
    'call +1-800-528-4800 any time',
    'order number 4111111111111112',
    'amount $1,234.56 on 2026-11-26',
    'reference 1234567890123',
    'P.O. Box 981535, El Paso, TX 79998-1535',
    'twelve digits 411111111111',
  ];
  for (const input of untouched) {
    it(`leaves ${JSON.stringify(input)} alone`, () => assert.deepEqual(findPans(input), []));
  }

  it('checks the Luhn sum', () => {
    assert.equal(luhnValid('79927398713'), true);
    assert.equal(luhnValid('79927398710'), false);
  });
});
