import type { NoticeBlock, NoticeDocument } from './notice-document.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Paragraphs keep the writer's line breaks; every piece of text is escaped (a response may contain "<"). */
const lines = (text: string) => text.split('\n').map(escapeHtml).join('<br>');

function block(b: NoticeBlock): string {
  switch (b.type) {
    case 'heading':
      return `<h2>${escapeHtml(b.text)}</h2>`;
    case 'paragraph':
      return `<p>${lines(b.text)}</p>`;
    case 'quote':
      return `<blockquote>${b.text.split(/\n{2,}/).map((p) => `<p>${lines(p)}</p>`).join('')}</blockquote>`;
    case 'facts':
      return `<dl>${b.items.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('')}</dl>`;
  }
}

const STYLE = `body{font:16px/1.5 Georgia,'Times New Roman',serif;color:#1a1a1a;margin:0;background:#f4f4f4}
article{max-width:42rem;margin:1rem auto;background:#fff;padding:2rem;box-sizing:border-box}
header{border-bottom:2px solid #1a1a1a;margin-bottom:1.5rem;padding-bottom:.75rem}
header p{margin:0;font:14px/1.4 system-ui,sans-serif}.issuer{font-size:1.4rem;font-weight:bold}
h1{font-size:1.35rem;margin:1.5rem 0 1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}dt{font-weight:bold}dd{margin:0}
blockquote{margin:0 0 1rem;padding:.5rem 1rem;border-left:4px solid #888;background:#f7f7f7}
footer{margin-top:2rem;border-top:1px solid #ccc;padding-top:.75rem;font:13px/1.4 system-ui,sans-serif;color:#444}
@media print{body{background:#fff}article{margin:0;padding:0}}`;

/** A complete, self-contained HTML document: no scripts, no outside resources (served with a CSP that forbids both). */
export function renderNoticeHtml(doc: NoticeDocument): string {
  const lh = doc.letterhead;
  const contact = [lh.phone ? `${lh.phone}${lh.phoneHours ? ` (${lh.phoneHours})` : ''}` : null, lh.web].filter((x): x is string => x !== null);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(doc.title)} \u2014 ${escapeHtml(lh.issuerName)}</title><style>${STYLE}</style></head>
<body>
<article>
<header><p class="issuer">${escapeHtml(lh.issuerName)}</p>${lh.addressLines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}${contact.length ? `<p>${contact.map(escapeHtml).join(' \u00b7 ')}</p>` : ''}</header>
<dl class="reference">${doc.reference.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('')}</dl>
<h1>${escapeHtml(doc.title)}</h1>
<p>${escapeHtml(doc.greeting)}</p>
${doc.blocks.map(block).join('\n')}
<p>${escapeHtml(doc.signOff)}</p>
<p><strong>${escapeHtml(doc.signature.name)}</strong><br>${escapeHtml(doc.signature.role)}${doc.signature.agentCode ? `, representative ID ${escapeHtml(doc.signature.agentCode)}` : ''}</p>
<footer><p>${lines(doc.footer)}</p></footer>
</article>
</body>
</html>
`;
}
