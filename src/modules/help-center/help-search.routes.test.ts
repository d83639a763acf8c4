import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, problem, type TestApp } from '../../../test/helpers.ts';

type Result = { slug: string; title: string; snippet: string; url: string };

describe('GET /api/v1/help/search', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  const search = async (q: string, extra = '') => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/help/search?q=${encodeURIComponent(q)}${extra}` });
    assert.equal(res.statusCode, 200, `${q}: ${res.body}`);
    return res.json().items as Result[];
  };

  // What cardholders type (the seed's own examples first), and the article that must come first.
  const realistic: Array<[string, string]> = [
    ['talk to a live person', 'talk-to-a-live-person'],
    ['how do I talk to a live person at amex', 'talk-to-a-live-person'],
    ['How do I talk to a live person at Amex?', 'talk-to-a-live-person'],
    ['speak to a real person', 'talk-to-a-live-person'],
    ['why is my account on hold', 'account-on-hold'],
    ['Why is my American Express account on hold?', 'account-on-hold'],
    ['refund not showing', 'refund-not-showing'],
    ['merchant says refund completed but not on statement', 'refund-not-showing'],
    ['my points didnt post', 'rewards-points-not-posted'],
    ["my points didn't post", 'rewards-points-not-posted'],
    ['Amex customer service phone number USA', 'contact-us'],
    ['American Express dispute charge help', 'dispute-a-charge'],
    ['card declined', 'fraud-alerts-and-declined-cards'],
    ['someone called asking for my cvv', 'scams-and-phishing'],
    ['annual fee refund after cancelling', 'annual-fee-refund'],
    ['how do I file a complaint with the cfpb', 'escalation-and-complaints'],
    ['speak to a supervisor', 'escalation-and-complaints'],
    ['is there an email address', 'secure-message-center'],
    ['send documents for verification', 'account-on-hold'],
  ];
  for (const [q, slug] of realistic) {
    it(`ranks ${slug} first for "${q}"`, async () => {
      const items = await search(q);
      assert.equal(items[0]?.slug, slug, items.map((i) => i.slug).join(', '));
    });
  }

  const typos: Array<[string, string]> = [
    ['dispoot a charge', 'dispute-a-charge'],
    ['anual fee', 'annual-fee-refund'],
    ['acount on hlod', 'account-on-hold'],
    ['rewrds pionts missing', 'rewards-points-not-posted'],
    ['fraud alrt', 'fraud-alerts-and-declined-cards'],
  ];
  for (const [q, slug] of typos) {
    it(`tolerates the typo "${q}" and still ranks ${slug} first`, async () => {
      const items = await search(q);
      assert.equal(items[0]?.slug, slug, items.map((i) => i.slug).join(', '));
    });
  }

  it('matches the word being typed as a prefix (search as you type)', async () => {
    assert.equal((await search('talk to a live pers'))[0]?.slug, 'talk-to-a-live-person');
    assert.equal((await search('secure mess'))[0]?.slug, 'secure-message-center');
  });

  it('returns slug, title, URL and a snippet with only our <mark> tags as markup', async () => {
    const [first] = await search('dispute a charge');
    assert.equal(first?.slug, 'dispute-a-charge');
    assert.equal(first?.title, 'How to dispute a charge');
    assert.equal(first?.url, '/help/dispute-a-charge');
    assert.match(first!.snippet, /<mark>dispute<\/mark>/i);
    assert.equal(first!.snippet.replace(/<\/?mark>/g, '').includes('<'), false);
  });

  it('searches titles when every word is a stop word', async () => {
    const items = await search('how do i');
    assert.ok(items.length > 0);
    assert.ok(items.every((i) => /how/i.test(i.title)), items.map((i) => i.title).join(' | '));
  });

  it('honours limit and answers nothing when nothing matches', async () => {
    assert.equal((await search('card', '&limit=2')).length, 2);
    assert.deepEqual(await search('zzzxqv'), []);
  });

  const bad: Array<[string, string, RegExp]> = [
    ['an empty query', '', /q must be 1 to 200 characters/],
    ['a blank query', '%20%20%20', /q must be 1 to 200 characters/],
    ['a query of punctuation only', '%3F%21%2A', /letter or digit/],
    ['a query over 200 characters', 'a'.repeat(201), /q must be at most 200 characters/],
  ];
  for (const [name, q, message] of bad) {
    it(`answers ${name} with a 400 naming the limit`, async () => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/help/search?q=${q}` });
      assert.equal(res.statusCode, 400);
      assert.match(problem(res).detail ?? '', message);
    });
  }

  it('answers a missing q and a limit over 20 with a 400', async () => {
    assert.match(problem(await t.app.inject({ method: 'GET', url: '/api/v1/help/search' })).detail ?? '', /q is required/);
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/help/search?q=fee&limit=21' })).statusCode, 400);
  });
});
