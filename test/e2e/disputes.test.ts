import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DemoScenario, findDemoScenario } from '../../src/modules/banking/index.ts';
import type { TestApp } from '../helpers.ts';
import { assertAccessible, newPage, signInThroughUi, smallPng, useWebApp } from './browser.ts';

// Dispute a charge end to end: from the planted duplicate restaurant charge on the account page, through the
// wizard with an evidence file, to the confirmation and status page; then the agent's dispute view with both
// tracks. The test app's database holds the planted scenarios.

let t: TestApp;
let duplicate: DemoScenario;
let pendingForeign: DemoScenario;

const { web, browser } = useWebApp(async (app) => {
  t = app.web.testApp;
  const dup = await findDemoScenario(t.database.db, 'duplicate_charge');
  const foreign = await findDemoScenario(t.database.db, 'foreign_cnp_unusual');
  assert.ok(dup?.transactionId && foreign?.transactionId);
  duplicate = dup;
  pendingForeign = foreign;
});

test('a cardholder disputes a duplicate charge with a receipt and sees the case number, the dates and the status', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl);
  await signInThroughUi(page, web(), 'cardholder@example.com');
  await page.getByRole('heading', { level: 1, name: 'Your accounts' }).waitFor();

  // From the account page: the charge's own "Dispute this charge" link (the two charges look alike, so by href).
  await page.goto(`/accounts/${duplicate.accountId}`);
  await page.getByRole('heading', { name: 'Transactions' }).waitFor();
  const link = page.locator(`a[href="/disputes/new?transactionId=${duplicate.transactionId}"]`);
  for (let i = 0; i < 6 && (await link.count()) === 0; i++) {
    await page.getByRole('button', { name: 'Load more transactions' }).click();
    await page.getByText(/^Showing \d+ transactions/).waitFor();
  }
  assert.match((await link.getAttribute('aria-label')) ?? '', /^Dispute this charge: Harbor & Vine Bistro, \$86\.40/);
  await link.click();

  await page.getByRole('heading', { level: 1, name: 'Dispute a charge' }).waitFor();
  await page.getByText('Harbor & Vine Bistro').first().waitFor();
  await page.getByLabel('I was charged more than once').check();
  const other = page.getByLabel('The other charge for the same purchase');
  await other.waitFor();
  const options = await other.locator('option').allInnerTexts();
  assert.ok(options.some((o) => /Harbor & Vine Bistro, \$86\.40/.test(o)), `the first charge is offered (${options.join(' | ')})`);
  await assertAccessible(page, 'dispute wizard', { noSidewaysScroll: true });

  // Submitting without the other charge is stopped at the field, before anything is sent.
  await page.getByRole('button', { name: 'Submit dispute' }).click();
  await page.locator('#dispute-answer-otherTransactionId-error').waitFor();
  await other.selectOption({ index: 1 });
  await page.getByLabel('How? (optional)').fill('Phoned the restaurant; they said to ask my bank.');
  await page.getByLabel('Attach files (optional)').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: smallPng() });
  await page.getByRole('list', { name: 'Files to send' }).getByText('receipt.png').waitFor();
  await page.getByRole('button', { name: 'Submit dispute' }).click();

  const filed = page.getByText(/^Your dispute was filed\. Your case number is (\S+)\.$/);
  await filed.waitFor();
  const caseNumber = /case number is (\S+)\.$/.exec(await filed.innerText())?.[1] ?? '';
  assert.ok(caseNumber.length >= 3, 'a case number is shown');
  await page.getByRole('heading', { level: 1, name: 'Dispute: I was charged more than once' }).waitFor();
  const dates = page.getByRole('region', { name: 'Dates to expect' });
  assert.match(await dates.innerText(), /You will have our decision in writing by \w+day, \w+ \d{1,2}, 20\d\d\./);
  assert.match(await dates.innerText(), /\$86\.40 is left out of the amount you have to pay/);
  assert.match(await dates.innerText(), /We acknowledged your dispute in writing on Monday, June 15, 2026\./);
  const where = await page.getByRole('region', { name: 'Where it stands' }).innerText();
  assert.match(where, /We have your dispute and are reviewing it/);
  assert.match(where, new RegExp(caseNumber));
  await page.getByRole('region', { name: 'What happens next' }).waitFor();
  await assertAccessible(page, 'dispute status after filing', { noSidewaysScroll: true });

  // The evidence is on the case, in the Secure Message Center.
  await page.getByRole('link', { name: `Messages and documents for case ${caseNumber}` }).click();
  await page.getByRole('link', { name: 'Download receipt.png' }).waitFor();

  // The list of disputes, and the same charge cannot be disputed twice.
  await page.goto('/disputes');
  await page.getByRole('list', { name: 'Disputes' }).getByText(`Case ${caseNumber}`, { exact: false }).waitFor();
  await assertAccessible(page, 'disputes list', { noSidewaysScroll: true });
  await page.goto(`/disputes/new?transactionId=${duplicate.transactionId}`);
  await page.getByText(`You already have an open dispute on this charge (case ${caseNumber})`).waitFor();

  // A pending authorization is explained as not disputable yet.
  await page.goto(`/disputes/new?transactionId=${pendingForeign.transactionId}`);
  await page.getByText('This charge is still pending, so it can’t be disputed yet').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Submit dispute' }).count(), 0);
  await assertAccessible(page, 'pending charge in the wizard', { noSidewaysScroll: true });
  await context.close();

  // The agent: from the case page to the dispute view, both tracks and every deadline; a network move and a
  // provisional credit change what the cardholder sees.
  const staff = await newPage(browser(), web().baseUrl, { width: 1280, height: 900 });
  await signInThroughUi(staff.page, web(), 'agent@example.com');
  await staff.page.getByRole('heading', { level: 1, name: 'Staff console' }).waitFor();
  const { rows } = await t.database.pool.query<{ id: string }>('SELECT id FROM cases WHERE number = $1', [caseNumber]);
  await staff.page.goto(`/staff/cases/${rows[0]?.id}`);
  await staff.page.getByRole('region', { name: 'Disputes on this case' }).getByRole('link').click();
  await staff.page.getByRole('heading', { level: 1, name: `Dispute on case ${caseNumber}` }).waitFor();
  const deadlines = staff.page.getByRole('region', { name: 'Every deadline' });
  assert.match(await deadlines.innerText(), /Acknowledge your dispute in writing: due .*Met/);
  assert.match(await deadlines.innerText(), /Resolve your dispute: due .*Open/);
  assert.match(await deadlines.innerText(), /12 CFR 1026\.13/);
  assert.match(await staff.page.getByRole('region', { name: 'Both tracks' }).innerText(), /code P08/);
  await staff.page.getByRole('button', { name: 'Submit to the network' }).click();
  await staff.page.getByText('Network track: Submit to the network done.').waitFor();
  assert.match(await staff.page.getByRole('region', { name: 'Both tracks' }).innerText(), /Sent to the card network/);
  await staff.page.getByRole('button', { name: 'Post provisional credit of $86.40' }).click();
  await staff.page.getByRole('list', { name: 'Money steps' }).getByText(/Provisional credit \$86\.40 · posted/).waitFor();
  await assertAccessible(staff.page, 'agent dispute view', { noSidewaysScroll: true });
  await staff.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Disputes' }).click();
  await staff.page.getByRole('heading', { level: 1, name: 'Open disputes' }).waitFor();
  const queued = staff.page.getByRole('list', { name: 'Open disputes' }).getByRole('listitem').filter({ hasText: caseNumber });
  assert.match(await queued.innerText(), /next: Resolve your dispute by \w+day/);
  await assertAccessible(staff.page, 'open disputes', { noSidewaysScroll: true });
  await staff.context.close();
});
