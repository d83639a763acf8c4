import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspectAttachment } from '../attachments/index.ts';
import { loadProfile } from '../directory/index.ts';
import { letterheadFor } from './letterhead.ts';
import { composeNotice, type NoticeContext, noticeKinds, noticeTemplate, registerNoticeTemplate } from './notice-templates.ts';
import { longDate, toWinAnsi } from './notice-text.ts';
import { pdfPageCount, pdfText } from './notice-test-pdf.ts';
import { renderNoticeHtml } from './render-notice-html.ts';
import { renderNoticePdf } from './render-notice-pdf.ts';
import './templates/index.ts';

const profile = loadProfile(new URL('../../../config/issuer-profile.json', import.meta.url).pathname);
const ctx: NoticeContext = {
  caseNumber: 'AX-2026-000042',
  issuedOn: '2026-06-16',
  recipientName: 'Jordan Rivera',
  representative: { name: 'Avery Chen', agentCode: 'AGT-1001', role: 'Customer Care Representative' },
  letterhead: letterheadFor(profile, 'personal'),
  regulator: profile.regulator,
};

/** One sample per built-in template, with the facts each letter must show (in HTML and in the PDF). */
const SAMPLES: Record<string, { data: Record<string, unknown>; facts: string[] }> = {
  complaint_acknowledgment: {
    data: { complaintId: 'cmp_0123456789abcdef', receivedOn: '2026-06-15', topic: 'Fees or interest', desiredOutcome: 'Refund the annual fee', responseDueOn: '2026-06-30', finalDueOn: '2026-08-14' },
    facts: ['cmp_0123456789abcdef', 'Monday, June 15, 2026', 'Tuesday, June 30, 2026', 'Friday, August 14, 2026', 'Refund the annual fee', 'Fees or interest'],
  },
  complaint_response: {
    data: { complaintId: 'cmp_0123456789abcdef', receivedOn: '2026-06-15', topic: 'Fees or interest', response: 'We have refunded the $95.00 annual fee to your account.\n\nIt will show on your next statement.' },
    facts: ['cmp_0123456789abcdef', 'Monday, June 15, 2026', 'We have refunded the $95.00 annual fee to your account.', 'It will show on your next statement.'],
  },
};

describe('notice templates', () => {
  it('has a sample for every registered template (a new template without one fails here)', () => {
    assert.deepEqual(noticeKinds().filter((k) => !k.startsWith('test_')), Object.keys(SAMPLES).sort());
  });

  for (const [kind, sample] of Object.entries(SAMPLES)) {
    describe(kind, () => {
      const template = noticeTemplate(kind);
      const { document, message } = composeNotice(template, ctx, sample.data);
      const common = ['American Express', 'P.O. Box 981535', 'El Paso, TX 79998-1535', '+1-800-528-4800', ctx.caseNumber, 'Tuesday, June 16, 2026', 'Dear Jordan Rivera,', 'Avery Chen', 'AGT-1001', 'Consumer Financial Protection Bureau', template.title];

      it('renders HTML with the letterhead, case number, dates, representative and its own facts', () => {
        const html = renderNoticeHtml(document);
        assert.match(html, /^<!doctype html>/);
        for (const fact of [...common, ...sample.facts]) assert.ok(html.includes(fact.replace(/&/g, '&amp;')), `HTML shows "${fact}"`);
        assert.doesNotMatch(html, /<script|src=|href=/i, 'no script and nothing loaded from elsewhere');
      });

      it('renders a PDF that prints the same facts and passes the Secure Message Center\u2019s PDF intake', async () => {
        const pdf = await renderNoticePdf(document, new Date('2026-06-16T14:00:00Z'), `Case ${ctx.caseNumber}`);
        assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
        assert.ok(pdfPageCount(pdf) >= 1);
        const text = pdfText(pdf).replace(/\s+/g, ' '); // lines wrap anywhere
        for (const fact of [...common, ...sample.facts]) assert.ok(text.includes(fact), `PDF prints "${fact}"`);
        const inspected = await inspectAttachment({ bytes: pdf, fileName: `${kind}.pdf`, declaredType: 'application/pdf' });
        assert.equal(inspected.ok, true, JSON.stringify(inspected));
      });

      it('says in the message what the letter is', () => {
        assert.ok(message.includes(kind === 'complaint_response' ? 'We have refunded' : ctx.caseNumber));
      });
    });
  }

  it('escapes text in the HTML letter', () => {
    const { document } = composeNotice(noticeTemplate('complaint_response'), { ...ctx, recipientName: '<b>Eve</b>' }, { ...SAMPLES.complaint_response!.data, response: '<script>alert(1)</script> & more' });
    const html = renderNoticeHtml(document);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more'));
    assert.ok(html.includes('Dear &lt;b&gt;Eve&lt;/b&gt;,'));
    assert.ok(!html.includes('<script>'));
  });

  it('refuses data that does not fit the template, naming the field', () => {
    assert.throws(() => composeNotice(noticeTemplate('complaint_acknowledgment'), ctx, { complaintId: 'cmp_x' }), /complaint_acknowledgment.*receivedOn/);
    assert.throws(() => noticeTemplate('no_such_letter'), /no notice template "no_such_letter"/);
  });

  it('lets other modules register a template once, with a valid kind', () => {
    const t = { ...noticeTemplate('complaint_response'), kind: 'test_letter' };
    registerNoticeTemplate(t);
    registerNoticeTemplate(t); // the same template again: harmless (modules may be imported twice)
    assert.throws(() => registerNoticeTemplate({ ...t }), /already registered/);
    assert.throws(() => registerNoticeTemplate({ ...t, kind: 'Bad Kind' }), /must be lowercase/);
  });

  it('writes dates in plain words and keeps the PDF to the characters its fonts can print', () => {
    const table: Array<[string, string]> = [['2026-06-15', 'Monday, June 15, 2026'], ['2028-02-29', 'Tuesday, February 29, 2028'], ['2026-12-31', 'Thursday, December 31, 2026']];
    for (const [iso, words] of table) assert.equal(longDate(iso), words);
    assert.equal(toWinAnsi('Caf\u00e9 \u2014 \u201cok\u201d \u20ac5'), 'Caf\u00e9 \u2014 \u201cok\u201d \u20ac5');
    assert.equal(toWinAnsi('\u674e\u96f7 \ud83d\ude00\tx'), '?? ? x');
  });
});
