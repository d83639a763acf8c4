import assert from 'node:assert/strict';
import { test } from 'node:test';
import PDFDocument from 'pdfkit';
import { assertAccessible, newPage, signInThroughUi, useWebApp } from './browser.ts';

const { web, browser } = useWebApp();

/** A one-page PDF "statement" to attach (pdfkit, as the notices use). */
function statementPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text('Statement page 1');
  doc.end();
  return done;
}

test('a cardholder escalates an unresolved case to a supervisor and files a complaint; compliance finds it in the register', async () => {
  // The server clock is Monday 15 June 2026, 10:00 in New York.
  const cardholder = await newPage(browser(), web().baseUrl);
  const me = cardholder.page;
  await signInThroughUi(me, web(), 'cardholder@example.com');
  await me.getByRole('heading', { level: 1, name: 'Your accounts' }).waitFor();
  await me.goto('/messages/new');
  await me.getByRole('heading', { level: 1, name: 'Write a secure message' }).waitFor();
  await me.getByLabel('Subject').fill('Statement closing date');
  await me.getByLabel('Your message').fill('When does my statement close this month? I asked last week and heard nothing.');
  await me.getByRole('button', { name: 'Send message' }).click();
  const sent = me.getByText(/^Message sent\. Your case number is /);
  await sent.waitFor();
  const caseNumber = /case number is (\S+)\.$/.exec(await sent.innerText())?.[1] ?? '';
  assert.ok(caseNumber, 'a case number is shown');

  // Ask for a supervisor: a reason, then a confirmation naming who holds the case and the tighter due time.
  await me.getByRole('button', { name: 'Ask for a supervisor' }).click();
  await me.getByLabel('Why do you want a supervisor?').fill('Nobody has answered my question for a week.');
  await me.getByRole('button', { name: 'Send to a supervisor' }).click();
  const confirmation = me.getByText(`Case ${caseNumber} is now with a supervisor.`);
  await confirmation.waitFor();
  const escalated = await me.getByRole('status').filter({ hasText: 'is now with a supervisor' }).innerText();
  assert.match(escalated, /Who holds it now: our supervisor team/);
  assert.match(escalated, /A supervisor will answer by Jun 15, 2026, 12:00 PM/, 'the supervisor SLA: 2 hours from the escalation');
  await me.getByRole('group', { name: 'Case' }).getByText('With a supervisor').waitFor();
  await assertAccessible(me, 'conversation after escalating', { noSidewaysScroll: true });

  // A formal complaint about the same case.
  await me.getByRole('link', { name: 'File a complaint about this case' }).click();
  await me.getByRole('heading', { level: 1, name: 'File a complaint' }).waitFor();
  await me.getByText(`This complaint is about case ${caseNumber}`).waitFor();
  await assertAccessible(me, 'complaint form');
  await me.getByRole('button', { name: 'Send complaint' }).click();
  await me.getByText('Choose what your complaint is about.').waitFor();
  assert.equal(await me.evaluate(() => document.activeElement?.id), 'complaint-category', 'focus goes to the first field to fix');
  await me.getByLabel('What is it about?').selectOption({ label: 'Customer service or how I was treated' });
  await me.getByLabel('What happened?').fill('I asked a simple question a week ago and was ignored until I asked for a supervisor.');
  await me.getByLabel('What would you like us to do?').fill('Answer my question and tell me why it took so long.');
  await me.getByLabel('Attach files (optional)').setInputFiles({ name: 'statement.pdf', mimeType: 'application/pdf', buffer: await statementPdf() });
  await me.getByRole('button', { name: 'Send complaint' }).click();
  const filed = me.getByRole('status').filter({ hasText: 'Your complaint is recorded.' });
  await filed.waitFor();
  const filedText = await filed.innerText();
  const complaintId = /Complaint reference (cmp_[0-9a-z]{16})/.exec(filedText)?.[1] ?? '';
  assert.ok(complaintId, `a complaint reference is shown: ${filedText}`);
  assert.match(filedText, /confirm we received it by Tuesday, June 16, 2026/);
  assert.match(filedText, /written response by Tuesday, June 30, 2026/);
  assert.match(filedText, /no later than Friday, August 14, 2026/);
  assert.match(filedText, /Your document is attached to it/);
  await assertAccessible(me, 'complaint confirmation', { noSidewaysScroll: true });

  // The compliance officer opens the register and finds it.
  const officer = await newPage(browser(), web().baseUrl, { width: 1280, height: 900 });
  const staff = officer.page;
  await signInThroughUi(staff, web(), 'compliance@example.com');
  await staff.getByRole('heading', { level: 1, name: 'Staff console' }).waitFor();
  await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Complaints' }).click();
  await staff.getByRole('heading', { level: 1, name: 'Complaint register' }).waitFor();
  const row = staff.getByRole('row').filter({ hasText: complaintId });
  await row.waitFor();
  assert.match(await row.innerText(), /Customer service or how I was treated/);
  assert.match(await row.innerText(), /Online/);
  await staff.getByText('Acknowledged on time').waitFor();
  await assertAccessible(staff, 'complaint register');

  await staff.getByLabel('Category').selectOption({ label: 'Customer service or how I was treated' });
  await row.waitFor();
  assert.match(staff.url(), /category=customer_service/);
  const csvLink = staff.getByRole('link', { name: 'Download these complaints as CSV' });
  const csv = await staff.request.get((await csvLink.getAttribute('href')) ?? '');
  assert.equal(csv.status(), 200);
  assert.match(csv.headers()['content-type'] ?? '', /^text\/csv/);
  assert.match(await csv.text(), new RegExp(complaintId));

  // The row opens the complaint with its whole timeline, and from there its case.
  await row.getByRole('link', { name: `Open complaint ${complaintId} with its whole timeline` }).click();
  await staff.getByRole('heading', { level: 1, name: `Complaint ${complaintId}` }).waitFor();
  const timeline = staff.getByRole('list', { name: 'Complaint timeline' });
  await timeline.getByText('Complaint filed').first().waitFor();
  assert.match(await timeline.innerText(), new RegExp(`case ${caseNumber}`), 'the escalated case\u2019s entries are part of the complaint\u2019s timeline');
  await assertAccessible(staff, 'complaint page');
  await staff.getByRole('button', { name: 'Acknowledge and send the letter' }).click();
  await staff.getByText('The acknowledgment letter was sent to the cardholder.').waitFor();
  await timeline.getByText('Letter sent').waitFor();
  await staff.getByRole('link', { name: /Formal complaint/ }).click();
  await staff.getByRole('heading', { level: 1, name: /Formal complaint/ }).waitFor();

  // The dashboard: the escalated case is listed, the charts have titles and a sentence each.
  await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await staff.getByRole('heading', { level: 1, name: 'Supervisor dashboard' }).waitFor();
  await staff.getByRole('heading', { name: 'Cases opened per day' }).waitFor();
  await staff.getByText(/cases? (were|was) opened between/).waitFor();
  await staff.getByRole('region', { name: /Escalated cases/ }).getByRole('link', { name: caseNumber }).waitFor();
  await assertAccessible(staff, 'dashboard');

  // The acknowledgment letter (sent from the complaint page above) reaches the cardholder's complaint conversation: read in the browser or as a PDF.
  await me.getByRole('link', { name: 'Follow your complaint in your messages' }).click();
  const letters = me.getByRole('region', { name: 'Letters about this case' });
  await letters.getByText('We have received your complaint', { exact: true }).waitFor();
  await me.getByRole('link', { name: 'Download statement.pdf' }).waitFor();
  const pdf = await me.request.get((await letters.getByRole('link', { name: /Download the PDF/ }).getAttribute('href')) ?? '');
  assert.equal(pdf.status(), 200);
  assert.equal(Buffer.from(await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
  const html = await me.request.get((await letters.getByRole('link', { name: /Read the letter/ }).getAttribute('href')) ?? '');
  assert.match(await html.text(), /Tuesday, June 30, 2026/);
  await assertAccessible(me, 'complaint conversation with a letter', { noSidewaysScroll: true });

  await officer.context.close();
  await cardholder.context.close();
});

test('words that invoke rights escalate the case and say what happens next; a callback is one step away', async () => {
  const cardholder = await newPage(browser(), web().baseUrl);
  const me = cardholder.page;
  await signInThroughUi(me, web(), 'cardholder2@example.com');
  await me.getByRole('heading', { level: 1, name: 'Your accounts' }).waitFor(); // signed in before leaving the page
  await me.goto('/messages/new');
  await me.getByRole('heading', { level: 1, name: 'Write a secure message' }).waitFor();
  await me.getByLabel('Subject').fill('Card not arrived');
  await me.getByLabel('Your message').fill('My new card has not arrived yet.');
  await me.getByRole('button', { name: 'Send message' }).click();
  await me.getByText(/^Message sent\. Your case number is /).waitFor();

  await me.getByLabel('Your message').fill('This is unacceptable. I want to speak to a supervisor.');
  await me.getByRole('button', { name: 'Send reply' }).click();
  const next = me.getByRole('status').filter({ hasText: 'A supervisor now has your case' });
  await next.waitFor();
  assert.match(await next.innerText(), /is now with a supervisor, who will reply to you here/);
  await me.getByRole('group', { name: 'Case' }).getByText('With a supervisor').waitFor();
  await assertAccessible(me, 'conversation after rights words');

  await next.getByRole('link', { name: 'Ask us to call you' }).click();
  await me.getByRole('heading', { level: 1, name: 'Ask us to call you' }).waitFor();
  await assertAccessible(me, 'callback form', { noSidewaysScroll: true });
  await me.getByLabel('Phone number').fill('(212) 555-0123');
  await me.getByLabel('Preferred day and time').fill('2026-06-16T11:00');
  await me.getByLabel('What is the call about?').fill('My replacement card');
  await me.getByRole('button', { name: 'Ask for a call' }).click();
  const called = me.getByRole('status').filter({ hasText: 'We will call you.' });
  await called.waitFor();
  assert.match(await called.innerText(), /number ending 0123 around Tuesday, June 16, 2026 at 11:00 AM/);
  await cardholder.context.close();
});
