import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible, demoCardholder, newPage, signInThroughUi, useWebApp } from './browser.ts';

const { web, browser } = useWebApp();

/** Every page here is checked once the network is quiet, with one main landmark as well as one h1. */
const QUIET_PAGE = { waitForNetworkIdle: true, oneMain: true };

for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
  test(`sign-in, cardholder home and contact pages have no serious axe violations at ${viewport.width} px`, async () => {
    const { context, page } = await newPage(browser(), web().baseUrl, viewport);
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await assertAccessible(page, 'sign-in', QUIET_PAGE);

    await page.getByRole('button', { name: 'Sign in' }).click(); // empty form: errors shown inline
    await page.getByText('Enter your e-mail address.').waitFor();
    await assertAccessible(page, 'sign-in with errors', QUIET_PAGE);

    await signInThroughUi(page, web(), 'cardholder@example.com');
    await page.getByRole('heading', { level: 1, name: 'Your accounts' }).waitFor();
    await page.getByRole('list', { name: /^Recent transactions/ }).first().waitFor();
    await assertAccessible(page, 'cardholder home', QUIET_PAGE);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contact us' }).click();
    await page.getByRole('list', { name: 'Phone numbers' }).waitFor();
    await assertAccessible(page, 'contact', QUIET_PAGE);
    await context.close();
  });
}

test('the staff console and a customer page have no serious axe violations', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl);
  await signInThroughUi(page, web(), 'agent@example.com');
  await page.getByRole('heading', { level: 1, name: 'Staff console' }).waitFor();
  await assertAccessible(page, 'staff console', QUIET_PAGE);
  const demo = await demoCardholder(browser(), web());
  await page.getByLabel('Name, e-mail, phone or card last 4').fill(demo.displayName.split(' ').at(-1) ?? '');
  await page.getByRole('button', { name: 'Search' }).click();
  const first = page.getByRole('list', { name: 'Search results' }).getByRole('link').first();
  await first.waitFor();
  await assertAccessible(page, 'staff search results', QUIET_PAGE);
  await first.click();
  await page.getByRole('heading', { level: 2, name: 'Accounts' }).waitFor();
  await assertAccessible(page, 'customer page', QUIET_PAGE);
  await context.close();
});

test('the sign-in form works with the keyboard alone and shows where focus is', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl);
  await page.goto('/sign-in');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content');
  await page.keyboard.press('Enter');
  const focusables: string[] = [];
  for (let i = 0; i < 12 && !focusables.includes('email'); i++) {
    await page.keyboard.press('Tab');
    focusables.push(await page.evaluate(() => document.activeElement?.id ?? ''));
  }
  assert.ok(focusables.includes('email'), `Tab reaches the e-mail field (${focusables.join(',')})`);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused field has a visible outline');
  await page.keyboard.type('cardholder@example.com');
  await page.keyboard.press('Tab');
  await page.keyboard.type('cardcare-demo');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Your accounts' }).waitFor();
  await context.close();
});
