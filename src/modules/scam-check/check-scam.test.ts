import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { domainToASCII, fileURLToPath } from 'node:url';
import { type IssuerProfile, loadProfile } from '../directory/index.ts';
import { checkScam } from './check-scam.ts';
import type { ReasonCode, ScamCheckInput, Verdict } from './scam-check.types.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const profile = loadProfile(path.join(ROOT, 'config/issuer-profile.json'));

type Row = { name: string; input: ScamCheckInput; verdict: Verdict; has?: ReasonCode[]; hasNot?: ReasonCode[]; checked?: Partial<Record<'phone' | 'email' | 'url', string>> };

const phones: Row[] = [
  { name: 'E.164 with brackets', input: { phone: '+1 (800) 528-4800' }, verdict: 'official', has: ['official_phone'], checked: { phone: '+18005284800' } },
  { name: 'dashes with trunk 1', input: { phone: '1-800-528-4800' }, verdict: 'official', has: ['official_phone'] },
  { name: 'dots, no country code', input: { phone: '800.528.4800' }, verdict: 'official', has: ['official_phone'] },
  { name: 'digits only', input: { phone: '8005284800' }, verdict: 'official' },
  { name: 'spaces and brackets', input: { phone: '(800) 528 4800' }, verdict: 'official' },
  { name: 'tel: link', input: { phone: 'tel:+18005284800' }, verdict: 'official' },
  { name: 'small business line', input: { phone: '+1 800 492 3344' }, verdict: 'official', has: ['official_phone'] },
  { name: 'gift card line', input: { phone: '1-877-297-4438' }, verdict: 'official' },
  { name: 'corporate line with padding', input: { phone: '  +1-800-528-2122  ' }, verdict: 'official' },
  { name: 'last digit changed', input: { phone: '+1 800 528 4801' }, verdict: 'lookalike', has: ['phone_near_miss'], checked: { phone: '+18005284801' } },
  { name: 'neighbours swapped at the end', input: { phone: '800-528-4080' }, verdict: 'lookalike', has: ['phone_near_miss'] },
  { name: 'neighbours swapped in the middle', input: { phone: '800.582.4800' }, verdict: 'lookalike', has: ['phone_near_miss'] },
  { name: 'merchant line one digit off', input: { phone: '1-800-528-5201' }, verdict: 'lookalike', has: ['phone_near_miss'] },
  { name: 'hotline digits behind another country code', input: { phone: '+44 800 528 4800' }, verdict: 'lookalike', has: ['phone_other_country_code'] },
  { name: 'premium-rate 900 number', input: { phone: '1-900-555-0199' }, verdict: 'suspicious', has: ['phone_premium_rate', 'phone_not_official'] },
  { name: '+1 number that rings in Jamaica', input: { phone: '+1 876 555 1234' }, verdict: 'suspicious', has: ['phone_looks_domestic'] },
  { name: 'ordinary US number', input: { phone: '+1 212 736 5000' }, verdict: 'not_official', has: ['phone_not_official'] },
  { name: 'foreign mobile', input: { phone: '+234 803 123 4567' }, verdict: 'not_official', has: ['phone_other_country'] },
  { name: 'another toll-free code, same digits', input: { phone: '1-888-528-4800' }, verdict: 'lookalike', has: ['phone_near_miss'] },
  { name: 'letter O typed for zero', input: { phone: '1-8OO-528-48OO' }, verdict: 'official', checked: { phone: '+18005284800' } },
  { name: 'vanity letters read from the keypad', input: { phone: '1-800-FLOWERS' }, verdict: 'not_official', checked: { phone: '+18003569377' } },
  { name: 'extension', input: { phone: '1 (800) 528-4800 ext. 123' }, verdict: 'official' },
  { name: 'words', input: { phone: 'call me maybe' }, verdict: 'unknown', has: ['phone_invalid'], checked: {} },
  { name: 'too short', input: { phone: '12' }, verdict: 'unknown', has: ['phone_invalid'] },
  { name: 'a card number typed as a phone', input: { phone: '4111 1111 1111 1111' }, verdict: 'unknown', has: ['card_number_not_phone'], checked: {} },
];

const emails: Row[] = [
  { name: 'cited but not official address', input: { email: 'customer.service@americanexpress.com' }, verdict: 'not_official', has: ['email_not_official_channel'] },
  { name: 'same address in capitals', input: { email: 'Customer.Service@AmericanExpress.COM' }, verdict: 'not_official', has: ['email_not_official_channel'] },
  { name: 'subdomain of the official domain', input: { email: 'alerts@welcome.americanexpress.com' }, verdict: 'official', has: ['official_email_domain'] },
  { name: 'official domain', input: { email: 'AmericanExpress@americanexpress.com' }, verdict: 'official', checked: { email: 'americanexpress@americanexpress.com' } },
  { name: 'display name on official domain', input: { email: 'American Express <no-reply@americanexpress.com>' }, verdict: 'official' },
  { name: 'mailto: link', input: { email: 'mailto:alerts@americanexpress.com' }, verdict: 'official' },
  { name: 'typo domain', input: { email: 'service@americanexpresss.com' }, verdict: 'lookalike', has: ['lookalike_domain'] },
  { name: 'brand in the mailbox name at a free provider', input: { email: 'americanexpress.alerts@gmail.com' }, verdict: 'lookalike', has: ['brand_in_address', 'free_email_provider'] },
  { name: 'brand as display name only', input: { email: 'American Express <security@mail-verify.net>' }, verdict: 'lookalike', has: ['brand_in_address'] },
  { name: 'unrelated address', input: { email: 'john@example.org' }, verdict: 'not_official', has: ['domain_not_official'] },
  { name: 'other name with a hyphenated addition', input: { email: 'help@amex-support.com' }, verdict: 'lookalike', has: ['brand_in_domain'] },
  { name: 'official domain used as a subdomain', input: { email: 'noreply@americanexpress.com.account-check.ru' }, verdict: 'lookalike', has: ['brand_in_subdomain'] },
  { name: 'brand in an address comment', input: { email: 'bad@evil.net (americanexpress.com)' }, verdict: 'lookalike', has: ['brand_in_address'], checked: { email: 'bad@evil.net' } },
  { name: 'our address as the display name of another', input: { email: 'service@americanexpress.com <bad@evil.net>' }, verdict: 'lookalike', has: ['brand_in_address'] },
  { name: 'not an address', input: { email: 'notanemail' }, verdict: 'unknown', has: ['email_invalid'] },
  { name: 'no domain', input: { email: 'x@' }, verdict: 'unknown', has: ['email_invalid'] },
  { name: 'punycode homoglyph domain', input: { email: `security@${domainToASCII('аmericanexpress.com')}` }, verdict: 'lookalike', has: ['homoglyph_domain'] },
  { name: 'Unicode homoglyph domain', input: { email: 'security@americаnexpress.com' }, verdict: 'lookalike', has: ['homoglyph_domain', 'mixed_scripts'] },
];

const urls: Row[] = [
  { name: 'help page', input: { url: 'https://www.americanexpress.com/en-us/support/contacts/' }, verdict: 'official', has: ['official_domain'] },
  { name: 'bare official domain', input: { url: 'americanexpress.com' }, verdict: 'official', checked: { url: 'https://americanexpress.com/' } },
  { name: 'capitals', input: { url: 'HTTPS://WWW.AMERICANEXPRESS.COM' }, verdict: 'official' },
  { name: 'deep subdomain', input: { url: 'https://global.americanexpress.com/login' }, verdict: 'official' },
  { name: 'trailing dot', input: { url: 'https://americanexpress.com./' }, verdict: 'official' },
  { name: 'full-width letters a browser folds to ours', input: { url: 'https://ａｍｅｒｉｃａｎｅｘｐｒｅｓｓ.com' }, verdict: 'official' },
  { name: 'doubled letter', input: { url: 'americanexpresss.com' }, verdict: 'lookalike', has: ['lookalike_domain'] },
  { name: 'dropped letter', input: { url: 'amercanexpress.com' }, verdict: 'lookalike', has: ['lookalike_domain'] },
  { name: 'swapped letters', input: { url: 'https://amreicanexpress.com' }, verdict: 'lookalike', has: ['lookalike_domain'] },
  { name: 'two slips', input: { url: 'https://amercanexpres.com' }, verdict: 'lookalike', has: ['lookalike_domain'] },
  { name: 'rn for m', input: { url: 'https://arnericanexpress.com' }, verdict: 'lookalike', has: ['lookalike_domain'] },
  { name: '5 for s', input: { url: 'https://americanexpre55.com' }, verdict: 'lookalike', has: ['lookalike_domain'] },
  { name: '1 for i', input: { url: 'https://amer1canexpress.com' }, verdict: 'lookalike', has: ['lookalike_domain'] },
  { name: 'hyphen between words', input: { url: 'american-express.com' }, verdict: 'lookalike', has: ['lookalike_domain'] },
  { name: '-support addition', input: { url: 'americanexpress-support.com' }, verdict: 'lookalike', has: ['brand_in_domain'] },
  { name: 'other name -secure', input: { url: 'amex-secure.com' }, verdict: 'lookalike', has: ['brand_in_domain'] },
  { name: 'secure- prefix on a new ending', input: { url: 'https://secure-americanexpress.support' }, verdict: 'lookalike', has: ['brand_in_domain'] },
  { name: 'www- prefix', input: { url: 'www-americanexpress.com' }, verdict: 'lookalike', has: ['brand_in_domain'] },
  { name: 'other name with my-', input: { url: 'https://my-amex.net' }, verdict: 'lookalike', has: ['brand_in_domain'] },
  { name: 'other name glued to a word', input: { url: 'https://amexrewards.club/claim' }, verdict: 'lookalike', has: ['brand_in_domain'] },
  { name: 'other name alone', input: { url: 'amex.com' }, verdict: 'lookalike', has: ['brand_in_domain'] },
  { name: 'ticker symbol as a name', input: { url: 'https://www.axp.com' }, verdict: 'lookalike', has: ['brand_in_domain'] },
  { name: 'official domain as a subdomain', input: { url: 'https://americanexpress.com.secure-login.net' }, verdict: 'lookalike', has: ['brand_in_subdomain'] },
  { name: 'www and official domain as a subdomain', input: { url: 'https://www.americanexpress.com.evil.com/' }, verdict: 'lookalike', has: ['brand_in_subdomain'] },
  { name: 'name before a hyphenated domain', input: { url: 'https://login.americanexpress.com-verify.info/' }, verdict: 'lookalike', has: ['brand_in_subdomain'] },
  { name: 'name as subdomain of a new ending', input: { url: 'https://americanexpress.com-secure.xyz' }, verdict: 'lookalike', has: ['brand_in_subdomain'] },
  { name: '.co instead of .com', input: { url: 'https://americanexpress.co' }, verdict: 'lookalike', has: ['tld_swap'] },
  { name: '.net instead of .com', input: { url: 'americanexpress.net' }, verdict: 'lookalike', has: ['tld_swap'] },
  { name: 'country ending', input: { url: 'americanexpress.co.uk' }, verdict: 'lookalike', has: ['tld_swap'] },
  { name: '.com.co public suffix', input: { url: 'https://secure.americanexpress.com.co' }, verdict: 'lookalike', has: ['tld_swap'] },
  { name: 'our domain before @', input: { url: 'https://americanexpress.com@evil.tld' }, verdict: 'lookalike', has: ['credentials_in_url'], checked: { url: 'https://evil.tld/' } },
  { name: 'user and password before @', input: { url: 'https://user:pass@example.com' }, verdict: 'suspicious', has: ['credentials_in_url'] },
  { name: 'backslash trick goes to the first host', input: { url: 'https://evil.com\\@americanexpress.com' }, verdict: 'lookalike', has: ['brand_in_path'], hasNot: ['official_domain'] },
  { name: 'IP host with our name in the path', input: { url: 'http://192.168.10.5/amex/login' }, verdict: 'lookalike', has: ['ip_address_host', 'brand_in_path', 'not_https'] },
  { name: 'IP host', input: { url: 'http://203.0.113.7/verify' }, verdict: 'suspicious', has: ['ip_address_host', 'not_https'] },
  { name: 'hex IP host', input: { url: 'http://0x7f.0.0.1/' }, verdict: 'suspicious', has: ['ip_address_host'] },
  { name: 'IPv6 host', input: { url: 'https://[2001:db8::1]/' }, verdict: 'suspicious', has: ['ip_address_host'] },
  { name: 'official domain over http', input: { url: 'http://www.americanexpress.com/' }, verdict: 'suspicious', has: ['not_https', 'official_domain'] },
  { name: 'official domain on an odd port', input: { url: 'https://americanexpress.com:8443/' }, verdict: 'suspicious', has: ['unusual_port'] },
  { name: 'link shortener', input: { url: 'https://bit.ly/3xYz9' }, verdict: 'unknown', has: ['url_shortener'], hasNot: ['domain_not_official'] },
  { name: 'link shortener with our name', input: { url: 'https://tinyurl.com/amex-refund' }, verdict: 'lookalike', has: ['url_shortener', 'brand_in_path'] },
  { name: 'javascript: link', input: { url: 'javascript:alert(1)' }, verdict: 'suspicious', has: ['unsafe_scheme'] },
  { name: 'open redirect on our site', input: { url: 'https://www.americanexpress.com/redirect?url=https://evil.tld/' }, verdict: 'suspicious', has: ['redirect_to_other_site'] },
  { name: 'our name in the path of another site', input: { url: 'https://example.com/americanexpress/login' }, verdict: 'lookalike', has: ['brand_in_path'] },
  { name: 'unrelated site', input: { url: 'https://example.com' }, verdict: 'not_official', has: ['domain_not_official'] },
  { name: 'unrelated site with path', input: { url: 'https://www.wikipedia.org/wiki/Credit_card' }, verdict: 'not_official' },
  { name: 'word that contains the other name', input: { url: 'https://gamexchange.com' }, verdict: 'not_official', hasNot: ['brand_in_domain'] },
  { name: 'word that contains the ticker', input: { url: 'https://waxpaper.com' }, verdict: 'not_official' },
  { name: 'half of our name', input: { url: 'https://americanairlines.com' }, verdict: 'not_official' },
  { name: 'all-Cyrillic IDN unlike us', input: { url: `https://${domainToASCII('аррӏе.com')}` }, verdict: 'not_official', has: ['internationalized_domain'] },
  { name: 'single-label host over http', input: { url: 'http://localhost/' }, verdict: 'suspicious', has: ['no_registrable_domain', 'not_https'] },
  { name: 'not a URL', input: { url: 'http://' }, verdict: 'unknown', has: ['url_invalid'] },
];

// Every single-letter homoglyph of our name, as punycode and as Unicode: Cyrillic а е р с х і, Greek α ρ ι ε.
const HOMOGLYPHS: Array<[string, string]> = [
  ['a', 'а'], ['e', 'е'], ['p', 'р'], ['c', 'с'], ['x', 'х'], ['i', 'і'], ['a', 'α'], ['p', 'ρ'], ['i', 'ι'], ['e', 'ε'], ['s', 'ѕ'], ['n', 'п'],
];
const idn: Row[] = HOMOGLYPHS.flatMap(([latin, glyph]) => {
  const spoof = `${'americanexpress'.replace(latin, glyph)}.com`;
  return [
    { name: `punycode with ${glyph} for ${latin}`, input: { url: `https://${domainToASCII(spoof)}/login` }, verdict: 'lookalike' as Verdict, has: ['homoglyph_domain' as ReasonCode] },
    { name: `Unicode with ${glyph} for ${latin}`, input: { url: `${spoof}` }, verdict: 'lookalike' as Verdict, has: ['homoglyph_domain' as ReasonCode, 'mixed_scripts' as ReasonCode] },
  ];
});
idn.push(
  { name: 'every Cyrillic look-alike at once', input: { url: `https://${domainToASCII('аmеrісаnехрrеss.com')}` }, verdict: 'lookalike', has: ['homoglyph_domain'] },
  { name: 'homoglyph plus an addition', input: { url: `https://${domainToASCII('аmех-secure.com')}` }, verdict: 'lookalike', has: ['brand_in_domain'] },
  { name: 'accented letter', input: { url: 'https://américanexpress.com' }, verdict: 'lookalike', has: ['homoglyph_domain'] },
);

const texts: Row[] = [
  {
    name: 'suspension, secrets, pressure and a look-alike link',
    input: { text: 'Your account has been suspended. Verify your card number and CVV at http://amex-secure.com within 24 hours.' },
    verdict: 'suspicious',
    has: ['threatens_account', 'asks_for_card_number', 'asks_for_security_code', 'urgency_pressure', 'brand_in_domain', 'not_https'],
  },
  { name: 'one-time code', input: { text: 'Reply with the code we just sent you to cancel the transaction.' }, verdict: 'suspicious', has: ['asks_for_one_time_code'] },
  { name: 'PIN', input: { text: 'Enter your PIN at the link below to unlock your card.' }, verdict: 'suspicious', has: ['asks_for_pin'] },
  { name: 'password', input: { text: 'To restore access, confirm your online banking password.' }, verdict: 'suspicious', has: ['asks_for_password'] },
  { name: 'code told to a third party', input: { text: 'Tell the agent the 6-digit code we text you.' }, verdict: 'suspicious', has: ['asks_for_one_time_code'] },
  { name: 'billing details list', input: { text: 'Kindly update your billing details: card number, CVV, expiry.' }, verdict: 'suspicious', has: ['asks_for_card_number'] },
  { name: 'final notice and a near-miss number', input: { text: 'Final notice: your account will be closed unless you call 1-800-528-4801 immediately.' }, verdict: 'suspicious', has: ['urgency_pressure', 'threatens_account', 'phone_near_miss'] },
  { name: 'gift cards', input: { text: 'Buy two $500 Apple gift cards and send us the codes on the back.' }, verdict: 'suspicious', has: ['asks_for_gift_cards'] },
  { name: 'safe account', input: { text: 'Move your savings to a safe account we opened for you.' }, verdict: 'suspicious', has: ['asks_to_move_money'] },
  { name: 'remote access', input: { text: 'Please install AnyDesk so our technician can fix your account.' }, verdict: 'suspicious', has: ['asks_to_install_remote_access'] },
  { name: 'crypto', input: { text: 'Pay the release fee in bitcoin to unlock your refund.' }, verdict: 'suspicious', has: ['asks_for_unusual_payment'] },
  { name: 'prize and a branded domain', input: { text: 'Congratulations, you have won a $1,000 reward! Claim your prize at amex-rewards.club' }, verdict: 'suspicious', has: ['too_good_to_be_true', 'brand_in_domain'] },
  { name: 'personal data', input: { text: 'Reply with your Social Security number and date of birth to verify.' }, verdict: 'suspicious', has: ['asks_for_personal_data'], hasNot: ['asks_for_security_code'] },
  { name: 'homoglyph text and link', input: { text: 'Ꭺccount ѕuspended. Verify your іdentity at https://аmericanexpress.com/verify' }, verdict: 'suspicious', has: ['threatens_account', 'homoglyph_domain'] },
  { name: 'zero-width characters inside words', input: { text: 'Your a\u200bccount will be s\u200buspended today.' }, verdict: 'suspicious', has: ['threatens_account'] },
  { name: 'branded mailbox in the text', input: { text: 'Send your details to americanexpress.verify@gmail.com' }, verdict: 'suspicious', has: ['brand_in_address'] },
  { name: 'credentials trick in the text', input: { text: 'Log in: https://americanexpress.com@evil.tld/login' }, verdict: 'suspicious', has: ['credentials_in_url'] },
  { name: 'shortened link in the text', input: { text: 'Track your package: https://bit.ly/3abc' }, verdict: 'suspicious', has: ['url_shortener'] },
  { name: 'bare branded domain in the text', input: { text: 'Visit americanexpress-rewards.com today' }, verdict: 'suspicious', has: ['brand_in_domain'] },
  { name: 'Caribbean callback number', input: { text: 'Unusual activity was detected. Call +1 (876) 555-0143 now to avoid suspension.' }, verdict: 'suspicious', has: ['phone_looks_domestic', 'threatens_account'] },
  { name: 'digits for letters and another toll-free code', input: { text: 'Y0ur acc0unt is susp3nded. Call 888-528-4800' }, verdict: 'suspicious', has: ['threatens_account', 'phone_near_miss'] },
  { name: 'blocked card and a branded subdomain', input: { text: 'Your Amex card is blocked. Unlock it: amex.com-unlock.info' }, verdict: 'suspicious', has: ['threatens_account', 'brand_in_subdomain'] },
  { name: 'wire transfer by a relative', input: { text: "I'm in trouble and need you to wire $2,000 via Western Union today. Don't tell mom." }, verdict: 'suspicious', has: ['asks_for_unusual_payment'] },
  { name: 'tax threat paid in store cards', input: { text: 'IRS notice: you owe back taxes. Pay with Google Play cards or face arrest.' }, verdict: 'suspicious', has: ['asks_for_gift_cards', 'threatens_account'] },
  { name: 'official links only', input: { text: 'Your statement is ready. View it at https://www.americanexpress.com/ or call 1-800-528-4800.' }, verdict: 'official', has: ['official_domain', 'official_phone'] },
  { name: 'charge notice with our number', input: { text: "Your card ending in 1234 was charged $45.00 at a coffee shop. If this wasn't you, call 1-800-528-4800." }, verdict: 'official' },
  { name: 'a code we sent with a warning not to share it', input: { text: "Your one-time code is 123456. Don't share it with anyone. We will never call you to ask for it." }, verdict: 'unknown', hasNot: ['asks_for_one_time_code'] },
  { name: 'sign-in advice on our domain', input: { text: 'To dispute a charge, sign in to your account at americanexpress.com' }, verdict: 'official' },
  { name: 'nothing to check', input: { text: 'Thanks for being a card member. Your payment was received.' }, verdict: 'unknown', has: ['no_warning_signs'] },
  { name: 'our own warning', input: { text: 'We will never ask for your PIN or CVV. If in doubt, call the number on the back of your card.' }, verdict: 'unknown', hasNot: ['asks_for_pin', 'asks_for_security_code'] },
  { name: 'negated money request', input: { text: 'We will never ask you to move money to a safe account or buy gift cards.' }, verdict: 'unknown' },
  { name: 'sentences without a space are not a domain', input: { text: 'Hello.Click here to see your statement.' }, verdict: 'unknown' },
  { name: 'card number typed into a message', input: { text: 'My card 4111-1111-1111-1111 was declined' }, verdict: 'unknown', has: ['card_data_in_message'] },
];

const combined: Row[] = [
  { name: 'official phone, look-alike link', input: { phone: '1-800-528-4800', url: 'americanexpresss.com' }, verdict: 'lookalike' },
  { name: 'official phone and address', input: { phone: '1-800-528-4800', email: 'alerts@americanexpress.com' }, verdict: 'official' },
  { name: 'official sender asking for a PIN', input: { email: 'alerts@americanexpress.com', text: 'Reply with your PIN to keep your card active.' }, verdict: 'suspicious', has: ['asks_for_pin', 'official_email_domain'] },
  { name: 'shortener and official phone', input: { url: 'https://bit.ly/x', phone: '1-800-528-4800' }, verdict: 'unknown' },
  { name: 'blank fields are ignored', input: { phone: '   ', url: 'americanexpress.com' }, verdict: 'official', checked: { url: 'https://americanexpress.com/' } },
];

function run(rows: Row[], using: IssuerProfile = profile) {
  for (const row of rows) {
    it(`${row.name}: ${JSON.stringify(row.input).slice(0, 90)} → ${row.verdict}`, () => {
      const result = checkScam(row.input, using);
      const codes = result.reasons.map((r) => r.code);
      assert.equal(result.verdict, row.verdict, `reasons: ${JSON.stringify(result.reasons, null, 1)}`);
      for (const code of row.has ?? []) assert.ok(codes.includes(code), `expected ${code} in ${codes.join(', ')}`);
      for (const code of row.hasNot ?? []) assert.ok(!codes.includes(code), `did not expect ${code} in ${codes.join(', ')}`);
      if (row.checked) assert.deepEqual(result.checked, row.checked);
      assert.ok(result.reasons.length > 0, 'every answer gives a reason');
      for (const r of result.reasons) assert.ok(r.message.length > 10 && !/undefined|null|\[object/.test(r.message), r.message);
      assert.match(result.whatToDo.hotline.phone, /^\+\d+$/);
    });
  }
}

describe('checkScam: phone numbers', () => run(phones));
describe('checkScam: e-mail addresses', () => run(emails));
describe('checkScam: web addresses', () => run(urls));
describe('checkScam: internationalized and homoglyph domains', () => run(idn));
describe('checkScam: pasted messages', () => run(texts));
describe('checkScam: several fields', () => run(combined));

// Another issuer, to show nothing above is tied to the default profile: a UK bank with "w" and "o" in its name.
const westfield: IssuerProfile = {
  ...profile,
  issuer: { ...profile.issuer, name: 'Westfield Co-operative', alsoKnownAs: ['Westfield', 'WFC'], country: 'GB', timeZone: 'Europe/London' },
  officialDomains: ['westfieldcoop.co.uk', 'westfield-cards.com'],
  productLines: [{ ...profile.productLines[0]!, hotline: { phone: '+442079460000', display: '020 7946 0000' } }],
  emailAddresses: [],
};
describe('checkScam: another issuer profile', () =>
  run(
    [
      { name: 'national format in the issuer country', input: { phone: '020 7946 0000' }, verdict: 'official' },
      { name: 'one digit off in the issuer country', input: { phone: '020 7946 0001' }, verdict: 'lookalike', has: ['phone_near_miss'] },
      { name: 'second official domain', input: { url: 'https://online.westfield-cards.com' }, verdict: 'official' },
      { name: 'vv for w', input: { url: 'https://vvestfieldcoop.co.uk' }, verdict: 'lookalike', has: ['lookalike_domain'] },
      { name: '0 for o', input: { url: 'https://westfieldc00p.co.uk' }, verdict: 'lookalike', has: ['lookalike_domain'] },
      { name: 'l swapped for 1', input: { url: 'https://westfie1dcoop.co.uk' }, verdict: 'lookalike', has: ['lookalike_domain'] },
      { name: 'Greek omicron', input: { url: 'https://westfieldcοop.co.uk' }, verdict: 'lookalike', has: ['homoglyph_domain'] },
      { name: 'other ending', input: { url: 'westfieldcoop.com' }, verdict: 'lookalike', has: ['tld_swap'] },
      { name: 'short other name as a word', input: { url: 'https://wfc-login.net' }, verdict: 'lookalike', has: ['brand_in_domain'] },
      { name: 'the old brand in a text', input: { text: 'Westfield security: confirm your PIN at westfield-secure.net within 2 hours' }, verdict: 'suspicious', has: ['asks_for_pin', 'brand_in_domain', 'urgency_pressure'] },
    ],
    westfield,
  ));

describe('checkScam never echoes a card number', () => {
  const PAN = '4111111111111111';
  const inputs: ScamCheckInput[] = [
    { text: `Your card ${PAN} is blocked. Reply with CVV 123 to unblock: https://evil.example/u?c=${PAN}` },
    { text: 'Card 4111 1111 1111 1111 exp 12/27 was used. Call 1-800-528-4800.' },
    { text: 'Card ４１１１ １１１１ １１１１ １１１１ needs verification.' },
    { url: `https://evil.example/verify/${PAN}` },
    { url: `https://evil.example/verify/4111%201111%201111%201111` },
    { url: `https://${PAN}@evil.example/` },
    { email: `${PAN}@evil.example` },
    { phone: PAN },
    { phone: '4111-1111-1111-1111' },
  ];
  for (const input of inputs) {
    it(`hides the card number in ${JSON.stringify(input).slice(0, 70)}`, () => {
      const json = JSON.stringify(checkScam(input, profile));
      const digits = json.normalize('NFKC').replace(/[\s-]|%20/g, '');
      assert.ok(!digits.includes('4111111111111111'), json);
      assert.ok(!/[0-9]{13,19}/.test(digits.replace(/\+1[0-9]{10}/g, '')), json);
    });
  }
});
