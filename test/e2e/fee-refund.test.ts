import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiGet, assertAccessible, newPage, signInThroughUi, useWebApp } from './browser.ts';

const { web, browser } = useWebApp();

test('a cardholder works out the annual-fee refund, then closes the card and gets it credited', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl);
  try {
    await signInThroughUi(page, web(), 'cardholder@example.com');
    await page.waitForURL((url) => url.pathname === '/');
    const { items: accounts } = await apiGet<{ items: Array<{ id: string; cardProduct: string }> }>(page.request, '/api/v1/accounts');
    const gold = accounts.find((a) => a.cardProduct === 'gold_card');
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
    await assertAccessible(page, 'fee refund calculator', { oneH1: false, bestPractice: false });
    await page.getByLabel('Close date').fill('');
    await page.getByText(/the whole fee is refunded/).waitFor();
    await page.getByLabel('I understand my account closes today').check();
    await page.getByRole('button', { name: 'Close my account and request the refund' }).click();
    await page.getByText(/of the annual fee was credited/).waitFor();
  } finally {
    await context.close();
  }
});
