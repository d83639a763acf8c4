import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, problem, type TestApp } from '../../../test/helpers.ts';

describe('GET /api/v1/directory/route', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  const route = (q: string) => t.app.inject({ method: 'GET', url: `/api/v1/directory/route?q=${encodeURIComponent(q)}` });

  it('answers the product line, hotline, hours and why without sign-in', async () => {
    const res = await route('my corporate card was declined abroad');
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.productLine, 'corporate');
    assert.equal(body.name, 'Corporate Cards');
    assert.deepEqual(body.hotline, { phone: '+18005282122', display: '+1-800-528-2122' });
    assert.equal(body.hours.type, 'always');
    assert.equal(body.basis, 'product_named');
    assert.match(body.why, /corporate/);
    assert.ok(body.confidence >= 0.9 && body.confidence <= 1);
    assert.ok(Array.isArray(body.alternatives));
  });

  it('recognises a topic and suggests its help articles', async () => {
    const body = (await route('I left my wallet in a taxi last night')).json();
    assert.deepEqual([body.productLine, body.basis, body.topic.label], ['personal', 'topic', 'card_lost_stolen']);
    assert.ok(body.articles.some((a: { slug: string; url: string }) => a.url === `/help/${a.slug}`));
  });

  it('sends the gift card question to the gift card line', async () => {
    const body = (await route('gift card balance')).json();
    assert.deepEqual([body.productLine, body.hotline.display], ['gift_card', '+1-877-297-4438']);
  });

  const bad: Array<[string, string]> = [
    ['an empty question', ''],
    ['a blank question', '   '],
    ['a question over 300 characters', 'a'.repeat(301)],
  ];
  for (const [name, q] of bad) {
    it(`answers ${name} with a 400 naming the limit`, async () => {
      const res = await route(q);
      assert.equal(res.statusCode, 400);
      assert.match(problem(res).detail ?? '', /300 characters/);
    });
  }

  it('answers a missing q with a 400', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/directory/route' })).statusCode, 400);
  });
});
