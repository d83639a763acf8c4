import type { IssuerProfile } from '../directory/index.ts';
import type { ArticleListRow, ArticleRow, VersionRow } from './articles.repo.ts';
import { parseInline, parseMarkdown, renderHtml } from './markdown.ts';
import { tokenResolver } from './tokens.ts';

export const articlePath = (slug: string) => `/help/${slug}`;

export function bodyHtml(body: string, profile: IssuerProfile): string {
  return renderHtml(parseMarkdown(body), tokenResolver(profile));
}

/** One FAQ answer as inline HTML (escaped, tokens filled). */
export function answerHtml(answer: string, profile: IssuerProfile): string {
  return renderHtml([{ type: 'paragraph', children: parseInline(answer) }], tokenResolver(profile));
}

export function summaryView(row: ArticleListRow) {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    status: row.status,
    version: row.version,
    productLine: row.product_line,
    updatedAt: row.updated_at.toISOString(),
    url: articlePath(row.slug),
  };
}

export function articleView(row: ArticleRow, profile: IssuerProfile, editor?: { authorName: string | null; feedback: { helpful: number; notHelpful: number } }) {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body: row.body,
    bodyHtml: bodyHtml(row.body, profile),
    faq: row.faq,
    keywords: row.keywords,
    productLine: row.product_line,
    status: row.status,
    position: row.position,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    publishedAt: row.published_at ? row.published_at.toISOString() : null,
    url: articlePath(row.slug),
    ...(editor ? { editor: { authorId: row.author_id, authorName: editor.authorName, feedback: editor.feedback } } : {}),
  };
}

export function versionView(row: VersionRow) {
  return {
    version: row.version,
    title: row.title,
    summary: row.summary,
    body: row.body,
    faq: row.faq,
    keywords: row.keywords,
    productLine: row.product_line,
    status: row.status,
    position: row.position,
    note: row.note,
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: row.created_at.toISOString(),
  };
}
