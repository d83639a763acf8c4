import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_TOTP_SECRET } from '../../src/demo/seed-demo.ts';
import { totpCode } from '../../src/platform/auth/totp.ts';
import { DEMO_PASSWORD, demoCardholder, newPage, useWebApp } from './browser.ts';

const { web, browser } = useWebApp();

test('an agent signs in with the 6-digit code step, sees their agent ID and finds a customer', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl);
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill('agent@example.com');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  assert.equal(await page.getByLabel('6-digit code').count(), 0, 'no code field before the server asks for it');
  await page.getByRole('button', { name: 'Sign in' }).click();

  const code = page.getByLabel('6-digit code');
  await code.waitFor();
  assert.ok(await code.evaluate((el) => el === document.activeElement), 'the code field takes focus');
  await code.fill('000000');
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await page.getByText('That code is wrong or has expired').waitFor();

  await code.fill(await totpCode(DEMO_TOTP_SECRET, web().clock.now()));
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Staff console' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/staff');
  const who = await page.getByRole('region', { name: /^Signed in as/ }).innerText();
  assert.match(who, /Jordan Lee/);
  assert.match(who, /AGT-1042/);

  const me = (await (await page.request.get('/api/v1/me')).json()) as { user: { role: string } };
  assert.equal(me.user.role, 'agent');

  const demo = await demoCardholder(browser(), web());
  const lastName = demo.displayName.split(' ').at(-1) ?? '';
  await page.getByLabel('Name, e-mail, phone or card last 4').fill(lastName);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/\/staff\?q=/);
  const results = page.getByRole('list', { name: 'Search results' });
  await results.waitFor();
  assert.match(await page.getByRole('status').filter({ hasText: 'match' }).innerText(), /customers? match/);
  await results.locator(`a[href="/staff/customers/${demo.customerId}"]`).click();
  await page.getByRole('heading', { level: 1, name: demo.displayName }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Accounts' }).waitFor();
  const accounts = page.getByRole('region', { name: 'Accounts' }).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
  await accounts.first().waitFor();
  assert.ok((await accounts.count()) >= 1, 'the customer page lists the accounts');
  assert.match(await page.getByRole('region', { name: 'Profile' }).innerText(), new RegExp(demo.customerId));

  await page.getByRole('link', { name: /^Transactions and statements, / }).first().click();
  await page.getByText(/Showing \d+ transactions/).waitFor();
  await page.getByRole('link', { name: 'Back to the customer' }).click();
  await page.getByRole('heading', { level: 1, name: demo.displayName }).waitFor();
  await context.close();
});

test('a cardholder cannot open the staff console', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl);
  await page.goto('/sign-in?next=%2Fstaff');
  await page.getByLabel('E-mail address').fill('cardholder@example.com');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your accounts' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  await context.close();
});
