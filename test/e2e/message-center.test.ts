import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiPost, assertAccessible, assertNoSidewaysScroll, newPage, signInThroughUi, smallPng, useWebApp, withApiUser } from './browser.ts';

// No networkidle before the axe checks here: the pages keep a live-update stream open.
const { web, browser } = useWebApp(async (app) => {
  // A supervisor adds a macro through the API.
  await withApiUser(app.browser, app.web, 'supervisor@example.com', (supervisor) =>
    apiPost(supervisor, '/api/v1/macros', { title: 'Charge blocked', body: 'Hello {{customer.firstName}}, about case {{case.number}}: we have blocked that charge and sent you a new card.' }),
  );
});

test('a cardholder writes with a screenshot, an agent replies, and the cardholder sees who answered', async () => {
  const cardholder = await newPage(browser(), web().baseUrl);
  const me = cardholder.page;
  await signInThroughUi(me, web(), 'cardholder@example.com');
  await me.getByRole('heading', { level: 1, name: 'Your accounts' }).waitFor();

  await me.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages' }).click();
  await me.getByRole('heading', { level: 1, name: 'Secure Message Center' }).waitFor();
  await me.getByText('We will never ask for your full card number, CVV, PIN or one-time codes.').waitFor();
  await me.getByRole('heading', { name: 'Prefer to talk to someone?' }).waitFor();
  await me.getByText(/You have no conversations yet|conversations?[,.]/).waitFor();
  await assertAccessible(me, 'inbox', { noSidewaysScroll: true });

  await me.getByRole('link', { name: 'Write a new message' }).click();
  await me.getByRole('heading', { level: 1, name: 'Write a secure message' }).waitFor();
  await me.getByText(/Up to 5 files: PDF, PNG or JPEG, each up to 10 MB/).waitFor();
  await assertAccessible(me, 'compose', { noSidewaysScroll: true });

  // The composer by keyboard: type into the fields, Tab to the button, Enter sends.
  await me.getByLabel('Subject').focus();
  await me.keyboard.type('urgent: unauthorized charge');
  await me.keyboard.press('Tab');
  assert.equal(await me.evaluate(() => document.activeElement?.id), 'compose-body', 'Tab goes from the subject to the message');
  await me.keyboard.type('There is a charge of $89.99 from a store I have never visited. Please stop it.');
  await me.getByLabel('Attach files (optional)').setInputFiles({ name: 'screenshot.png', mimeType: 'image/png', buffer: smallPng() });
  await me.getByRole('list', { name: 'Files to send' }).getByText('screenshot.png').waitFor();
  await me.getByLabel('Your message').focus();
  for (let i = 0; i < 8 && (await me.evaluate(() => document.activeElement?.textContent)) !== 'Send message'; i++) await me.keyboard.press('Tab');
  assert.equal(await me.evaluate(() => document.activeElement?.textContent), 'Send message', 'the send button is reachable with Tab');
  await me.keyboard.press('Enter');

  const sent = me.getByText(/^Message sent\. Your case number is /);
  await sent.waitFor();
  const caseNumber = /case number is (\S+)\.$/.exec(await sent.innerText())?.[1] ?? '';
  assert.match(caseNumber, /^[A-Z]{2,}-?\d+$/, `a case number is shown (${caseNumber})`);
  await me.getByRole('heading', { level: 1, name: 'urgent: unauthorized charge' }).waitFor();
  assert.match(await me.getByRole('group', { name: 'Case' }).innerText(), new RegExp(caseNumber));
  await me.getByRole('link', { name: 'Download screenshot.png' }).waitFor();
  await assertAccessible(me, 'conversation', { noSidewaysScroll: true });

  // The agent, in another browser context.
  const agent = await newPage(browser(), web().baseUrl, { width: 1280, height: 900 });
  const staff = agent.page;
  await signInThroughUi(staff, web(), 'agent@example.com');
  await staff.getByRole('heading', { level: 1, name: 'Staff console' }).waitFor();
  await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Queue' }).click();
  await staff.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
  const row = staff.getByRole('list', { name: 'Cases' }).getByRole('listitem').filter({ hasText: caseNumber });
  await row.waitFor();
  assert.match(await row.innerText(), /High priority/);
  assert.match(await row.innerText(), /First response: .*(left|Overdue)/);
  await assertAccessible(staff, 'queue');

  await row.getByRole('link').first().click();
  await staff.getByRole('heading', { level: 1, name: new RegExp(caseNumber) }).waitFor();
  const download = staff.getByRole('link', { name: 'Download screenshot.png' });
  await download.waitFor();
  const file = await staff.request.get((await download.getAttribute('href')) ?? '');
  assert.equal(file.status(), 200, 'the attachment downloads');
  assert.deepEqual(Buffer.from(await file.body()), smallPng());
  await assertAccessible(staff, 'staff case page');

  // A reply that asks for a security code is refused, next to the composer.
  const reply = staff.getByLabel('Reply to the cardholder');
  await reply.fill('To check, please reply with the CVV on the back of your card.');
  await staff.getByRole('button', { name: 'Send reply' }).click();
  const refusal = staff.locator('#composer-body-error');
  await refusal.waitFor();
  assert.ok((await refusal.innerText()).length > 10, 'the refusal says why');

  // An internal note: labelled, never shown to the cardholder.
  await staff.getByLabel('Internal note', { exact: true }).check();
  await staff.getByRole('textbox', { name: 'Internal note' }).fill('Checked the merchant: not a known subscription.');
  await staff.getByRole('button', { name: 'Save internal note' }).click();
  await staff.getByText('Internal note — not visible to the cardholder', { exact: true }).first().waitFor();

  await staff.getByLabel('Reply to cardholder').check();
  await staff.getByRole('button', { name: 'Assign to me' }).click();
  await staff.getByText('The case is assigned to you.').waitFor();
  await staff.getByRole('region', { name: 'Case details' }).getByText('Jordan Lee (AGT-1042)').waitFor();

  // A macro fills in the case's values and stays editable; the reply goes out signed.
  await staff.getByLabel('Macro').selectOption({ label: 'Charge blocked' });
  await staff.getByRole('button', { name: 'Insert macro' }).click();
  await staff.getByText('Macro “Charge blocked” inserted. Check it before sending.').waitFor();
  const drafted = await staff.getByLabel('Reply to the cardholder').inputValue();
  assert.match(drafted, new RegExp(`about case ${caseNumber}: we have blocked that charge`));
  assert.doesNotMatch(drafted, /\{\{/, 'no placeholder is left');
  assert.equal(await staff.evaluate(() => document.activeElement?.id), 'composer-body', 'focus goes to the text to edit');
  await staff.keyboard.press('End');
  await staff.keyboard.type(' Nothing else is needed from you.');
  await staff.getByRole('button', { name: 'Send reply' }).click();
  await staff.getByRole('article').filter({ hasText: 'Nothing else is needed from you' }).waitFor();
  await assertAccessible(staff, 'staff case page after replying');

  // The cardholder, still on the conversation, sees the reply arrive (live update), signed.
  const answer = me.getByRole('article').filter({ hasText: 'Nothing else is needed from you' });
  await answer.waitFor();
  let answerText = await answer.innerText();
  assert.match(answerText, /Jordan Lee/);
  assert.match(answerText, /AGT-1042/);
  await me.getByRole('article').filter({ hasText: 'There is a charge of $89.99' }).getByText(/^Read /).waitFor();

  // …and again after leaving and reopening it from the inbox.
  await me.getByRole('link', { name: 'All messages' }).click();
  const inboxRow = me.getByRole('list', { name: 'Conversations' }).getByRole('listitem').filter({ hasText: caseNumber });
  await inboxRow.waitFor();
  assert.match(await inboxRow.innerText(), /Handled by Jordan Lee \(agent ID AGT-1042\)/);
  await inboxRow.getByRole('link', { name: /urgent: unauthorized charge/ }).click();
  await answer.waitFor();
  answerText = await answer.innerText();
  assert.match(answerText, /Jordan Lee/);
  assert.match(answerText, /AGT-1042/);
  assert.match(await me.getByRole('group', { name: 'Case' }).innerText(), new RegExp(caseNumber));
  assert.equal(await me.getByText('Checked the merchant').count(), 0, 'internal notes never reach the cardholder');
  await assertAccessible(me, 'conversation with a reply', { noSidewaysScroll: true });

  // Resolved: the cardholder is asked how it went, once.
  await staff.getByRole('button', { name: 'Mark resolved' }).click();
  await staff.getByRole('button', { name: 'Reopen' }).waitFor();
  await me.getByRole('heading', { name: 'How did we do?' }).waitFor();
  await assertAccessible(me, 'conversation with the rating prompt');
  await me.getByLabel('5 — Very good').check();
  await me.getByRole('button', { name: 'Send rating' }).click();
  await me.getByText('You rated this conversation 5 out of 5.').waitFor();

  await agent.context.close();
  await cardholder.context.close();
});

test('the queue says it refreshes every 30 seconds when live updates cannot connect', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl, { width: 1280, height: 900 });
  await page.route('**/api/v1/events', (route) => route.abort());
  await signInThroughUi(page, web(), 'agent@example.com');
  await page.getByRole('heading', { level: 1, name: 'Staff console' }).waitFor();
  await page.goto('/staff/queue?who=none');
  await page.getByRole('heading', { level: 1, name: 'Queue' }).waitFor();
  await page.getByText('Updated every 30 seconds.').waitFor();
  assert.equal(await page.getByLabel('Show').inputValue(), 'none');
  await page.getByLabel('Priority').selectOption('urgent');
  await page.waitForURL(/priority=urgent/);
  await context.close();
});

test('files that cannot be sent are named, with the reason, before anything is uploaded', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl);
  await signInThroughUi(page, web(), 'cardholder@example.com');
  await page.getByRole('heading', { level: 1, name: 'Your accounts' }).waitFor();
  await page.goto('/messages/new');
  await page.getByRole('heading', { level: 1, name: 'Write a secure message' }).waitFor();
  await page.getByLabel('Attach files (optional)').setInputFiles([
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') },
    { name: 'photo.png', mimeType: 'image/png', buffer: smallPng() },
  ]);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /“notes\.txt”: only PDF, PNG and JPEG files can be sent/);
  await page.getByRole('list', { name: 'Files to send' }).getByText('photo.png').waitFor();
  await page.getByRole('button', { name: 'Remove photo.png' }).click();
  assert.equal(await page.getByRole('list', { name: 'Files to send' }).count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'compose-files', 'focus returns to the file input');

  await page.getByRole('button', { name: 'Send message' }).click(); // empty: errors inline, focus on the first
  await page.getByText('Enter a subject').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'compose-subject');
  await assertAccessible(page, 'compose with errors');

  // The server inspects the content: a "PNG" that is not one is refused, and the reason sits beside that file.
  await page.getByLabel('Subject').fill('Receipt');
  await page.getByLabel('Your message').fill('Here is the receipt.');
  await page.getByLabel('Attach files (optional)').setInputFiles([
    { name: 'receipt.png', mimeType: 'image/png', buffer: smallPng() },
    { name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('this is not an image at all') },
  ]);
  await page.getByRole('button', { name: 'Send message' }).click();
  await page.getByText('Your message was not sent.').waitFor();
  const refused = page.getByRole('list', { name: 'Files to send' }).getByRole('listitem').filter({ hasText: 'fake.png' });
  await refused.locator('.field__error').waitFor();
  assert.equal(await page.getByRole('list', { name: 'Files to send' }).getByRole('listitem').filter({ hasText: 'receipt.png' }).locator('.field__error').count(), 0);
  await assertAccessible(page, 'compose with a refused file');
  await context.close();
});

test('"Ask about this" on a transaction opens the composer about that transaction', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl);
  await signInThroughUi(page, web(), 'cardholder@example.com');
  const ask = page.getByRole('link', { name: /^Ask about this: / }).first();
  await ask.waitFor();
  await ask.click();
  await page.getByRole('heading', { level: 1, name: 'Write a secure message' }).waitFor();
  assert.match(page.url(), /accountId=acc_[0-9a-z]{16}&transactionId=txn_[0-9a-z]{16}/);
  await page.getByText('About this transaction').waitFor();
  assert.notEqual(await page.getByLabel('Which account is it about?').inputValue(), '');
  await assertNoSidewaysScroll(page, 'compose about a transaction');
  await context.close();
});
