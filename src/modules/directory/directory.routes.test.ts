import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';

describe('GET /api/v1/directory', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('serves the directory without sign-in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/directory' });
    assert.equal(res.statusCode, 200);
    const d = res.json();
    assert.equal(d.hotlines.length, 9);
    assert.equal(d.preferredWrittenChannel, 'secure_message_center');
    assert.equal(d.emailAddresses.find((e: { address: string }) => e.address === 'customer.service@americanexpress.com').official, false);
    assert.equal(d.regulator.shortName, 'CFPB');
    assert.equal(d.mailingAddresses.length, 2);
    assert.equal(d.cardProducts, undefined, 'only the public directory, not the product catalogue');
  });
});
