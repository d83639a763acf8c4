import type { ColumnType, Generated } from 'kysely';

// Kysely row types for migrations/0005_help_center.sql.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;

export type FaqItem = { q: string; a: string };
export type ArticleStatus = 'draft' | 'published' | 'archived';

export type HelpArticlesTable = {
  slug: string;
  title: string;
  summary: string;
  body: string;
  body_text: string;
  faq: Json<FaqItem[]>;
  keywords: string;
  product_line: string | null;
  status: ArticleStatus;
  position: number;
  version: number;
  author_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: NullableTimestamp;
  search_vector: ColumnType<string, never, never>;
};

export type HelpArticleVersionsTable = {
  slug: string;
  version: number;
  title: string;
  summary: string;
  body: string;
  faq: Json<FaqItem[]>;
  keywords: string;
  product_line: string | null;
  status: ArticleStatus;
  position: number;
  note: string | null;
  author_id: string | null;
  created_at: Timestamp;
};

export type HelpArticleFeedbackTable = {
  id: Generated<number>;
  slug: string;
  version: number;
  helpful: boolean;
  comment: string | null;
  created_at: Timestamp;
};

export type HelpSearchWordsTable = { word: string };

declare module '../../platform/db.ts' {
  interface Tables {
    help_articles: HelpArticlesTable;
    help_article_versions: HelpArticleVersionsTable;
    help_article_feedback: HelpArticleFeedbackTable;
    help_search_words: HelpSearchWordsTable;
  }
}
