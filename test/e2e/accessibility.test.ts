import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { demoCardholder, launchBrowser, newPage, signInThroughUi, startWebApp, type WebApp } from './browser.ts';

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

/** axe with the WCAG 2.1 A/AA rules; fails on any serious or critical violation. */
async function assertAccessible(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const text = bad.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  assert.deepEqual(text, [], `${name}: axe found serious or critical violations`);
  assert.equal(await page.locator('h1').count(), 1, `${name}: one h1`);
  assert.equal(await page.locator('main').count(), 1, `${name}: one main landmark`);
}

for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
  test(`sign-in, cardholder home and contact pages have no serious axe violations at ${viewport.width} px`, async () => {
    const { context, page } = await newPage(browser, web.baseUrl, viewport);
    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await assertAccessible(page, 'sign-in');

    await page.getByRole('button', { name: 'Sign in' }).click(); // empty form: errors shown inline
    await page.getByText('Enter your e-mail address.').waitFor();
    await assertAccessible(page, 'sign-in with errors');

    await signInThroughUi(page, web, 'cardholder@example.com');
    await page.getByRole('heading', { level: 1, name: 'Your accounts' }).waitFor();
    await page.getByRole('list', { name: /^Recent transactions/ }).first().waitFor();
    await assertAccessible(page, 'cardholder home');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contact us' }).click();
    await page.getByRole('list', { name: 'Phone numbers' }).waitFor();
    await assertAccessible(page, 'contact');
    await context.close();
  });
}

test('the staff console and a customer page have no serious axe violations', async () => {
  const { context, page } = await newPage(browser, web.baseUrl);
  await signInThroughUi(page, web, 'agent@example.com');
  await page.getByRole('heading', { level: 1, name: 'Staff console' }).waitFor();
  await assertAccessible(page, 'staff console');
  const demo = await demoCardholder(browser, web.baseUrl);
  await page.getByLabel('Name, e-mail, phone or card last 4').fill(demo.displayName.split(' ').at(-1) ?? '');
  await page.getByRole('button', { name: 'Search' }).click();
  const first = page.getByRole('list', { name: 'Search results' }).getByRole('link').first();
  await first.waitFor();
  await assertAccessible(page, 'staff search results');
  await first.click();
  await page.getByRole('heading', { level: 2, name: 'Accounts' }).waitFor();
  await assertAccessible(page, 'customer page');
  await context.close();
});

test('the sign-in form works with the keyboard alone and shows where focus is', async () => {
  const { context, page } = await newPage(browser, web.baseUrl);
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
