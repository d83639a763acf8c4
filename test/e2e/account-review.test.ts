import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiGet, apiPost, assertAccessible, newPage, signInThroughUi, smallPng, useWebApp, withApiUser } from './browser.ts';

let heldAccountId = '';

const { web, browser } = useWebApp(async (app) => {
  // A reviewer puts the held demo account under review (API, throwaway contexts: no cookie leaks into a page).
  const { items: accounts } = await withApiUser(app.browser, app.web, 'cardholder2@example.com', (c2) =>
    apiGet<{ items: Array<{ id: string; status: string }> }>(c2.request, '/api/v1/accounts', c2.headers),
  );
  heldAccountId = accounts.find((a) => a.status === 'on_hold')!.id;
  await withApiUser(app.browser, app.web, 'agent@example.com', (agent) =>
    apiPost(agent, `/api/v1/accounts/${heldAccountId}/review`, {
      reason: 'Unusual activity: income verification requested',
      reasonCode: 'income_verification',
      documents: [{ kind: 'income' }, { kind: 'identity' }],
    }),
  );
});

test('a cardholder sees why the account is on hold, uploads a requested document and sees the estimate', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl);
  try {
    await signInThroughUi(page, web(), 'cardholder2@example.com');
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`/accounts/${heldAccountId}/review`);
    await page.getByRole('heading', { level: 1, name: 'Account review' }).waitFor();
    await page.getByText('Unusual activity: income verification requested').waitFor();
    await page.getByRole('heading', { name: 'Documents we asked for' }).waitFor();
    await page.getByText(/standard estimate/).waitFor();
    await assertAccessible(page, 'account review', { oneH1: false, bestPractice: false });
    const input = page.getByLabel(/File for .Proof of income/);
    await input.setInputFiles({ name: 'paystub.png', mimeType: 'image/png', buffer: smallPng() });
    await page.getByRole('button', { name: 'Upload' }).first().click();
    await page.getByText('Received, being checked').waitFor();
    assert.equal(await page.getByLabel(/File for .Proof of identity/).count(), 1, 'the other request still takes uploads');
  } finally {
    await context.close();
  }
});

test('a reviewer checks the document off and releases the hold from the staff screen', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl, { width: 1280, height: 900 });
  try {
    await signInThroughUi(page, web(), 'agent@example.com');
    await page.waitForURL((url) => url.pathname.startsWith('/staff'));
    await page.getByRole('link', { name: 'Reviews' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reviews and fee refunds' }).waitFor();
    await page.getByRole('link', { name: /^Case AX-/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Account review' }).waitFor();
    await assertAccessible(page, 'staff account review', { oneH1: false, bestPractice: false });
    await page.getByRole('button', { name: /^Check off .Proof of income/ }).click();
    await page.getByText('satisfied').waitFor();
    await page.getByLabel('Written reason').fill('Your income is verified. Thank you.');
    await page.getByRole('button', { name: 'Release the hold' }).click();
    await page.getByText('The review is finished and the hold is lifted.').waitFor();
  } finally {
    await context.close();
  }
});
