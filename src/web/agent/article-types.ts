import type { Static } from 'typebox';
import type { ArticleList, ArticleView, EditArticleBody, NewArticleBody, VersionList } from '../../modules/help-center/help.schema.ts';

/** The help-center API's shapes, from the server's own schemas (one schema, three jobs). */
export type Article = Static<typeof ArticleView>;
export type ArticleSummary = Static<typeof ArticleList>['items'][number];
export type ArticleEdit = Static<typeof EditArticleBody>;
export type ArticleNew = Static<typeof NewArticleBody>;
export type ArticleVersion = Static<typeof VersionList>['items'][number];
export type ArticleStatus = Article['status'];
export type FaqItem = Article['faq'][number];

export const STATUS_LABELS: Record<ArticleStatus, string> = { draft: 'Draft', published: 'Published', archived: 'Archived' };
export const STATUS_TONES = { draft: 'pending', published: 'good', archived: 'neutral' } as const;

/** The content fields an editor changes; the rest of a version comes from the article. */
export type ArticleDraft = { title: string; summary: string; body: string; keywords: string; faq: FaqItem[]; status: ArticleStatus; note: string };

export function draftOf(a: Pick<Article, 'title' | 'summary' | 'body' | 'keywords' | 'faq' | 'status'>): ArticleDraft {
  return { title: a.title, summary: a.summary, body: a.body, keywords: a.keywords, faq: a.faq.map((f) => ({ ...f })), status: a.status, note: '' };
}
