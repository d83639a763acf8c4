import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadProfile } from '../directory/index.ts';
import { parseMarkdown, renderHtml, renderText, safeHref } from './markdown.ts';
import { tokenResolver } from './tokens.ts';

const profile = loadProfile('config/issuer-profile.json');
const html = (md: string) => renderHtml(parseMarkdown(md), tokenResolver(profile));

describe('article markdown subset', () => {
  it('renders headings, lists, emphasis, quotes and links', () => {
    const out = html('# Top\n\nSome **bold** and *soft* text with `code`.\n\n- one\n- two\n  continued\n\n1. first\n2. second\n\n> a note\n\n### Small\n[Help](/help/contact-us)');
    assert.equal(
      out,
      [
        '<h2>Top</h2>',
        '<p>Some <strong>bold</strong> and <em>soft</em> text with <code>code</code>.</p>',
        '<ul><li>one</li><li>two continued</li></ul>',
        '<ol><li>first</li><li>second</li></ol>',
        '<blockquote><p>a note</p></blockquote>',
        '<h3>Small</h3>',
        '<p><a href="/help/contact-us">Help</a></p>',
      ].join('\n'),
    );
  });

  it('shows raw HTML as text, never as markup', () => {
    const out = html('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)"> **<b>x</b>**');
    assert.ok(!out.includes('<script'), out);
    assert.ok(!out.includes('<img'), out);
    assert.ok(out.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(out.includes('onerror=&quot;alert(2)&quot;'));
  });

  const hostile: Array<[string, string]> = [
    ['javascript: URL', '[click](javascript:alert.call)'],
    ['upper-case JAVASCRIPT:', '[click](JAVASCRIPT:alert.call)'],
    ['data: URL', '[click](data:text/html;base64,PHNjcmlwdD4=)'],
    ['protocol-relative URL to another host', '[click](//evil.example/x)'],
    ['vbscript: URL', '[click](vbscript:msgbox)'],
  ];
  for (const [name, md] of hostile) {
    it(`drops the href of a ${name} and keeps the text`, () => {
      assert.equal(html(md), '<p>click</p>');
    });
  }

  it('escapes quotes inside an allowed href', () => {
    assert.equal(html('[x](https://example.com/"onmouseover="alert`1`)'), '<p><a href="https://example.com/&quot;onmouseover=&quot;alert`1`">x</a></p>');
    assert.equal(safeHref('tel:+18005284800'), 'tel:+18005284800');
    assert.equal(safeHref('mailto:a@b.c'), 'mailto:a@b.c');
    assert.equal(safeHref('#faq'), '#faq');
    assert.equal(safeHref('java\tscript:alert(1)'), null);
  });

  it('fills hotline tokens from the issuer profile, not from the article', () => {
    assert.equal(html('Call {{phone:rewards}}, {{hours:rewards}}.'), '<p>Call <a href="tel:+18002973276">+1-800-297-3276</a>, 24 hours a day, 7 days a week.</p>');
    const list = html('{{hotlines}}');
    for (const line of profile.productLines) {
      assert.ok(list.includes(`<a href="tel:${line.hotline.phone}">${line.hotline.display}</a>`), `${line.id} listed`);
    }
    const changed = structuredClone(profile);
    changed.productLines[4]!.hotline = { phone: '+18005550100', display: '+1-800-555-0100' };
    assert.match(renderHtml(parseMarkdown('{{phone:rewards}}'), tokenResolver(changed)), /\+1-800-555-0100/);
  });

  it('links the regulator and the Secure Message Center from the profile', () => {
    assert.equal(
      html('{{regulator.name}}: {{regulator.complaintUrl}}; {{secureMessageCenter}}; {{newSecureMessage}}'),
      '<p>Consumer Financial Protection Bureau: <a href="https://www.consumerfinance.gov/complaint/">https://www.consumerfinance.gov/complaint/</a>; <a href="/messages">Secure Message Center</a>; <a href="/messages/new">send a secure message</a></p>',
    );
  });

  it('renders plain text for search with profile values filled in', () => {
    assert.equal(renderText(parseMarkdown('## Call\n\nUse **{{phone:personal}}**.\n\n- a\n- b'), tokenResolver(profile)), 'Call.\n\nUse +1-800-528-4800.\n\na.\nb.');
  });
});
