import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { loadProfile } from '../directory/index.ts';
import { AppError } from '../../platform/errors.ts';
import { installErrorHandling } from '../../platform/http.ts';
import { Problem } from '../../platform/schemas.ts';
import { installValidation } from '../../platform/validation.ts';
import { SCAM_CHECK_ARTICLE_PATH, SCAM_CHECK_LIMITS, scamCheckRateFromEnv, scamCheckRoutes } from './index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const profile = loadProfile(path.join(ROOT, 'config/issuer-profile.json'));

/** The plugin on a bare Fastify with the project's validation, error handling and rate limiter (as in app.ts). */
async function bareApp(ratePerMinute = 10_000): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.addSchema(Problem);
  installValidation(app);
  installErrorHandling(app);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) =>
      Object.assign(new AppError('rate_limited', `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s`), { statusCode: 429 }),
  });
  await app.register(scamCheckRoutes, { profile, ratePerMinute });
  await app.ready();
  return app;
}

function problem(res: LightMyRequestResponse) {
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  return res.json() as { code: string; status: number; detail?: string; errors?: Array<{ field: string; message: string }> };
}

describe('POST /api/v1/scam-check', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await bareApp();
  });
  after(() => app.close());

  const post = (payload: unknown) => app.inject({ method: 'POST', url: '/api/v1/scam-check', payload: payload as object });

  it('answers an official hotline in any format, naming the product line', async () => {
    const res = await post({ phone: '800.528.4800' });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.verdict, 'official');
    assert.deepEqual(body.checked, { phone: '+18005284800' });
    assert.equal(body.reasons[0].code, 'official_phone');
    assert.match(body.reasons[0].message, /Personal Cards/);
    assert.equal(body.whatToDo.hotline.phone, '+18005284800');
    assert.ok(body.whatToDo.steps.length > 0);
  });

  it('explains a look-alike domain in plain words', async () => {
    const body = (await post({ url: 'americanexpresss.com' })).json();
    assert.equal(body.verdict, 'lookalike');
    assert.deepEqual(body.reasons[0], { code: 'lookalike_domain', message: 'americanexpresss.com looks like americanexpress.com but is not ours', field: 'url' });
  });

  it('answers the cited-but-unofficial address with its note', async () => {
    const body = (await post({ email: 'customer.service@americanexpress.com' })).json();
    assert.equal(body.verdict, 'not_official');
    assert.equal(body.reasons[0].code, 'email_not_official_channel');
    assert.match(body.reasons[0].message, /Secure Message Center/);
  });

  it('checks all fields at once and answers the strongest warning', async () => {
    const body = (await post({ phone: '1-800-528-4800', email: 'alerts@americanexpress.com', url: 'https://amex-secure.com', text: 'Reply with your PIN now' })).json();
    assert.equal(body.verdict, 'lookalike');
    const fields = new Set(body.reasons.map((r: { field: string }) => r.field));
    assert.deepEqual([...fields].sort(), ['email', 'phone', 'text', 'url']);
  });

  it('never echoes a card number from any field', async () => {
    const pan = '4111 1111 1111 1111';
    const res = await post({ phone: pan, email: '4111111111111111@evil.example', url: 'https://evil.example/4111111111111111', text: `Send CVV for card ${pan} to unlock: https://evil.example/?c=4111111111111111` });
    assert.equal(res.statusCode, 200);
    const flat = res.body.replace(/[\s-]/g, '');
    assert.ok(!flat.includes('4111111111111111'), res.body);
    assert.equal(res.json().verdict, 'suspicious');
  });

  it('refuses an empty object, naming the fields it needs', async () => {
    const p = problem(await post({}));
    assert.equal(p.status, 400);
    assert.equal(p.code, 'validation_failed');
    assert.match(p.detail ?? '', /at least one of phone, email, url, text/);
  });

  it('refuses a request with no body at all', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/scam-check' });
    const p = problem(res);
    assert.equal(p.code, 'validation_failed');
    assert.match(p.detail ?? '', /phone, email, url, text/);
  });

  it('refuses fields that are only blanks', async () => {
    const p = problem(await post({ phone: '   ', text: '' }));
    assert.equal(p.code, 'validation_failed');
    assert.match(p.detail ?? '', /at least one/);
  });

  it('refuses unknown fields', async () => {
    const p = problem(await post({ phone: '1-800-528-4800', website: 'x' }));
    assert.equal(p.status, 400);
    assert.equal(p.code, 'unknown_field');
    assert.match(p.detail ?? '', /website/);
  });

  it('refuses a message over the limit, naming the limit', async () => {
    const p = problem(await post({ text: 'a'.repeat(SCAM_CHECK_LIMITS.text + 1) }));
    assert.equal(p.code, 'validation_failed');
    assert.match(p.detail ?? '', /text must be at most 10000 characters/);
  });

  it('accepts a message exactly at the limit', async () => {
    const res = await post({ text: 'Please call us. '.repeat(625).slice(0, SCAM_CHECK_LIMITS.text) });
    assert.equal(res.statusCode, 200);
  });

  it('refuses a URL over 2,048 characters, naming the limit', async () => {
    const p = problem(await post({ url: `https://example.com/${'a'.repeat(2048)}` }));
    assert.equal(p.code, 'validation_failed');
    assert.match(p.detail ?? '', /url must be at most 2048 characters/);
  });

  it('refuses a phone number sent as a JSON number', async () => {
    const p = problem(await post({ phone: 18005284800 }));
    assert.equal(p.code, 'validation_failed');
    assert.match(p.detail ?? '', /phone/);
  });

  it('refuses a body that is not an object', async () => {
    const p = problem(await post(['1-800-528-4800']));
    assert.equal(p.status, 400);
  });
});

describe('POST /api/v1/scam-check rate limit', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await bareApp(3);
  });
  after(() => app.close());

  it('limits each client address and answers 429 as problem+json', async () => {
    const from = (remoteAddress: string) => app.inject({ method: 'POST', url: '/api/v1/scam-check', payload: { phone: '1-800-528-4800' }, remoteAddress });
    for (let i = 0; i < 3; i++) assert.equal((await from('198.51.100.7')).statusCode, 200);
    const limited = await from('198.51.100.7');
    assert.equal(limited.statusCode, 429);
    assert.equal(problem(limited).code, 'rate_limited');
    assert.equal((await from('198.51.100.8')).statusCode, 200, 'another address has its own allowance');
  });
});

describe('scamCheckRateFromEnv', () => {
  it('defaults to 60 a minute', () => assert.equal(scamCheckRateFromEnv({}), 60));
  it('reads SCAM_CHECK_RATE_PER_MINUTE', () => assert.equal(scamCheckRateFromEnv({ SCAM_CHECK_RATE_PER_MINUTE: '5' }), 5));
  it('refuses a value that is not a positive integer, naming the variable', () => {
    assert.throws(() => scamCheckRateFromEnv({ SCAM_CHECK_RATE_PER_MINUTE: 'lots' }), /SCAM_CHECK_RATE_PER_MINUTE/);
    assert.throws(() => scamCheckRateFromEnv({ SCAM_CHECK_RATE_PER_MINUTE: '0' }), /between 1 and 100000/);
  });
});

describe('help-center article', () => {
  const text = readFileSync(SCAM_CHECK_ARTICLE_PATH, 'utf8');
  it('has the front matter the help center reads (slug scam-check, title, summary)', () => {
    const meta = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '';
    assert.match(meta, /^slug: scam-check$/m);
    assert.match(meta, /^title: .{10,}$/m);
    assert.match(meta, /^summary: .{10,}$/m);
  });
  it('takes numbers and domains from the profile through tokens, never copied', () => {
    assert.match(text, /\{\{phone:personal\}\}/);
    assert.match(text, /\{\{issuer\.domain\}\}/);
    assert.doesNotMatch(text, /\d{3}[-.]\d{3}[-.]\d{4}/);
  });
  it('ends with the human path', () => {
    const ending = text.slice(text.indexOf('## If something is not ours'));
    assert.match(ending, /\{\{phone:personal\}\}/);
    assert.match(ending, /\{\{secureMessageCenter\}\}/);
  });
});
