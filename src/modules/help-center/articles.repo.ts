import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db.ts';
import type { PreparedArticle } from './article-content.ts';
import type { ArticleStatus, FaqItem } from './help.tables.ts';
import './help.tables.ts';

export type ArticleRow = {
  slug: string;
  title: string;
  summary: string;
  body: string;
  faq: FaqItem[];
  keywords: string;
  product_line: string | null;
  status: ArticleStatus;
  position: number;
  version: number;
  author_id: string | null;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
};

const COLUMNS = [
  'slug',
  'title',
  'summary',
  'body',
  'faq',
  'keywords',
  'product_line',
  'status',
  'position',
  'version',
  'author_id',
  'created_at',
  'updated_at',
  'published_at',
] as const;

export async function findArticle(db: Executor, slug: string, statuses?: readonly ArticleStatus[]): Promise<ArticleRow | undefined> {
  let query = db.selectFrom('help_articles').select(COLUMNS).where('slug', '=', slug);
  if (statuses) query = query.where('status', 'in', statuses);
  return query.executeTakeFirst();
}

export async function lockArticle(tx: Tx, slug: string): Promise<ArticleRow | undefined> {
  return tx.selectFrom('help_articles').select(COLUMNS).where('slug', '=', slug).forUpdate().executeTakeFirst();
}

export type ArticleListRow = Pick<ArticleRow, 'slug' | 'title' | 'summary' | 'status' | 'position' | 'version' | 'product_line' | 'updated_at'>;

export async function listArticles(db: Executor, statuses: readonly ArticleStatus[]): Promise<ArticleListRow[]> {
  return db
    .selectFrom('help_articles')
    .select(['slug', 'title', 'summary', 'status', 'position', 'version', 'product_line', 'updated_at'])
    .where('status', 'in', statuses)
    .orderBy('position')
    .orderBy('title')
    .execute();
}

function contentColumns(article: PreparedArticle) {
  return {
    title: article.title,
    summary: article.summary,
    body: article.body,
    faq: JSON.stringify(article.faq),
    keywords: article.keywords,
    product_line: article.productLine,
    status: article.status,
    position: article.position,
  };
}

/** Inserts version 1 of an article; false when the slug is taken (nothing written). */
export async function insertArticle(tx: Executor, article: PreparedArticle, by: { authorId: string | null; at: Date; note: string | null }): Promise<boolean> {
  const inserted = await tx
    .insertInto('help_articles')
    .values({
      slug: article.slug,
      ...contentColumns(article),
      body_text: article.bodyText,
      version: 1,
      author_id: by.authorId,
      created_at: by.at,
      updated_at: by.at,
      published_at: article.status === 'published' ? by.at : null,
    })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('slug')
    .executeTakeFirst();
  if (!inserted) return false;
  await insertVersion(tx, article, 1, by);
  await addSearchWords(tx, article);
  return true;
}

export async function updateArticle(
  tx: Tx,
  current: ArticleRow,
  article: PreparedArticle,
  by: { authorId: string | null; at: Date; note: string | null },
): Promise<number> {
  const version = current.version + 1;
  await tx
    .updateTable('help_articles')
    .set({
      ...contentColumns(article),
      body_text: article.bodyText,
      version,
      author_id: by.authorId,
      updated_at: by.at,
      published_at: article.status === 'published' ? (current.published_at ?? by.at) : current.published_at,
    })
    .where('slug', '=', current.slug)
    .execute();
  await insertVersion(tx, article, version, by);
  await addSearchWords(tx, article);
  return version;
}

async function insertVersion(tx: Executor, article: PreparedArticle, version: number, by: { authorId: string | null; at: Date; note: string | null }) {
  await tx
    .insertInto('help_article_versions')
    .values({ slug: article.slug, version, ...contentColumns(article), note: by.note, author_id: by.authorId, created_at: by.at })
    .execute();
}

/** Adds the article's words to the spelling-correction lexicon (unstemmed: 'simple' configuration). */
async function addSearchWords(tx: Executor, article: PreparedArticle): Promise<void> {
  const text = [article.title, article.summary, article.keywords, article.bodyText, ...article.faq.flatMap((f) => [f.q, f.a])].join(' ');
  await sql`
    INSERT INTO help_search_words (word)
    SELECT lexeme FROM unnest(to_tsvector('simple', ${text}::text)) WHERE length(lexeme) BETWEEN 3 AND 40
    ON CONFLICT (word) DO NOTHING`.execute(tx);
}

export type VersionRow = {
  version: number;
  title: string;
  summary: string;
  body: string;
  faq: FaqItem[];
  keywords: string;
  product_line: string | null;
  status: ArticleStatus;
  position: number;
  note: string | null;
  author_id: string | null;
  author_name: string | null;
  created_at: Date;
};

export async function listVersions(db: Executor, slug: string, limit: number): Promise<VersionRow[]> {
  return db
    .selectFrom('help_article_versions as v')
    .leftJoin('users as u', 'u.id', 'v.author_id')
    .select(['v.version', 'v.title', 'v.summary', 'v.body', 'v.faq', 'v.keywords', 'v.product_line', 'v.status', 'v.position', 'v.note', 'v.author_id', 'u.display_name as author_name', 'v.created_at'])
    .where('v.slug', '=', slug)
    .orderBy('v.version', 'desc')
    .limit(limit)
    .execute();
}

export async function authorName(db: Executor, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const row = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
  return row?.display_name ?? null;
}

export async function insertFeedback(db: Executor, row: { slug: string; version: number; helpful: boolean; comment: string | null; at: Date }): Promise<number> {
  const inserted = await db
    .insertInto('help_article_feedback')
    .values({ slug: row.slug, version: row.version, helpful: row.helpful, comment: row.comment, created_at: row.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function feedbackCounts(db: Executor, slug: string): Promise<{ helpful: number; notHelpful: number }> {
  const row = await db
    .selectFrom('help_article_feedback')
    .select([
      sql<number>`count(*) FILTER (WHERE helpful)`.as('helpful'),
      sql<number>`count(*) FILTER (WHERE NOT helpful)`.as('not_helpful'),
    ])
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return { helpful: Number(row.helpful), notHelpful: Number(row.not_helpful) };
}

/** Published articles for the sitemap: slug and last change. */
export async function sitemapRows(db: Executor): Promise<Array<{ slug: string; updated_at: Date }>> {
  return db.selectFrom('help_articles').select(['slug', 'updated_at']).where('status', '=', 'published').orderBy('position').orderBy('slug').execute();
}
