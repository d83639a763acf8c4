import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactInbound } from './index.ts';

type Kinds = Partial<Record<'card_number' | 'security_code' | 'pin' | 'one_time_code' | 'ssn', number>>;
const counts = (text: string): Kinds => Object.fromEntries(redactInbound(text).findings.map((f) => [f.kind, f.count]));

describe('inbound redaction removes card data', () => {
  const removed: Array<[string, string, Kinds]> = [
    // Card numbers, any separators (PCI DSS 3.4.1: masked to the last four).
    ['my card 4111111111111111 was charged', 'my card •••• 1111 was charged', { card_number: 1 }],
    ['4111 1111 1111 1111', '•••• 1111', { card_number: 1 }],
    ['4111-1111-1111-1111', '•••• 1111', { card_number: 1 }],
    ['4111.1111.1111.1111', '•••• 1111', { card_number: 1 }],
    ['amex 3782 822463 10005', 'amex •••• 0005', { card_number: 1 }],
    ['cards 5555555555554444 and 4012888888881881', 'cards •••• 4444 and •••• 1881', { card_number: 2 }],
    // Security codes (PCI DSS 3.3.1: never kept after authorization).
    ['cvv 123', 'cvv [removed]', { security_code: 1 }],
    ['CVV: 123', 'CVV: [removed]', { security_code: 1 }],
    ['cvv=123', 'cvv=[removed]', { security_code: 1 }],
    ['cvv-123', 'cvv-[removed]', { security_code: 1 }],
    ['CVV123', 'CVV[removed]', { security_code: 1 }],
    ['My CVV is 123.', 'My CVV is [removed].', { security_code: 1 }],
    ['my security code is 1234', 'my security code is [removed]', { security_code: 1 }],
    ['the code on the back is 456', 'the code on the back is [removed]', { security_code: 1 }],
    ['the code on the back of my card is 456', 'the code on the back of my card is [removed]', { security_code: 1 }],
    ['the 3-digit code on the back is 456', 'the 3-digit code on the back is [removed]', { security_code: 1 }],
    ['the 4 digit code on the front is 1234', 'the 4 digit code on the front is [removed]', { security_code: 1 }],
    ['CID 1234 on the front', 'CID [removed] on the front', { security_code: 1 }],
    ['cvc: 456', 'cvc: [removed]', { security_code: 1 }],
    ['ccv 789', 'ccv [removed]', { security_code: 1 }],
    ['cvv2 123', 'cvv2 [removed]', { security_code: 1 }],
    ['cv2: 123', 'cv2: [removed]', { security_code: 1 }],
    ['CVVs: 123', 'CVVs: [removed]', { security_code: 1 }],
    ['exp 12/27 cvv 123', 'exp 12/27 cvv [removed]', { security_code: 1 }],
    ['cvv 123 exp 12/27', 'cvv [removed] exp 12/27', { security_code: 1 }],
    ['123 is my cvv', '[removed] is my cvv', { security_code: 1 }],
    ['cvv? 123', 'cvv? [removed]', { security_code: 1 }],
    ['the cvv for my card ending in 1234 is 567', 'the cvv for my card ending in 1234 is [removed]', { security_code: 1 }],
    // The code right after a card number.
    ['4111111111111111 exp 12/27 123', '•••• 1111 exp 12/27 [removed]', { card_number: 1, security_code: 1 }],
    ['Here is my card: 4111-1111-1111-1111, 12/27, 123', 'Here is my card: •••• 1111, 12/27, [removed]', { card_number: 1, security_code: 1 }],
    ['4111111111111111 1234', '•••• 1111 [removed]', { card_number: 1, security_code: 1 }],
    ['371449635398431 exp 12/27 cid 1234', '•••• 8431 exp 12/27 cid [removed]', { card_number: 1, security_code: 1 }],
    ['card number 4012 8888 8888 1881 cvv 123 exp 10/28', 'card number •••• 1881 cvv [removed] exp 10/28', { card_number: 1, security_code: 1 }],
    // PINs.
    ['PIN 4821', 'PIN [removed]', { pin: 1 }],
    ['pin number is 4821', 'pin number is [removed]', { pin: 1 }],
    ['my pin code is 482193', 'my pin code is [removed]', { pin: 1 }],
    ['my pin is 4821', 'my pin is [removed]', { pin: 1 }],
    ['pin#4821', 'pin#[removed]', { pin: 1 }],
    ['P.I.N: 4821', 'P.I.N: [removed]', { pin: 1 }],
    ["My PIN? It's 4821", "My PIN? It's [removed]", { pin: 1 }],
    ['4821 is my PIN', '[removed] is my PIN', { pin: 1 }],
    ['Born 1985, PIN 1985', 'Born 1985, PIN [removed]', { pin: 1 }],
    // One-time codes.
    ['OTP: 839201', 'OTP: [removed]', { one_time_code: 1 }],
    ['verification code 839201', 'verification code [removed]', { one_time_code: 1 }],
    ['one-time passcode: 839201', 'one-time passcode: [removed]', { one_time_code: 1 }],
    ['one time password 839201', 'one time password [removed]', { one_time_code: 1 }],
    ['2FA code 839201', '2FA code [removed]', { one_time_code: 1 }],
    ['authentication code: 839201', 'authentication code: [removed]', { one_time_code: 1 }],
    ['security code sent by text: 839201', 'security code sent by text: [removed]', { one_time_code: 1 }],
    ['my security code is 839201', 'my security code is [removed]', { one_time_code: 1 }],
    ['the code you texted me is 839 201', 'the code you texted me is [removed]', { one_time_code: 1 }],
    ['here is the code I got by text: 839201', 'here is the code I got by text: [removed]', { one_time_code: 1 }],
    ['839201 is your verification code', '[removed] is your verification code', { one_time_code: 1 }],
    ['OTP 839-201', 'OTP [removed]', { one_time_code: 1 }],
    ['otp 839201 expires in 10 minutes', 'otp [removed] expires in 10 minutes', { one_time_code: 1 }],
    // Social Security numbers.
    ['123-45-6789', '[removed]', { ssn: 1 }],
    ['my number is 123 45 6789 ok', 'my number is [removed] ok', { ssn: 1 }],
    ['SSN 123456789', 'SSN [removed]', { ssn: 1 }],
    ['my social is 123456789', 'my social is [removed]', { ssn: 1 }],
    ['social security number 123 45 6789', 'social security number [removed]', { ssn: 1 }],
    ['SSN#123-45-6789', 'SSN#[removed]', { ssn: 1 }],
    // Several at once.
    ['cvv 123 and pin 4821', 'cvv [removed] and pin [removed]', { security_code: 1, pin: 1 }],
    [
      'PIN 4821 and SSN 123-45-6789 and card 5555555555554444',
      'PIN [removed] and SSN [removed] and card •••• 4444',
      { card_number: 1, pin: 1, ssn: 1 },
    ],
    ['please call me at (212) 555-0199, my pin is 4821', 'please call me at (212) 555-0199, my pin is [removed]', { pin: 1 }],
    ['my pin is 1234 and my zip is 10001', 'my pin is [removed] and my zip is 10001', { pin: 1 }],
    ['Nov 26 at 10:30 my pin 4821', 'Nov 26 at 10:30 my pin [removed]', { pin: 1 }],
    // Attachment file names.
    ['card_4111111111111111.png', 'card_•••• 1111.png', { card_number: 1 }],
    ['scan_4111_1111_1111_1111.pdf', 'scan_•••• 1111.pdf', { card_number: 1 }],
  ];
  for (const [input, expected, kinds] of removed) {
    it(`redacts ${JSON.stringify(input)}`, () => {
      assert.equal(redactInbound(input).text, expected);
      assert.deepEqual(counts(input), kinds);
    });
  }
});

describe('inbound redaction leaves harmless numbers and words alone', () => {
  const untouched = [
    'order number 12345678',
    'my order #4111111111111112 never came',
    'call +1-800-528-4800 any time',
    'my phone is (212) 555-0199',
    'phone 212-555-0199 or 212.555.0199',
    'it cost $1,234.56',
    'I was charged 1234.56 USD',
    'on 2026-11-26',
    'the charge on 11/26/2026',
    'since Nov 26',
    'at 10:30 pm',
    'reference 1234567890123',
    'El Paso, TX 79998-1535',
    'zip 10001',
    'case AX-000123 about my PIN',
    'transaction id 839201, cvv question',
    'I bought 4 items',
    'the last 4 digits 1234',
    'the last four digits of my card are 1234',
    'card ending in 1234',
    'xxxx-xxxx-xxxx-1234',
    'in 2026',
    'what is a CVV?',
    'I forgot my PIN',
    'I need a new PIN',
    'what does cvv mean? I paid 123 dollars',
    'my PIN was reset 3 days ago',
    'I entered my PIN 3 times',
    'PIN locked since 2019',
    'I changed my PIN in 2024',
    'my pin was locked on 11/26',
    'cvv is 12345',
    'PIN 123',
    'ssn 000-12-3456',
    '666-12-3456',
    '912-45-6789',
    '123-00-6789',
    '123-45-0000',
    'my social 123-45-678',
    'IMG_20240101_123456.jpg',
    'version 2.3.4',
    'cvv\n\n123 Main Street',
    '11/26/2026 10:30:15',
    '$1,234,567.89',
    '1,234,567,890,123',
    'ratio 123:456',
    'Hi, I was charged $49.99 twice on 3/14 at Target store #1234. Order 556677. Please refund.',
    'My card ending 4821 was declined at the ATM yesterday around 4:15pm. I tried my PIN twice.',
    'The OTP never arrived. I tried 3 times over 2 days.',
    'Merchant ID 4455667788, terminal 0012, auth code 0A12B3.',
    'Last 4 of SSN 6789 for verification',
    'my pin got locked after 3 wrong attempts in 2025',
    'Can you send a one-time code to my new phone number 415 555 0132?',
    'tracking number 1Z999AA10123456784',
    'I have one, two or three cards',
    'my one time code never came',
  ];
  for (const input of untouched) {
    it(`leaves ${JSON.stringify(input)}`, () => assert.deepEqual(redactInbound(input), { text: input, findings: [] }));
  }
});

describe('inbound findings', () => {
  it('name kinds, counts and card last fours, never the values', () => {
    const r = redactInbound('cards 4111111111111111, 5555555555554444; cvv 123; pin 4821; otp 839201; ssn 123-45-6789');
    assert.deepEqual(r.findings, [
      { kind: 'card_number', count: 2, last4: ['1111', '4444'] },
      { kind: 'security_code', count: 1 },
      { kind: 'pin', count: 1 },
      { kind: 'one_time_code', count: 1 },
      { kind: 'ssn', count: 1 },
    ]);
    const json = JSON.stringify(r);
    for (const secret of ['4111111111111111', '123;', '4821', '839201', '6789']) assert.ok(!json.includes(secret), secret);
  });

  it('returns the very same text when nothing is found', () => {
    const text = 'Hello,\r\n  my statement looks wrong\u00a0— can you help?';
    assert.equal(redactInbound(text).text, text);
  });
});
