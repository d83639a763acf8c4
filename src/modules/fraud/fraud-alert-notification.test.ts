import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pickTemplateData, renderTemplate } from '../notifications/templates.ts';

// The fraud_alert notification as the fraud module enqueues it (record-authorization.ts): the one-time link
// must reach the cardholder, and nothing about the charge may travel with it.
const ctx = { publicUrl: 'https://cards.example.com', issuerName: 'Example Bank', timeZone: 'America/New_York' };

describe('fraud alert notification', () => {
  test('a fraud alert with its one-time token links straight to the alert, once, and still says nothing of the charge', () => {
    const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';
    const r = renderTemplate('fraud_alert', { alertId: 'fal_0123456789abcdef', token, linkExpiresAt: '2026-06-17T14:00:00Z', merchant: 'ACME', amountCents: 91240 }, ctx);
    const link = `https://cards.example.com/alerts/fal_0123456789abcdef?token=${token}`;
    assert.ok(r.text.includes(link));
    assert.ok(r.sms.includes(link));
    assert.ok(r.html.includes(link));
    assert.match(r.text, /works once until Wednesday, June 17, 2026 at 10:00 AM EDT/);
    assert.doesNotMatch(r.text + r.html + r.sms, /ACME|912/);
    assert.throws(() => pickTemplateData('fraud_alert', { alertId: 'fal_0123456789abcdef', token: 'short' }), /not a valid linkToken/);
    assert.throws(() => pickTemplateData('fraud_alert', { alertId: 'fal_0123456789abcdef', token: 'x"><script>alert(1)</script>aaaaaaaaaaaa' }), /not a valid linkToken/);
  });

});
