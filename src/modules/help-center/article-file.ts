/**
 * The starter articles live as markdown files in ./articles, one per article:
 *
 *   ---
 *   slug: talk-to-a-person
 *   title: How to talk to a live person
 *   summary: The fastest ways to reach …           (the meta description)
 *   product_line: personal                        (whose hotline ends the article; optional)
 *   keywords: agent, representative               (optional, searched with weight B)
 *   position: 10                                  (order on /help; optional)
 *   ---
 *   Body in the markdown subset (markdown.ts) …
 *
 *   ## FAQ
 *   ### A question?
 *   Its answer (one paragraph).
 *
 * The "## FAQ" section becomes the article's question/answer pairs (FAQPage JSON-LD) and leaves the body.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleDraft } from './article-content.ts';
import type { FaqItem } from './help.tables.ts';

export const ARTICLES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'articles');

export class ArticleFileError extends Error {}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;
const FAQ_HEADING = /^##\s+FAQ\s*$/m;

function parseFaq(section: string, file: string): FaqItem[] {
  const items: FaqItem[] = [];
  let current: { q: string; lines: string[] } | null = null;
  const close = () => {
    if (!current) return;
    const a = current.lines.join(' ').replace(/\s+/g, ' ').trim();
    if (!a) throw new ArticleFileError(`${file}: the FAQ question "${current.q}" has no answer`);
    items.push({ q: current.q, a });
  };
  for (const line of section.split('\n')) {
    const question = /^###\s+(.+)$/.exec(line.trim());
    if (question) {
      close();
      current = { q: question[1]!.trim(), lines: [] };
    } else if (line.trim()) {
      if (!current) throw new ArticleFileError(`${file}: text before the first "### question" of the FAQ`);
      current.lines.push(line.trim());
    }
  }
  close();
  return items;
}

export function parseArticleFile(source: string, file = 'article'): ArticleDraft {
  const text = source.replace(/\r\n?/g, '\n');
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new ArticleFileError(`${file}: no front matter (--- … ---) at the top`);
  const meta: Record<string, string> = {};
  for (const line of match[1]!.split('\n')) {
    if (!line.trim()) continue;
    const kv = /^([a-z_]+):\s*(.*)$/.exec(line);
    if (!kv) throw new ArticleFileError(`${file}: front matter line "${line}" is not "key: value"`);
    meta[kv[1]!] = kv[2]!.trim();
  }
  for (const key of ['slug', 'title', 'summary']) {
    if (!meta[key]) throw new ArticleFileError(`${file}: front matter needs "${key}"`);
  }
  const rest = text.slice(match[0].length);
  const faqAt = rest.search(FAQ_HEADING);
  const body = (faqAt >= 0 ? rest.slice(0, faqAt) : rest).trim();
  const faq = faqAt >= 0 ? parseFaq(rest.slice(faqAt).replace(FAQ_HEADING, ''), file) : [];
  const position = meta.position ? Number(meta.position) : 100;
  if (!Number.isInteger(position)) throw new ArticleFileError(`${file}: position must be an integer`);
  const status = meta.status ?? 'published';
  if (status !== 'draft' && status !== 'published' && status !== 'archived') throw new ArticleFileError(`${file}: unknown status "${status}"`);
  return {
    slug: meta.slug!,
    title: meta.title!,
    summary: meta.summary!,
    body,
    faq,
    keywords: meta.keywords ?? '',
    productLine: meta.product_line || null,
    status,
    position,
  };
}

/** One article file, e.g. an article another module keeps beside its own page. */
export function readArticleFile(file: string | URL): ArticleDraft {
  return parseArticleFile(readFileSync(file, 'utf8'), String(file));
}

/** Every article file in `dir`, in file-name order. */
export function readArticleFiles(dir = ARTICLES_DIR): ArticleDraft[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => parseArticleFile(readFileSync(path.join(dir, f), 'utf8'), f));
}
