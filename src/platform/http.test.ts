import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, problem, type TestApp } from '../../test/helpers.ts';

describe('HTTP contract: problem+json for every bad input', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  const signInRaw = (payload: string, contentType = 'application/json') =>
    t.app.inject({ method: 'POST', url: '/api/v1/session', payload, headers: { 'content-type': contentType } });

  it('400 malformed_json for broken JSON', async () => {
    const res = await signInRaw('{"email": "a@b.c", ');
    assert.equal(res.statusCode, 400);
    assert.equal(problem(res).code, 'malformed_json');
  });

  it('400 unknown_field naming the field', async () => {
    const res = await signInRaw(JSON.stringify({ email: 'a@b.c', password: 'x', admin: true }));
    assert.equal(res.statusCode, 400);
    const p = problem(res);
    assert.equal(p.code, 'unknown_field');
    assert.ok(p.errors?.some((e) => e.field === 'admin'));
  });

  it('400 validation_failed with field-level errors', async () => {
    const res = await signInRaw(JSON.stringify({ email: 'a@b.c' }));
    const p = problem(res);
    assert.equal(p.code, 'validation_failed');
    assert.deepEqual(p.errors, [{ field: 'password', message: 'is required' }]);
    const wrongType = problem(await signInRaw(JSON.stringify({ email: 'a@b.c', password: 5 })));
    assert.equal(wrongType.code, 'validation_failed');
  });

  it('413 for a body over the limit', async () => {
    const res = await signInRaw(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1_100_000) }));
    assert.equal(res.statusCode, 413);
    assert.equal(problem(res).code, 'payload_too_large');
  });

  it('415 for a body that is not JSON', async () => {
    const res = await signInRaw('email=a', 'text/plain');
    assert.equal(res.statusCode, 415);
    assert.equal(problem(res).code, 'unsupported_media_type');
  });

  it('404 route_not_found for an unknown API route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    assert.equal(res.statusCode, 404);
    assert.equal(problem(res).code, 'route_not_found');
    const post = await t.app.inject({ method: 'POST', url: '/api/v1/nothing', payload: {} });
    assert.equal(problem(post).code, 'route_not_found');
  });

  it('never leaks a stack trace and tags every answer with a request id', async () => {
    const res = await signInRaw('{');
    assert.doesNotMatch(res.body, /\bat .*\.(ts|js):\d+/);
    assert.match(String(res.headers['x-request-id']), /^req_/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });

  it('reports health once the database answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'ok');
  });

  it('publishes an OpenAPI 3.1 document generated from the routes, and a reference page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/v1/session'].post);
    assert.ok(doc.paths['/api/v1/directory'].get);
    const page = await t.app.inject({ method: 'GET', url: '/api/docs' });
    assert.ok([200, 302].includes(page.statusCode));
  });
});
