import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escapeHtml, formatWhen, pickTemplateData, renderTemplate, TEMPLATE_NAMES } from './templates.ts';

const ctx = { publicUrl: 'https://cards.example.com', issuerName: 'Example <Bank> & Co', timeZone: 'America/New_York' };
const SECRET = 'my card 4111 1111 1111 1111 was charged $912.40 at ACME';

describe('notification templates', () => {
  test('a new secure message says only that there is one, with the case number and a sign-in link', () => {
    const r = renderTemplate('secure_message.new_reply', { caseNumber: 'AX-100123', body: SECRET, amountCents: 91240 }, ctx);
    assert.equal(r.subject, 'New secure message about case AX-100123');
    assert.match(r.text, /You have a new secure message about case AX-100123\. Sign in to read it:/);
    assert.match(r.text, /https:\/\/cards\.example\.com\/sign-in\?next=%2Fmessages/);
    assert.match(r.sms, /AX-100123.*https:\/\/cards\.example\.com\/sign-in/);
    for (const part of [r.subject, r.text, r.html, r.sms]) {
      assert.doesNotMatch(part, /4111|912|ACME|charged/);
    }
  });

  test('every template drops fields it does not declare and renders a link to PUBLIC_URL', () => {
    const data = { caseNumber: 'AX-100123', respondBy: '2026-06-16T14:00:00Z', dueAt: '2026-06-17T14:00:00Z', alertId: 'frd_0123456789abcdef', body: SECRET };
    for (const name of TEMPLATE_NAMES) {
      const picked = pickTemplateData(name, data);
      assert.equal('body' in picked, false, name);
      const r = renderTemplate(name, data, ctx);
      assert.ok(r.text.includes(`${ctx.publicUrl}/sign-in`), name);
      assert.ok(!r.text.includes('4111') && !r.html.includes('4111') && !r.sms.includes('4111'), name);
    }
  });

  test('HTML is escaped, including the issuer name from configuration', () => {
    const r = renderTemplate('case.opened', { caseNumber: 'AX-100123' }, ctx);
    assert.ok(r.html.includes('Example &lt;Bank&gt; &amp; Co will never ask'));
    assert.ok(!r.html.includes('<Bank>'));
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  test('dates are concrete and in the issuer time zone', () => {
    const r = renderTemplate('case.opened', { caseNumber: 'AX-100123', respondBy: new Date('2026-06-16T14:00:00Z') }, ctx);
    assert.match(r.text, /We will answer by Tuesday, June 16, 2026 at 10:00 AM EDT\./);
    assert.equal(formatWhen('2026-01-05T15:30:00Z', 'UTC'), 'Monday, January 5, 2026 at 3:30 PM UTC');
  });

  test('a fraud alert links to the alert and nothing else', () => {
    const r = renderTemplate('fraud_alert', { alertId: 'frd_0123456789abcdef', merchant: 'ACME', amountCents: 91240 }, ctx);
    assert.ok(r.text.includes('https://cards.example.com/sign-in?next=%2Falerts%2Ffrd_0123456789abcdef'));
    assert.doesNotMatch(r.text + r.html + r.sms, /ACME|912/);
  });

  test('missing or malformed fields are refused rather than rendered', () => {
    assert.throws(() => pickTemplateData('secure_message.new_reply', {}), /caseNumber is required/);
    assert.throws(() => pickTemplateData('secure_message.new_reply', { caseNumber: '<script>' }), /not a valid caseNumber/);
    assert.throws(() => pickTemplateData('case.opened', { caseNumber: 'AX-1', respondBy: 'soon' }), /must be a time/);
  });
});
