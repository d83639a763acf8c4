import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiGet, newPage, signInThroughUi, useWebApp } from './browser.ts';

type ApiAccount = { id: string; nickname: string; status: string };
type ApiTransaction = { id: string; status: string };

const { web, browser } = useWebApp();

test('the demo cardholder signs in and sees their accounts and recent transactions', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl);
  await signInThroughUi(page, web(), 'cardholder@example.com');
  await page.getByRole('heading', { level: 1, name: 'Your accounts' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/');

  const { items: accounts } = await apiGet<{ items: ApiAccount[] }>(page.request, '/api/v1/accounts');
  assert.ok(accounts.length > 0, 'the demo cardholder has accounts');
  for (const account of accounts) {
    const panel = page.getByRole('region', { name: account.nickname, exact: true });
    await panel.waitFor();
    const recent = panel.getByRole('list', { name: /^Recent transactions/ }).getByRole('listitem');
    const { items } = await apiGet<{ items: ApiTransaction[] }>(page.request, `/api/v1/accounts/${account.id}/transactions?limit=5`);
    if (items.length === 0) continue;
    await recent.first().waitFor();
    assert.equal(await recent.count(), items.length, `${account.nickname}: one row per recent transaction`);
    // Pending and posted are told apart in words, not by colour alone.
    for (const [i, t] of items.entries()) {
      const expected = { authorized: 'Pending', posted: 'Posted', declined: 'Declined', reversed: 'Reversed' }[t.status];
      if (expected) assert.match(await recent.nth(i).innerText(), new RegExp(`\\b${expected}\\b`), `${account.nickname} row ${i} says ${expected}`);
    }
  }
  await context.close();
});

test('an account on hold says why, since when and what to do', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl);
  await signInThroughUi(page, web(), 'cardholder2@example.com');
  await page.getByRole('heading', { level: 1, name: 'Your accounts' }).waitFor();
  const { items: accounts } = await apiGet<{ items: Array<ApiAccount & { holdReason: string | null }> }>(page.request, '/api/v1/accounts');
  const held = accounts.find((a) => a.status === 'on_hold');
  assert.ok(held?.holdReason, 'the second demo cardholder has an account on hold');
  const text = await page.getByRole('region', { name: held.nickname, exact: true }).innerText();
  assert.match(text, /This account is on hold/);
  assert.ok(text.includes(held.holdReason), 'the hold reason is shown');
  assert.match(text, /Since \w+day, \w+ \d{1,2}, \d{4}/, 'with a concrete date');
  assert.match(text, /Secure Message Center/);
  await context.close();
});

test('an account page pages through transactions with "load more"', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl);
  await signInThroughUi(page, web(), 'cardholder@example.com');
  await page.getByRole('heading', { level: 1, name: 'Your accounts' }).waitFor();
  const { items: accounts } = await apiGet<{ items: ApiAccount[] }>(page.request, '/api/v1/accounts');
  let chosen: ApiAccount | undefined;
  for (const account of accounts) {
    const page1 = await apiGet<{ items: ApiTransaction[]; nextCursor: string | null }>(page.request, `/api/v1/accounts/${account.id}/transactions?limit=20`);
    if (page1.nextCursor) {
      chosen = account;
      break;
    }
  }
  assert.ok(chosen, 'some demo account has more than one page of transactions');
  await page.getByRole('link', { name: `All transactions, ${chosen.nickname}` }).click();
  await page.getByRole('heading', { level: 1, name: chosen.nickname }).waitFor();
  const rows = page.getByRole('list', { name: 'Transactions' }).getByRole('listitem');
  await page.getByText('Showing 20 transactions').waitFor();
  await page.getByRole('button', { name: 'Load more transactions' }).click();
  await page.getByText(/Showing (2[1-9]|[3-9]\d|\d{3,}) transactions/).waitFor();
  assert.ok((await rows.count()) > 20);
  await context.close();
});

test('the cardholder home does not scroll sideways on a 390 px wide phone', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl, { width: 390, height: 844 });
  await signInThroughUi(page, web(), 'cardholder@example.com');
  await page.getByRole('heading', { level: 1, name: 'Your accounts' }).waitFor();
  await page.getByRole('list', { name: /^Recent transactions/ }).first().waitFor();
  await page.waitForLoadState('networkidle');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `scrollWidth ${width} <= 390`);
  await context.close();
});

test('signing out ends the session and protected pages ask to sign in again', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl);
  await signInThroughUi(page, web(), 'cardholder@example.com');
  await page.getByRole('heading', { level: 1, name: 'Your accounts' }).waitFor();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByText('You have signed out.').waitFor();
  assert.equal((await page.request.get('/api/v1/me')).status(), 401);
  await page.goto('/');
  await page.waitForURL(/\/sign-in\?next=%2F/);
  await context.close();
});
