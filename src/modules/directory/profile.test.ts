import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { loadProfile, parseProfile, ProfileError } from './load-profile.ts';

const DEFAULT = 'config/issuer-profile.json';
const raw = () => JSON.parse(readFileSync(DEFAULT, 'utf8'));

describe('issuer profile', () => {
  it('reproduces the whole directory of the seed document', () => {
    const p = loadProfile(DEFAULT);
    const hotlines = Object.fromEntries(p.productLines.map((l) => [l.id, l.hotline.display]));
    assert.deepEqual(hotlines, {
      personal: '+1-800-528-4800',
      small_business: '+1-800-492-3344',
      corporate: '+1-800-528-2122',
      platinum: '+1-800-492-3932',
      rewards: '+1-800-297-3276',
      prepaid: '+1-800-954-0559',
      gift_card: '+1-877-297-4438',
      merchant_services: '+1-800-528-5200',
      savings: '+1-800-446-6307',
    });
    assert.ok(p.productLines.every((l) => l.hours.type === 'always'), 'the seed lists every hotline as 24/7');
    const addresses = p.mailingAddresses.map((a) => `${a.lines.join(', ')}, ${a.city}, ${a.region} ${a.postalCode}`);
    assert.deepEqual(addresses, ['American Express, P.O. Box 981535, El Paso, TX 79998-1535', 'American Express, 200 Vesey Street, New York, NY 10285-3106']);
    const preferred = p.writtenChannels.filter((c) => c.preferred);
    assert.deepEqual(preferred.map((c) => c.name), ['Secure Message Center']);
    const complaint = p.emailAddresses.find((e) => e.address === 'customer.service@americanexpress.com');
    assert.equal(complaint?.official, false);
    assert.equal(p.regulator.complaintUrl, 'https://www.consumerfinance.gov/complaint/');
    assert.ok(p.officialWebPages.some((w) => w.url === 'https://www.americanexpress.com/en-us/support/contacts/'));
    assert.deepEqual(p.apps.map((a) => a.store), ['Apple App Store', 'Google Play']);
  });

  const broken: Array<[string, (p: ReturnType<typeof raw>) => void, RegExp]> = [
    ['a hotline that is not E.164', (p) => (p.productLines[2].hotline.phone = '800-528-2122'), /productLines\[2\]\.hotline\.phone/],
    ['a missing regulator URL', (p) => delete p.regulator.complaintUrl, /regulator: .*complaintUrl/],
    ['an unknown field', (p) => (p.issuer.colour = 'blue'), /issuer: .*colour/],
    ['a card product on an unknown line', (p) => (p.cardProducts[0].productLine = 'yachts'), /cardProducts\[0\]\.productLine: no product line "yachts"/],
    ['two preferred written channels', (p) => p.writtenChannels.push({ ...p.writtenChannels[0], id: 'letters' }), /exactly one channel/],
    ['an unofficial domain marked official', (p) => (p.emailAddresses[0].address = 'help@amex-support.com'), /emailAddresses\[0\]\.address: marked official|official/],
    ['an unknown time zone', (p) => (p.issuer.timeZone = 'Mars/Olympus'), /issuer\.timeZone/],
  ];
  for (const [name, mutate, expected] of broken) {
    it(`stops on ${name}, naming the field`, () => {
      const p = raw();
      mutate(p);
      if (name.includes('official domain')) p.emailAddresses[0].official = true;
      assert.throws(() => parseProfile(p), (error: Error) => {
        assert.ok(error instanceof ProfileError);
        assert.match(error.message, expected);
        return true;
      });
    });
  }

  it('names an unreadable or non-JSON file', () => {
    assert.throws(() => loadProfile('config/nope.json'), /Cannot read the issuer profile/);
    assert.throws(() => loadProfile('package-lock.json.missing'), ProfileError);
  });
});
