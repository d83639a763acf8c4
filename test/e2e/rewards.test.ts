import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDemoScenario } from '../../src/modules/banking/index.ts';
import type { TestApp } from '../helpers.ts';
import { assertAccessible, newPage, signInThroughUi, useWebApp } from './browser.ts';

// The cardholder rewards journey: from the account page to the rewards page, then "why these points?" on a
// grocery purchase made after the quarterly supermarket cap was reached (the planted bonus_cap_reached
// scenario), which must name the cap and the day it was reached. Then the agent's adjustment form.

let t: TestApp;
let accountId: string;
let crossedOn: string;
let capped: { merchant: string; amountCents: number };

const { web, browser } = useWebApp(async (app) => {
  t = app.web.testApp;
  const scenario = await findDemoScenario(t.database.db, 'bonus_cap_reached');
  assert.ok(scenario?.accountId && scenario.transactionId);
  accountId = scenario.accountId;
  crossedOn = String(scenario.detail.crossedOn);
  const { rows } = await t.database.pool.query(
    `SELECT t.merchant_name, t.amount_cents::int AS amount_cents FROM transactions t, transactions c
      WHERE c.id = $1 AND t.account_id = c.account_id AND t.mcc = '5411' AND t.status = 'posted' AND t.authorized_at > c.authorized_at
      ORDER BY t.authorized_at DESC LIMIT 1`,
    [scenario.transactionId],
  );
  assert.ok(rows[0], 'the scenario has a posted grocery purchase after the cap');
  capped = { merchant: rows[0].merchant_name, amountCents: rows[0].amount_cents };
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const money = (cents: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);
const longDate = (day: string) => new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

test('a cardholder opens rewards and learns a grocery purchase hit the quarterly cap, with the day it was reached', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl);
  await signInThroughUi(page, web(), 'cardholder@example.com');
  await page.getByRole('heading', { level: 1, name: 'Your accounts' }).waitFor();
  await page.goto(`/accounts/${accountId}`);
  await page.getByRole('heading', { name: 'Rewards', exact: true }).waitFor();
  await page.getByRole('link', { name: 'Points and why they posted' }).click();

  await page.getByRole('heading', { level: 1, name: /^Rewards: / }).waitFor();
  await page.getByRole('heading', { name: 'Points balance' }).waitFor();
  await page.getByText(new RegExp(`Cap reached on .*${escape(longDate(crossedOn))}`)).waitFor();

  const button = page.getByRole('button', { name: new RegExp(`^Why these points: ${escape(capped.merchant)}, ${escape(money(capped.amountCents))}`) });
  await button.first().click();
  const explanation = page.getByRole('region', { name: 'Points explanation: Bonus cap reached' });
  await explanation.waitFor();
  const text = await explanation.innerText();
  assert.match(text, new RegExp(`You reached that on ${escape(longDate(crossedOn))}`));
  assert.match(text, /\$6,000\.00/);
  assert.equal(await button.first().getAttribute('aria-expanded'), 'true');
  await assertAccessible(page, 'rewards page with an explanation open', { noSidewaysScroll: true });

  // Use the points: 2,500 points are a $25.00 statement credit.
  await page.getByLabel('Points to redeem for a statement credit').fill('2500');
  await page.getByText('That is $25.00.').waitFor();
  await page.getByRole('button', { name: 'Redeem for a statement credit' }).click();
  await page.getByText('2,500 points redeemed: a credit of $25.00 is on your account.').waitFor();
  await context.close();
});

test('an agent adjusts points on the staff account page: the reason is required', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl, { width: 1280, height: 900 });
  await signInThroughUi(page, web(), 'agent@example.com');
  await page.waitForURL(/\/staff/);
  await page.goto(`/staff/accounts/${accountId}`);
  await page.getByRole('heading', { name: 'Rewards points' }).waitFor();
  await page.getByLabel('Points', { exact: true }).fill('250');
  await page.getByRole('button', { name: 'Save adjustment' }).click();
  await page.getByText('Say why the points change').waitFor();
  await page.getByLabel('Reason', { exact: true }).fill('Goodwill: store coupon did not scan');
  await page.getByRole('button', { name: 'Save adjustment' }).click();
  await page.getByText('The adjustment was applied.').waitFor();
  await page.getByText(/Goodwill: store coupon did not scan/).first().waitFor();
  await assertAccessible(page, 'staff account page with rewards', { noSidewaysScroll: true });
  await context.close();
});
