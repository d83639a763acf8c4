import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPans } from '../../platform/pan.ts';
import { redactInbound } from './index.ts';

describe('inbound redaction sees through disguises', () => {
  const disguised: Array<[string, string, string]> = [
    // [why, input, expected]
    ['zero-width spaces between digits', '4111\u200b1111\u200b1111\u200b1111', '•••• 1111'],
    ['zero-width joiners inside a PAN group', '41\u200d11 1111 1111 1111', '•••• 1111'],
    ['a zero-width space inside the keyword', 'C\u200bVV 123', 'C\u200bVV [removed]'],
    ['zero-width spaces inside the value', 'CVV 1\u200b2\u200b3', 'CVV [removed]'],
    ['soft hyphens inside the keyword', 'p\u00adi\u00adn 4821', 'p\u00adi\u00adn [removed]'],
    ['full-width digits', 'cvv １２３', 'cvv [removed]'],
    ['a full-width keyword and digits', 'ＰＩＮ：４８２１', 'ＰＩＮ：[removed]'],
    ['a full-width card number', '４１１１１１１１１１１１１１１１', '•••• 1111'],
    ['Arabic-Indic digits', 'pin ٤٨٢١', 'pin [removed]'],
    ['no-break spaces', 'pin\u00a04821', 'pin\u00a0[removed]'],
    ['narrow no-break spaces in a PAN', '4111\u202f1111\u202f1111\u202f1111', '•••• 1111'],
    ['a Cyrillic letter in the keyword', 'сvv 123', 'сvv [removed]'],
    ['Greek capitals in the keyword', 'ΡΙΝ 4821', 'ΡΙΝ [removed]'],
    ['accents on the keyword', 'cvv̈ 123', 'cvv̈ [removed]'],
    ['spaced-out keyword letters', 'p i n 4821', 'p i n [removed]'],
    ['dotted keyword letters', 'c.v.v. 123', 'c.v.v. [removed]'],
    ['spaced-out digits', 'cvv 1 2 3', 'cvv [removed]'],
    ['spaced-out PIN digits', 'my pin is 4 8 2 1', 'my pin is [removed]'],
    ['en dashes in a PAN', '4111–1111–1111–1111', '•••• 1111'],
    ['spaced dashes in a PAN', '4111 - 1111 - 1111 - 1111', '•••• 1111'],
    ['double spaces in a PAN', '4111  1111  1111  1111', '•••• 1111'],
    ['underscores in a PAN', '4111_1111_1111_1111', '•••• 1111'],
    ['bullets in a PAN', '4111•1111•1111•1111', '•••• 1111'],
    ['slashes in a PAN', '4111/1111/1111/1111', '•••• 1111'],
    ['spaced slashes in a PAN', '4111 / 1111 / 1111 / 1111', '•••• 1111'],
    ['commas in a PAN', '4111,1111,1111,1111', '•••• 1111'],
    ['pipes in a PAN', '4111|1111|1111|1111', '•••• 1111'],
    ['brackets around PAN groups', '(4111)(1111)(1111)(1111)', '(•••• 1111)'],
    ['a PAN over several lines', '4111\n1111\n1111\n1111', '•••• 1111'],
    ['a digit for a letter in the keyword', 'p1n 4821', 'p1n [removed]'],
    ['a zero for the O of OTP', '0TP 839201', '0TP [removed]'],
    ['a PIN spelled out', 'pin four eight two one', 'pin [removed]'],
    ['a card number spelled out', 'card four one one one one one one one one one one one one one one one', 'card •••• 1111'],
    ['misspelt ccv', 'ccv: 321', 'ccv: [removed]'],
    ['misspelt security code', 'secuirty code 123', 'secuirty code [removed]'],
    ['misspelt verification code', 'verfication code 839201', 'verfication code [removed]'],
    ['pin# shorthand', 'PIN#: 4821', 'PIN#: [removed]'],
    ['upper case everything', 'MY OTP IS 839201', 'MY OTP IS [removed]'],
    ['a line break before the value', 'cvv\n123', 'cvv\n[removed]'],
    ['quotes around the value', 'pin "4821"', 'pin "[removed]"'],
    ['parentheses around the keyword', '123 (cvv)', '[removed] (cvv)'],
    ['a CRLF inside', 'otp:\r\n839201', 'otp:\r\n[removed]'],
  ];
  for (const [why, input, expected] of disguised) {
    it(`redacts with ${why}`, () => assert.equal(redactInbound(input).text, expected));
  }
});

describe('inbound redaction on large input', () => {
  // Behaviour on adversarial sizes; a catastrophic regex would not return within the test timeout.
  it('keeps 100 kB of digits and single spaces that hold no card number', () => {
    const text = '1 '.repeat(50_000); // runs of ones are never Luhn-valid at 13–19 digits
    assert.deepEqual(redactInbound(text), { text, findings: [] });
  });

  it('leaves no Luhn-valid number in 100 kB of mixed digits and spaces', () => {
    let seed = 7;
    const chars: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      chars.push(seed % 6 === 0 ? ' ' : String(seed % 10));
    }
    const out = redactInbound(chars.join(''));
    assert.ok(out.findings.length > 0);
    // A mask's last four may run into the digits after it; apart from those, no card number is left.
    assert.deepEqual(findPans(out.text.replace(/•••• [0-9]{4}/g, '#')), []);
  });

  it('finds every code in 100 kB of "cvv 123"', () => {
    const out = redactInbound('cvv 123 '.repeat(12_500));
    assert.deepEqual(out.findings, [{ kind: 'security_code', count: 12_500 }]);
    assert.ok(!/[0-9]/.test(out.text));
  });

  it('handles long runs of one character', () => {
    for (const ch of ['9', '*', 'x', '.', '-', ' ', '\u200b', 'a']) {
      const text = ch.repeat(100_000);
      assert.equal(redactInbound(text).text, text, JSON.stringify(ch));
    }
  });
});
