import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';

type Ld = Record<string, unknown> & { '@type': string };

function jsonLd(html: string): Ld[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Ld);
}

function meta(html: string, name: string): string | undefined {
  return new RegExp(`<meta name="${name}" content="([^"]*)">`).exec(html)?.[1];
}

describe('help center pages', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp({ env: { PUBLIC_URL: 'https://help.example.com' } });
  });
  after(() => t.close());

  it('renders an article with title, meta description, canonical URL and one h1', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/help/talk-to-a-live-person' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
    const html = res.body;
    assert.match(html, /<title>How do I talk to a live person\? \| American Express Help Center<\/title>/);
    assert.match(meta(html, 'description') ?? '', /^The fastest ways to reach a real representative/);
    assert.match(html, /<link rel="canonical" href="https:\/\/help\.example\.com\/help\/talk-to-a-live-person">/);
    assert.equal(html.match(/<h1[ >]/g)?.length, 1);
    assert.match(html, /<main id="main"/);
    assert.match(html, /<html lang="en">/);
    assert.match(String(res.headers['content-security-policy']), /script-src 'sha256-[^']+'/);
    assert.doesNotMatch(String(res.headers['content-security-policy']), /unsafe-inline/);
  });

  it('carries FAQPage and a ContactPoint for every hotline in the profile as JSON-LD', async () => {
    const html = (await t.app.inject({ method: 'GET', url: '/help/account-on-hold' })).body;
    const ld = jsonLd(html);
    const faq = ld.find((d) => d['@type'] === 'FAQPage') as unknown as { mainEntity: Array<{ name: string; acceptedAnswer: { text: string } }> };
    assert.ok(faq, 'FAQPage present');
    assert.ok(faq.mainEntity.length >= 3);
    assert.ok(faq.mainEntity.some((q) => q.name === 'Why is my account on hold?'));
    assert.ok(faq.mainEntity.every((q) => q.acceptedAnswer.text.length > 0 && !q.acceptedAnswer.text.includes('{{')));
    const org = ld.find((d) => d['@type'] === 'Organization') as unknown as { name: string; contactPoint: Array<Record<string, unknown>> };
    assert.equal(org.name, 'American Express');
    assert.equal(org.contactPoint.length, 9);
    assert.deepEqual(
      org.contactPoint.map((c) => c.telephone),
      t.profile.productLines.map((l) => l.hotline.display),
    );
    for (const point of org.contactPoint) {
      assert.equal(point['@type'], 'ContactPoint');
      assert.equal(point.areaServed, 'US');
      assert.match(String(point.contactType), /customer service$/);
      assert.ok(Array.isArray(point.hoursAvailable));
    }
    assert.ok(ld.some((d) => d['@type'] === 'BreadcrumbList'));
  });

  it('ends every article with the human path: secure message, the topic\u2019s hotline with hours, a callback', async () => {
    const rewards = (await t.app.inject({ method: 'GET', url: '/help/rewards-points-not-posted' })).body;
    const human = rewards.slice(rewards.indexOf('id="human-path"'));
    assert.match(human, /<a href="\/messages\/new">Send a secure message/);
    assert.match(human, /<a href="tel:\+18002973276">Call Membership Rewards: \+1-800-297-3276<span>Open 24 hours a day, 7 days a week\.<\/span>/);
    assert.match(human, /<a href="\/callbacks\/new">Ask us to call you back/);
    const fraud = (await t.app.inject({ method: 'GET', url: '/help/fraud-alerts-and-declined-cards' })).body;
    assert.match(fraud.slice(fraud.indexOf('id="human-path"')), /Call Personal Cards: \+1-800-528-4800/);
  });

  it('lists every hotline from the profile on the contact page, and the regulator\u2019s link on the complaints page', async () => {
    const contact = (await t.app.inject({ method: 'GET', url: '/help/contact-us' })).body;
    for (const line of t.profile.productLines) assert.ok(contact.includes(`<a href="tel:${line.hotline.phone}">${line.hotline.display}</a>`), line.id);
    assert.match(contact, /customer\.service@americanexpress\.com<\/strong> \u2014 not an official support address/);
    const complaints = (await t.app.inject({ method: 'GET', url: '/help/escalation-and-complaints' })).body;
    assert.match(complaints, /<a href="https:\/\/www\.consumerfinance\.gov\/complaint\/">/);
  });

  it('lists the topics on /help with a search form that works without JavaScript', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/help' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<form class="search" role="search" action="\/help" method="get">/);
    assert.match(res.body, /<label for="help-q">Search the help center<\/label>/);
    assert.match(res.body, /<a href="\/help\/dispute-a-charge">How to dispute a charge<\/a>/);
    assert.match(res.body, /<link rel="canonical" href="https:\/\/help\.example\.com\/help">/);
    assert.equal(res.body.match(/<h1[ >]/g)?.length, 1);
  });

  it('answers GET /help?q= with ranked results on the page, not indexed', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/help?q=why+is+my+account+on+hold' });
    assert.equal(res.statusCode, 200);
    const first = /<ul class="results"><li><a href="([^"]+)"/.exec(res.body)?.[1];
    assert.equal(first, '/help/account-on-hold');
    assert.match(res.body, /<mark>hold<\/mark>/);
    assert.match(meta(res.body, 'robots') ?? '', /noindex/);
    assert.match(res.body, /value="why is my account on hold"/);
  });

  it('escapes the query echoed on the results page', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/help?q=${encodeURIComponent('"><script>alert(1)</script>')}` });
    assert.equal(res.statusCode, 200);
    assert.ok(!res.body.includes('<script>alert(1)'));
    assert.match(res.body, /value="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
  });

  it('answers an over-long search on the page with a 400 that names the limit', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/help?q=${'a'.repeat(201)}` });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /200 characters or fewer/);
  });

  it('answers an unknown or unpublished article with a 404 page that still offers search and a person', async () => {
    for (const url of ['/help/no-such-article', '/help/NOT_A_SLUG']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 404, url);
      assert.match(res.body, /We could not find that page/);
      assert.match(res.body, /Send a secure message/);
    }
    const slash = await t.app.inject({ method: 'GET', url: '/help/' });
    assert.equal(slash.statusCode, 301);
    assert.equal(slash.headers.location, '/help');
  });

  it('lists /help and every published article in sitemap.xml, and points robots.txt at it', async () => {
    const sitemap = await t.app.inject({ method: 'GET', url: '/sitemap.xml' });
    assert.equal(sitemap.statusCode, 200);
    assert.match(String(sitemap.headers['content-type']), /^application\/xml/);
    const locs = [...sitemap.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const published = (await t.app.inject({ method: 'GET', url: '/api/v1/help/articles' })).json().items as Array<{ slug: string }>;
    assert.deepEqual(locs, ['https://help.example.com/help', ...published.map((a) => `https://help.example.com/help/${a.slug}`)]);
    assert.ok(published.length >= 12);
    const robots = await t.app.inject({ method: 'GET', url: '/robots.txt' });
    assert.match(robots.body, /^Sitemap: https:\/\/help\.example\.com\/sitemap\.xml$/m);
    assert.match(robots.body, /^Disallow: \/api\/$/m);
  });

  it('records "Was this helpful?" from the form without JavaScript and says thank you', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/help/refund-not-showing/feedback',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'helpful=no&comment=It+did+not+say+how+long+for+card+4111+1111+1111+1111',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/help/refund-not-showing?feedback=thanks#feedback');
    const row = await t.database.db.selectFrom('help_article_feedback').selectAll().where('slug', '=', 'refund-not-showing').executeTakeFirstOrThrow();
    assert.equal(row.helpful, false);
    assert.ok(row.comment?.startsWith('It did not say how long'));
    assert.ok(!row.comment?.includes('4111 1111 1111 1111'), 'the card number is masked before it is stored');
    const thanks = await t.app.inject({ method: 'GET', url: res.headers.location as string });
    assert.match(thanks.body, /Thank you\. Your answer helps us improve this article\./);
  });
});
