import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { DEMO_TOTP_SECRET } from '../../src/demo/seed-demo.ts';
import { totpCode } from '../../src/platform/auth/totp.ts';
import { DEMO_PASSWORD, launchBrowser, newPage, signInThroughUi, startWebApp, type WebApp } from './browser.ts';

let web: WebApp;
let browser: Browser;
let heldAccountId = '';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
const png = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0])), chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]))), chunk('IEND', Buffer.alloc(0))]);

before(async () => {
  web = await startWebApp();
  browser = await launchBrowser();
  // A reviewer puts the held demo account under review (API, throwaway contexts: no cookie leaks into a page).
  const c2 = await browser.newContext({ baseURL: web.baseUrl });
  const staff = await browser.newContext({ baseURL: web.baseUrl });
  try {
    const s = await c2.request.post('/api/v1/session', { data: { email: 'cardholder2@example.com', password: DEMO_PASSWORD } });
    const { token } = (await s.json()) as { token: string };
    const accounts = (await (await c2.request.get('/api/v1/accounts', { headers: { authorization: `Bearer ${token}` } })).json()) as { items?: Array<{ id: string; status: string }> } | Array<{ id: string; status: string }>;
    const list = Array.isArray(accounts) ? accounts : (accounts.items ?? []);
    heldAccountId = list.find((a) => a.status === 'on_hold')!.id;
    const totp = await totpCode(DEMO_TOTP_SECRET, web.clock.now());
    const a = await staff.request.post('/api/v1/session', { data: { email: 'agent@example.com', password: DEMO_PASSWORD, totp } });
    const agent = ((await a.json()) as { token: string }).token;
    const res = await staff.request.post(`/api/v1/accounts/${heldAccountId}/review`, {
      headers: { authorization: `Bearer ${agent}` },
      data: { reason: 'Unusual activity: income verification requested', reasonCode: 'income_verification', documents: [{ kind: 'income' }, { kind: 'identity' }] },
    });
    assert.equal(res.status(), 201, await res.text());
  } finally {
    await c2.close();
    await staff.close();
  }
});
after(async () => {
  await browser?.close();
  await web?.close();
});

test('a cardholder sees why the account is on hold, uploads a requested document and sees the estimate', async () => {
  const { context, page } = await newPage(browser, web.baseUrl);
  try {
    await signInThroughUi(page, web, 'cardholder2@example.com');
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`/accounts/${heldAccountId}/review`);
    await page.getByRole('heading', { level: 1, name: 'Account review' }).waitFor();
    await page.getByText('Unusual activity: income verification requested').waitFor();
    await page.getByRole('heading', { name: 'Documents we asked for' }).waitFor();
    await page.getByText(/standard estimate/).waitFor();
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(bad, []);
    const input = page.getByLabel(/File for .Proof of income/);
    await input.setInputFiles({ name: 'paystub.png', mimeType: 'image/png', buffer: png() });
    await page.getByRole('button', { name: 'Upload' }).first().click();
    await page.getByText('Received, being checked').waitFor();
    assert.equal(await page.getByLabel(/File for .Proof of identity/).count(), 1, 'the other request still takes uploads');
  } finally {
    await context.close();
  }
});

test('a reviewer checks the document off and releases the hold from the staff screen', async () => {
  const { context, page } = await newPage(browser, web.baseUrl, { width: 1280, height: 900 });
  try {
    await signInThroughUi(page, web, 'agent@example.com');
    await page.waitForURL((url) => url.pathname.startsWith('/staff'));
    await page.getByRole('link', { name: 'Reviews' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reviews and fee refunds' }).waitFor();
    await page.getByRole('link', { name: /^Case AX-/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Account review' }).waitFor();
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(bad, []);
    await page.getByRole('button', { name: /^Check off .Proof of income/ }).click();
    await page.getByText('satisfied').waitFor();
    await page.getByLabel('Written reason').fill('Your income is verified. Thank you.');
    await page.getByRole('button', { name: 'Release the hold' }).click();
    await page.getByText('The review is finished and the hold is lifted.').waitFor();
  } finally {
    await context.close();
  }
});
