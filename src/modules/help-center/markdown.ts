/**
 * The safe markdown subset articles are written in, parsed into a small tree and rendered as HTML or plain text.
 * Raw HTML is never passed through: every character of text is escaped, and a link keeps its href only when it
 * is https/http, mailto, tel, a same-site path or a fragment (OWASP XSS prevention, rule 5). Profile values
 * come in as {{tokens}} (see tokens.ts), so phone numbers and hours are never copied into article text.
 *
 *   ## Heading / ### Heading          (a single # is demoted to ##: the page title is the one h1)
 *   paragraphs separated by a blank line
 *   - item / * item / 1. item         (a line indented under an item continues it)
 *   > note
 *   **strong**  *emphasis*  `code`  [text](https://…)  {{token}}  {{token:arg}}
 *   {{token}} alone on a line         (a block token, e.g. {{hotlines}})
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'token'; name: string; arg: string | null };

export type Block =
  | { type: 'heading'; level: 2 | 3; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'quote'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'token'; name: string; arg: string | null };

const TOKEN = String.raw`\{\{\s*([a-zA-Z][a-zA-Z.]*)(?::([a-z0-9_]+))?\s*\}\}`;
const INLINE = new RegExp(
  [TOKEN, String.raw`\[([^\]\n]+)\]\(([^()\s]+)\)`, String.raw`\*\*([^*\n]+?)\*\*`, String.raw`\*([^*\s][^*\n]*?)\*`, '`([^`\\n]+)`'].join('|'),
  'g',
);
const BLOCK_TOKEN = new RegExp(`^${TOKEN}$`);
const ITEM = /^(?:([-*])|(\d{1,3})\.)\s+(.*)$/;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push({ type: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ type: 'token', name: m[1], arg: m[2] ?? null });
    else if (m[3] !== undefined && m[4] !== undefined) out.push({ type: 'link', href: m[4], children: parseInline(m[3]) });
    else if (m[5] !== undefined) out.push({ type: 'strong', children: parseInline(m[5]) });
    else if (m[6] !== undefined) out.push({ type: 'em', children: parseInline(m[6]) });
    else if (m[7] !== undefined) out.push({ type: 'code', text: m[7] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}

/** Parses the subset; anything it does not recognise is text. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let quote: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join(' ')) });
    if (quote.length) blocks.push({ type: 'quote', children: parseInline(quote.join(' ')) });
    if (list) blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
    paragraph = [];
    quote = [];
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const token = BLOCK_TOKEN.exec(line);
    const item = ITEM.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: 'heading', level: heading[1]!.length >= 3 ? 3 : 2, children: parseInline(heading[2]!.replace(/\s#+$/, '')) });
    } else if (token) {
      flush();
      blocks.push({ type: 'token', name: token[1]!, arg: token[2] ?? null });
    } else if (item) {
      const ordered = item[2] !== undefined;
      if (!list || list.ordered !== ordered || paragraph.length || quote.length) {
        flush();
        list = { ordered, items: [] };
      }
      list.items.push(item[3]!);
    } else if (line.startsWith('>')) {
      if (paragraph.length || list) flush();
      quote.push(line.replace(/^>\s?/, ''));
    } else if (list && /^\s{2,}/.test(raw) && list.items.length) {
      list.items[list.items.length - 1] += ` ${line}`;
    } else {
      if (list || quote.length) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** An href we are willing to emit, or null. Same-site paths may not start with // (another host). */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  if (/^(https?:\/\/|mailto:|tel:\+?[0-9])/i.test(trimmed)) return trimmed;
  if (/^\/(?!\/)/.test(trimmed) || trimmed.startsWith('#')) return trimmed;
  return null;
}

/** What a token becomes, given the issuer profile: inline nodes, or blocks when it stands alone on a line. */
export type TokenResolver = {
  inline(name: string, arg: string | null): Inline[] | null;
  block(name: string, arg: string | null): Block[] | null;
};

const NO_TOKENS: TokenResolver = { inline: () => null, block: () => null };

function tokenSource(name: string, arg: string | null): string {
  return `{{${name}${arg ? `:${arg}` : ''}}}`;
}

function inlineHtml(nodes: Inline[], tokens: TokenResolver): string {
  let html = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        html += escapeHtml(node.text);
        break;
      case 'code':
        html += `<code>${escapeHtml(node.text)}</code>`;
        break;
      case 'strong':
      case 'em': {
        const tag = node.type === 'strong' ? 'strong' : 'em';
        html += `<${tag}>${inlineHtml(node.children, tokens)}</${tag}>`;
        break;
      }
      case 'link': {
        const href = safeHref(node.href);
        const inner = inlineHtml(node.children, tokens);
        html += href ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner;
        break;
      }
      case 'token': {
        const resolved = tokens.inline(node.name, node.arg);
        html += resolved ? inlineHtml(resolved, NO_TOKENS) : escapeHtml(tokenSource(node.name, node.arg));
        break;
      }
    }
  }
  return html;
}

function inlineText(nodes: Inline[], tokens: TokenResolver): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'code') text += node.text;
    else if (node.type === 'token') {
      const resolved = tokens.inline(node.name, node.arg);
      text += resolved ? inlineText(resolved, NO_TOKENS) : tokenSource(node.name, node.arg);
    } else text += inlineText(node.children, tokens);
  }
  return text;
}

export function renderHtml(blocks: Block[], tokens: TokenResolver = NO_TOKENS): string {
  const parts: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
        parts.push(`<h${block.level}>${inlineHtml(block.children, tokens)}</h${block.level}>`);
        break;
      case 'paragraph':
        parts.push(`<p>${inlineHtml(block.children, tokens)}</p>`);
        break;
      case 'quote':
        parts.push(`<blockquote><p>${inlineHtml(block.children, tokens)}</p></blockquote>`);
        break;
      case 'list': {
        const tag = block.ordered ? 'ol' : 'ul';
        parts.push(`<${tag}>${block.items.map((item) => `<li>${inlineHtml(item, tokens)}</li>`).join('')}</${tag}>`);
        break;
      }
      case 'token': {
        const resolved = tokens.block(block.name, block.arg);
        if (resolved) parts.push(renderHtml(resolved, NO_TOKENS));
        else parts.push(`<p>${inlineHtml([{ type: 'token', name: block.name, arg: block.arg }], tokens)}</p>`);
        break;
      }
    }
  }
  return parts.join('\n');
}

/** Headings and list items read as sentences once the layout is gone (search snippets). */
const asSentence = (text: string) => (/[.!?:;)\u2026]$/.test(text.trimEnd()) ? text : `${text.trimEnd()}.`);

export function renderText(blocks: Block[], tokens: TokenResolver = NO_TOKENS): string {
  const parts: string[] = [];
  for (const block of blocks) {
    if (block.type === 'list') parts.push(block.items.map((item) => asSentence(inlineText(item, tokens))).join('\n'));
    else if (block.type === 'heading') parts.push(asSentence(inlineText(block.children, tokens)));
    else if (block.type === 'token') {
      const resolved = tokens.block(block.name, block.arg);
      parts.push(resolved ? renderText(resolved, NO_TOKENS) : inlineText([{ type: 'token', name: block.name, arg: block.arg }], tokens));
    } else parts.push(inlineText(block.children, tokens));
  }
  return parts.join('\n\n');
}

/** Every token used in a document, block or inline, in order of appearance. */
export type TokenUse = { name: string; arg: string | null; standalone: boolean };

export function tokensIn(blocks: Block[]): TokenUse[] {
  const found: TokenUse[] = [];
  const walk = (nodes: Inline[]) => {
    for (const node of nodes) {
      if (node.type === 'token') found.push({ name: node.name, arg: node.arg, standalone: false });
      else if (node.type === 'strong' || node.type === 'em' || node.type === 'link') walk(node.children);
    }
  };
  for (const block of blocks) {
    if (block.type === 'token') found.push({ name: block.name, arg: block.arg, standalone: true });
    else if (block.type === 'list') block.items.forEach(walk);
    else walk(block.children);
  }
  return found;
}
