import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible, DEMO_PASSWORD, newPage, signInThroughUi, useWebApp } from './browser.ts';

const { web, browser } = useWebApp();

test('search "talk to a live person" as you type, open the article, reach the secure-message form in one step', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl);
  await page.goto('/help');
  await page.getByRole('heading', { level: 1, name: 'How can we help?' }).waitFor();
  await assertAccessible(page, '/help');
  // Typing is enough: the page's script asks the search API and lists the answers without a form submit.
  await page.getByLabel('Search the help center').pressSequentially('talk to a live person', { delay: 10 });
  const first = page.locator('#results .results li a').first();
  await first.waitFor();
  assert.equal(new URL(page.url()).search, '', 'no page load: the results came from the script');
  assert.match(await first.innerText(), /live person/i);
  assert.match(await page.locator('#results-status').innerText(), /match/);
  await first.click();
  await page.waitForURL('**/help/talk-to-a-live-person');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await assertAccessible(page, 'article');
  const human = page.getByRole('region', { name: 'Still need help? Talk to a person' });
  assert.match(await human.getByRole('link', { name: /^Call / }).first().getAttribute('href') ?? '', /^tel:\+1/);
  assert.ok(await human.getByRole('link', { name: /call you back/ }).isVisible(), 'the callback path');
  // One step to the form: the secure-message link; signing in comes in between and returns to the form.
  await human.getByRole('link', { name: /Send a secure message/ }).click();
  await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/messages/new');
  await page.getByLabel('E-mail address').fill('cardholder@example.com');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/messages/new');
  await page.getByRole('heading', { level: 1, name: 'Write a secure message' }).waitFor();
  assert.ok(await page.getByRole('form', { name: 'New message' }).isVisible());
  await context.close();
});

test('the scam check tells the real hotline from a look-alike link, and asks for a field when none is given', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl);
  await page.goto('/scam-check');
  await page.getByRole('heading', { level: 1, name: 'Is this really us?' }).waitFor();
  await page.getByRole('button', { name: 'Check it' }).click();
  assert.match(await page.getByRole('alert').innerText(), /at least one field/);
  await page.getByLabel('Phone number').fill('1 (800) 528-4800');
  await page.getByRole('button', { name: 'Check it' }).click();
  const verdict = page.getByRole('region', { name: /This is really us/ });
  await verdict.waitFor();
  assert.match(await verdict.innerText(), /Personal Cards/);
  await page.getByLabel('Phone number').fill('');
  await page.getByLabel('Link (web address)').fill('https://americanexpress.com.secure-login.net/verify');
  await page.getByRole('button', { name: 'Check it' }).click();
  const lookalike = page.getByRole('region', { name: /look-alike|not us/i });
  await lookalike.waitFor();
  assert.match(await lookalike.getByRole('list', { name: 'Reasons' }).innerText(), /secure-login\.net/);
  await assertAccessible(page, '/scam-check');
  await context.close();
});

test('"which number do I call?" answers a question in the cardholder\u2019s words with the right hotline', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl);
  await page.goto('/contact');
  const section = page.getByRole('region', { name: 'Which number do I call?' });
  await section.waitFor();
  await section.getByRole('button', { name: 'Find the number' }).click();
  assert.match(await section.locator('.field__error').innerText(), /Describe what you need help with/);
  await section.getByLabel('What do you need help with?').fill('my corporate card was declined abroad');
  await section.getByRole('button', { name: 'Find the number' }).click();
  const answer = section.getByLabel('The number to call');
  await answer.waitFor();
  assert.equal(await answer.getByRole('link', { name: /Corporate Cards/ }).getAttribute('href'), 'tel:+18005282122');
  assert.match(await answer.innerText(), /corporate/i);
  await section.getByLabel('What do you need help with?').fill('gift card balance');
  await section.getByRole('button', { name: 'Find the number' }).click();
  await answer.getByRole('link', { name: /Gift Cards/ }).waitFor();
  await assertAccessible(page, '/contact');
  await context.close();
});

test('a help editor edits an article and sees the new version in its history', async () => {
  const { context, page } = await newPage(browser(), web().baseUrl, { width: 1280, height: 900 });
  await signInThroughUi(page, web(), 'admin@example.com');
  await page.waitForURL('**/staff');
  await page.goto('/staff/articles');
  const list = page.getByRole('list', { name: 'Articles' });
  await list.getByRole('link').first().waitFor();
  assert.ok((await list.getByRole('listitem').count()) >= 10, 'every starter article is listed');
  await list.getByRole('link').first().click();
  const form = page.getByRole('form', { name: 'Article' });
  await form.waitFor();
  const versions = page.getByRole('list', { name: 'Versions, newest first' }).getByRole('listitem');
  await versions.first().waitFor();
  const before = await versions.count();
  await form.getByLabel('Summary').fill('An updated summary written by the browser test.');
  await form.getByLabel('What changed? (for the version history)').fill('Shorter summary');
  await form.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText(/Saved as version \d+/).waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('[aria-label="Versions, newest first"] > li').length > n, before);
  assert.match(await versions.first().innerText(), /Shorter summary/);
  await assertAccessible(page, '/staff/articles/:slug');
  await context.close();
});
