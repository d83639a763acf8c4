import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newPage, useWebApp } from './browser.ts';

const { web, browser } = useWebApp();

test('the contact page lists all nine hotlines with their hours, without signing in', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl);
  await page.goto('/contact');
  await page.getByRole('heading', { level: 1, name: 'Contact us' }).waitFor();
  const hotlines = page.getByRole('list', { name: 'Phone numbers' }).getByRole('listitem');
  await hotlines.first().waitFor();
  assert.equal(await hotlines.count(), 9);
  for (const [name, phone] of [
    ['Personal Cards', 'tel:+18005284800'],
    ['Gift Cards', 'tel:+18772974438'],
  ] as const) {
    const item = hotlines.filter({ has: page.getByRole('heading', { name, exact: true }) });
    assert.equal(await item.getByRole('link').getAttribute('href'), phone, `${name} calls ${phone}`);
    assert.match(await item.innerText(), /24 hours a day, 7 days a week/);
  }
  assert.equal(await page.locator('h1').count(), 1, 'one h1');
  await context.close();
});

test('the contact page prefers the Secure Message Center, marks the complaint e-mail unofficial and links the CFPB', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl);
  await page.goto('/contact');
  const email = page.getByRole('listitem').filter({ hasText: 'customer.service@americanexpress.com' });
  await email.waitFor();
  assert.match(await email.innerText(), /Not an official address/);
  assert.match(await email.innerText(), /Use the Secure Message Center instead/);
  const writeSection = page.getByRole('region', { name: 'Write to us' });
  assert.match(await writeSection.innerText(), /Best way to write\s+Secure Message Center/i);
  const cfpb = page.getByRole('link', { name: /complaint to the CFPB/ });
  assert.equal(await cfpb.getAttribute('href'), 'https://www.consumerfinance.gov/complaint/');
  const advice = await page.getByRole('region', { name: 'Stay safe' }).innerText();
  assert.match(advice, /never ask you for your full card number/);
  await context.close();
});
