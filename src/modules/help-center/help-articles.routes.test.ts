import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, problem, type Session, signIn, type TestApp } from '../../../test/helpers.ts';

const NEW_ARTICLE = {
  slug: 'gift-card-balance',
  title: 'Check a gift card balance',
  summary: 'How to see what is left on a gift card, and who to call if it does not work.',
  body: 'Call {{phone:gift_card}} ({{hours:gift_card}}) to hear the balance.',
  faq: [{ q: 'How do I check my gift card balance?', a: 'Call {{phone:gift_card}}.' }],
  keywords: 'gift card, balance',
  productLine: 'gift_card',
  status: 'published',
};

describe('help articles API (editors) and feedback', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  let cardholder: Session;
  before(async () => {
    t = await buildTestApp();
    admin = await signIn(t, 'admin@example.com');
    agent = await signIn(t, 'agent@example.com');
    cardholder = await signIn(t, 'cardholder@example.com');
  });
  after(() => t.close());

  const get = (url: string, session?: Session) => t.app.inject({ method: 'GET', url, headers: session?.headers });

  it('lists published articles to anyone, in page order', async () => {
    const res = await get('/api/v1/help/articles');
    assert.equal(res.statusCode, 200);
    const items = res.json().items as Array<{ slug: string; status: string }>;
    assert.equal(items[0]?.slug, 'contact-us');
    assert.ok(items.every((i) => i.status === 'published'));
    assert.equal((await get('/api/v1/help/articles?status=draft')).statusCode, 401);
    assert.equal((await get('/api/v1/help/articles?status=all', agent)).statusCode, 403);
  });

  it('lets only help editors create articles', async () => {
    for (const [session, status] of [[undefined, 401], [cardholder, 403], [agent, 403]] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/help/articles', headers: session?.headers, payload: NEW_ARTICLE });
      assert.equal(res.statusCode, status);
    }
  });

  it('creates an article as version 1, renders it from the profile, and refuses the slug twice', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/help/articles', headers: admin.headers, payload: NEW_ARTICLE });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(body.version, 1);
    assert.equal(res.headers.location, '/api/v1/help/articles/gift-card-balance');
    assert.match(body.bodyHtml, /<a href="tel:\+18772974438">\+1-877-297-4438<\/a>/);
    assert.equal(body.editor.authorName, 'Alex Kim');
    const page = await get('/help/gift-card-balance');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Call Gift Cards: \+1-877-297-4438/);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/help/articles', headers: admin.headers, payload: NEW_ARTICLE });
    assert.equal(again.statusCode, 409);
    const found = await t.app.inject({ method: 'GET', url: '/api/v1/help/search?q=gift+card+balance' });
    assert.equal(found.json().items[0].slug, 'gift-card-balance');
  });

  it('finds a word that is new to the help center at once, spelled right or wrong', async () => {
    assert.equal((await get('/api/v1/help/search?q=annual+fee')).statusCode, 200, 'the lexicon is loaded before the new word exists');
    const article = { ...NEW_ARTICLE, slug: 'zephyrine-vouchers', title: 'Zephyrine travel vouchers', summary: 'How Zephyrine vouchers work.' };
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/help/articles', headers: admin.headers, payload: article })).statusCode, 201);
    for (const q of ['zephyrine', 'zephyrin vouchers']) {
      const items = (await get(`/api/v1/help/search?q=${encodeURIComponent(q)}`)).json().items as Array<{ slug: string }>;
      assert.equal(items[0]?.slug, 'zephyrine-vouchers', q);
    }
  });

  it('keeps a draft off the public pages, the list and search, but shows it to editors', async () => {
    const draft = { ...NEW_ARTICLE, slug: 'draft-only', title: 'Quasar nimbostratus programme', status: 'draft' };
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/help/articles', headers: admin.headers, payload: draft })).statusCode, 201);
    assert.equal((await get('/help/draft-only')).statusCode, 404);
    assert.equal((await get('/api/v1/help/articles/draft-only')).statusCode, 404);
    assert.equal((await get('/api/v1/help/articles/draft-only', admin)).json().status, 'draft');
    assert.deepEqual((await get('/api/v1/help/search?q=quasar+nimbostratus')).json().items, []);
    assert.ok(!(await get('/sitemap.xml')).body.includes('draft-only'));
    const drafts = (await get('/api/v1/help/articles?status=draft', admin)).json().items as Array<{ slug: string }>;
    assert.deepEqual(drafts.map((d) => d.slug), ['draft-only']);
  });

  it('saves an edit as a new version with its author, audited, and escapes a <script> in it everywhere', async () => {
    const current = (await get('/api/v1/help/articles/secure-message-center', admin)).json();
    const hostile = `${current.body}\n\n<script>alert('xss')</script> [click me](javascript:alert.call) <img src=x onerror=alert(1)>`;
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/help/articles/secure-message-center',
      headers: admin.headers,
      payload: {
        baseVersion: current.version,
        title: 'Using the Secure Message Center <script>alert(2)</script>',
        summary: current.summary,
        body: hostile,
        faq: [...current.faq, { q: 'Is <b>this</b> safe?', a: '<script>alert(3)</script> Yes.' }],
        keywords: current.keywords,
        productLine: current.productLine,
        status: 'published',
        position: current.position,
        note: 'Added a test paragraph',
      },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().version, current.version + 1);
    assert.ok(!res.json().bodyHtml.includes('<script'));

    const page = (await get('/help/secure-message-center')).body;
    assert.ok(!page.includes("<script>alert('xss')"), 'body script escaped');
    assert.ok(!page.includes('<script>alert(2)'), 'title script escaped');
    assert.ok(!page.includes('<script>alert(3)'), 'FAQ script escaped');
    assert.ok(!page.includes('<img src=x'), 'img escaped');
    assert.ok(!/href="javascript:/i.test(page), 'javascript: link dropped');
    assert.match(page, /&lt;script&gt;alert\(&#39;xss&#39;\)&lt;\/script&gt;/);
    assert.match(page, /<title>Using the Secure Message Center &lt;script&gt;alert\(2\)&lt;\/script&gt; \|/);
    const ld = [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    assert.ok(ld.every((json) => !json.includes('</script') && !json.includes('<')), 'JSON-LD cannot close its script element');
    const faq = ld.map((j) => JSON.parse(j)).find((d) => d['@type'] === 'FAQPage');
    assert.ok(faq.mainEntity.some((q: { name: string }) => q.name === 'Is <b>this</b> safe?'), 'the JSON value is intact once parsed');
    const script = /<script>([\s\S]*?)<\/script>/g;
    assert.equal([...page.matchAll(script)].length, 1, 'only our own inline script');

    const versions = await get('/api/v1/help/articles/secure-message-center/versions', admin);
    assert.equal(versions.statusCode, 200);
    const items = versions.json().items as Array<{ version: number; authorName: string | null; note: string | null; body: string }>;
    assert.deepEqual(items.map((v) => v.version), [current.version + 1, current.version]);
    assert.equal(items[0]?.authorName, 'Alex Kim');
    assert.equal(items[0]?.note, 'Added a test paragraph');
    assert.equal(items[1]?.body, current.body, 'the previous text is kept');
    assert.equal(items[1]?.authorName, null, 'starter articles have no author');

    const audit = await t.database.pool.query(
      "SELECT action, actor_role, target_id FROM audit_log WHERE target_type = 'help_article' AND target_id = 'secure-message-center' ORDER BY id",
    );
    assert.deepEqual(audit.rows, [{ action: 'help_article.update', actor_role: 'admin', target_id: 'secure-message-center' }]);
  });

  it('refuses an edit based on an old version (409) and keeps no version for an unchanged save', async () => {
    const current = (await get('/api/v1/help/articles/get-help-faster', admin)).json();
    const payload = {
      baseVersion: current.version,
      title: current.title,
      summary: current.summary,
      body: current.body,
      faq: current.faq,
      keywords: current.keywords,
      productLine: current.productLine,
      status: current.status,
      position: current.position,
    };
    const same = await t.app.inject({ method: 'PUT', url: '/api/v1/help/articles/get-help-faster', headers: admin.headers, payload });
    assert.equal(same.json().version, current.version, 'nothing changed, no new version');
    const first = await t.app.inject({ method: 'PUT', url: '/api/v1/help/articles/get-help-faster', headers: admin.headers, payload: { ...payload, summary: `${current.summary} Updated.` } });
    assert.equal(first.json().version, current.version + 1);
    const stale = await t.app.inject({ method: 'PUT', url: '/api/v1/help/articles/get-help-faster', headers: admin.headers, payload: { ...payload, title: 'Lost update' } });
    assert.equal(stale.statusCode, 409);
    assert.match(problem(stale).detail ?? '', new RegExp(`at version ${current.version + 1}, not ${current.version}`));
  });

  it('answers bad edits with 400s that name the field, and unknown articles with 404', async () => {
    const current = (await get('/api/v1/help/articles/contact-us', admin)).json();
    const base = {
      baseVersion: current.version,
      title: current.title,
      summary: current.summary,
      body: current.body,
      faq: current.faq,
      keywords: current.keywords,
      productLine: current.productLine,
      status: current.status,
      position: current.position,
    };
    const put = (payload: Record<string, unknown>, slug = 'contact-us') => t.app.inject({ method: 'PUT', url: `/api/v1/help/articles/${slug}`, headers: admin.headers, payload });
    const token = problem(await put({ ...base, body: 'Call {{phone:yachts}}' }));
    assert.equal(token.status, 400);
    assert.match(token.detail ?? '', /body has tokens the issuer profile cannot fill: \{\{phone:yachts\}\}/);
    assert.equal(problem(await put({ ...base, productLine: 'yachts' })).errors?.[0]?.field, 'productLine');
    assert.match(problem(await put({ ...base, title: 'x'.repeat(121) })).detail ?? '', /title must be at most 120 characters/);
    assert.equal(problem(await put({ ...base, colour: 'red' })).code, 'unknown_field');
    assert.equal((await put(base, 'no-such-article')).statusCode, 404);
    assert.equal((await get('/api/v1/help/articles/no-such-article/versions', admin)).statusCode, 404);
    assert.equal((await get('/api/v1/help/articles/contact-us/versions', agent)).statusCode, 403);
  });

  it('records "Was this helpful?" without sign-in, redacts the comment, and rate-limits it', async () => {
    const url = '/api/v1/help/articles/annual-fee-refund/feedback';
    const res = await t.app.inject({ method: 'POST', url, remoteAddress: '10.0.0.7', payload: { helpful: true, comment: 'Clear. My CVV is 123 by the way' } });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(res.json(), { recorded: true });
    const rows = await t.database.db.selectFrom('help_article_feedback').selectAll().where('slug', '=', 'annual-fee-refund').execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.helpful, true);
    assert.ok(!rows[0]?.comment?.includes('123'), rows[0]?.comment ?? '');
    const audit = await t.database.pool.query<{ action: string; actor_id: string | null; payload: string }>(
      "SELECT action, actor_id, payload FROM audit_log WHERE target_type = 'help_article' AND target_id = 'annual-fee-refund'",
    );
    assert.deepEqual(audit.rows.map((r) => [r.action, r.actor_id]), [['help_feedback.create', null]]);
    assert.ok(!audit.rows[0]!.payload.includes('Clear.'), 'the comment stays out of the audit log');
    const counts = (await get('/api/v1/help/articles/annual-fee-refund', admin)).json().editor.feedback;
    assert.deepEqual(counts, { helpful: 1, notHelpful: 0 });

    assert.equal((await t.app.inject({ method: 'POST', url, remoteAddress: '10.0.0.7', payload: { helpful: 'yes' } })).statusCode, 400);
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/help/articles/draft-only/feedback', remoteAddress: '10.0.0.7', payload: { helpful: true } })).statusCode, 404);
    let limited = 0;
    for (let i = 0; i < 25; i++) {
      const r = await t.app.inject({ method: 'POST', url, remoteAddress: '10.0.0.8', payload: { helpful: false } });
      if (r.statusCode === 429) limited++;
    }
    assert.equal(limited, 5, 'the 21st and later answers from one address within a minute are refused');
  });
});
