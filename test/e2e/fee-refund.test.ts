import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, signInThroughUi, startWebApp, type WebApp } from './browser.ts';

let web: WebApp;
let browser: Browser;
before(async () => {
  web = await startWebApp();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await web?.close();
});

test('a cardholder works out the annual-fee refund, then closes the card and gets it credited', async () => {
  const { context, page } = await newPage(browser, web.baseUrl);
  try {
    await signInThroughUi(page, web, 'cardholder@example.com');
    await page.waitForURL((url) => url.pathname === '/');
    const accounts = (await (await page.request.get('/api/v1/accounts')).json()) as { items?: Array<{ id: string; cardProduct: string }> } | Array<{ id: string; cardProduct: string }>;
    const list = Array.isArray(accounts) ? accounts : (accounts.items ?? []);
    const gold = list.find((a) => a.cardProduct === 'gold_card');
    assert.ok(gold, 'the demo cardholder has a Gold Card with a recent annual fee');
    await page.goto(`/accounts/${gold.id}/fee-refund`);
    await page.getByRole('heading', { level: 1, name: 'Annual fee refund calculator' }).waitFor();
    const table = page.getByRole('table', { name: 'How the refund is computed' });
    await table.waitFor();
    assert.match(await table.innerText(), /Annual fee posted on/);
    // A date after the full-refund window: the proration line appears.
    await page.getByLabel('Close date').fill('2026-09-15');
    await page.getByRole('heading', { name: /If you close on/ }).filter({ hasText: '2026' }).waitFor();
    await page.getByText(/days of the fee year/).waitFor();
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    assert.deepEqual(bad, []);
    await page.getByLabel('Close date').fill('');
    await page.getByText(/the whole fee is refunded/).waitFor();
    await page.getByLabel('I understand my account closes today').check();
    await page.getByRole('button', { name: 'Close my account and request the refund' }).click();
    await page.getByText(/of the annual fee was credited/).waitFor();
  } finally {
    await context.close();
  }
});
