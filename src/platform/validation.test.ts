import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { frameworkProblem, installErrorHandling } from './http.ts';
import { findUnstorableText, installValidation, jsonDepth, MAX_JSON_DEPTH } from './validation.ts';

const nested = (depth: number) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown;

describe('findUnstorableText', () => {
  const cases: Array<[string, unknown, string | null]> = [
    ['plain text', { a: 'hello', b: ['ok', 1, null] }, null],
    ['a paired surrogate (an emoji) is fine', { a: '\u{1F4B3}' }, null],
    ['NUL in a value', { a: 'x\u0000y' }, '/a'],
    ['lone high surrogate', { a: ['ok', '\uD800x'] }, '/a/1'],
    ['lone low surrogate', { a: { b: '\uDC00' } }, '/a/b'],
    ['NUL in a key', { 'a\u0000': 1 }, ''],
    ['a bare string', 'a\u0000', ''],
  ];
  for (const [name, data, path] of cases) {
    it(name, () => assert.equal(findUnstorableText(data)?.instancePath ?? null, path));
  }
});

describe('jsonDepth', () => {
  it('counts nesting without recursion, even past the stack', () => {
    assert.equal(jsonDepth(1), 0);
    assert.equal(jsonDepth({ a: [1] }), 2);
    assert.equal(jsonDepth(nested(MAX_JSON_DEPTH)), MAX_JSON_DEPTH);
    assert.ok(jsonDepth(nested(100_000)) > MAX_JSON_DEPTH);
  });
});

describe('installValidation on a route', () => {
  let app: FastifyInstance;
  before(async () => {
    app = Fastify({ logger: false, frameworkErrors: frameworkProblem });
    installValidation(app);
    installErrorHandling(app);
    app.post('/echo', { schema: { body: Type.Object({ note: Type.String({ maxLength: 50 }) }, { additionalProperties: false }) } }, async (r) => r.body);
    app.post('/no-schema/:id', async () => ({ ok: true }));
    await app.ready();
  });
  after(() => app.close());

  const post = (url: string, payload: string) => app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });

  it('refuses a NUL byte in a field as validation_failed naming the field', async () => {
    const res = await post('/echo', JSON.stringify({ note: 'a\u0000b' }));
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'validation_failed');
    assert.deepEqual(res.json().errors[0].field, 'note');
  });

  it('still accepts ordinary text', async () => {
    assert.equal((await post('/echo', JSON.stringify({ note: 'caf\u00e9 \u{1F4B3}' }))).statusCode, 200);
  });

  it('refuses JSON nested deeper than the limit, even on a route that declares no body', async () => {
    const res = await post('/no-schema/x', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`);
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'validation_failed');
  });

  it('keeps refusing prototype poisoning as malformed JSON', async () => {
    const res = await post('/echo', '{"__proto__":{"x":1}}');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'malformed_json');
  });

  it('answers router errors (bad percent-encoding, over-long parameter) as problems', async () => {
    for (const url of ['/no-schema/%E0%A4%A', `/no-schema/${'a'.repeat(500)}`]) {
      const res = await post(url, '{}');
      assert.equal(res.statusCode, 400, url);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      assert.equal(res.json().code, 'bad_request');
    }
  });
});
