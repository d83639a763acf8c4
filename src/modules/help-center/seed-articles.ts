import type { IssuerProfile } from '../directory/index.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { type ArticleDraft, prepareArticle } from './article-content.ts';
import { readArticleFile, readArticleFiles } from './article-file.ts';
import { insertArticle } from './articles.repo.ts';

/**
 * Creates the starter articles (./articles/*.md, plus `extraFiles` that other modules keep beside their pages)
 * that are not in the database yet, as version 1 by no author (the system). Safe to run on every start: an
 * existing slug is left as its editors made it. Returns how many were created.
 */
export async function seedHelpArticles(
  executor: Executor,
  options: { profile: IssuerProfile; now: Date; drafts?: ArticleDraft[]; extraFiles?: Array<string | URL> },
): Promise<number> {
  const drafts = options.drafts ?? [...readArticleFiles(), ...(options.extraFiles ?? []).map(readArticleFile)];
  let created = 0;
  for (const draft of drafts) {
    const article = prepareArticle(draft, options.profile);
    if (await insertArticle(executor, article, { authorId: null, at: options.now, note: 'starter article' })) created++;
  }
  return created;
}

/** Bulk load for benchmarks and imports: one transaction per batch. */
export async function insertHelpArticles(db: Db, drafts: ArticleDraft[], options: { profile: IssuerProfile; now: Date; batch?: number }): Promise<number> {
  const batch = options.batch ?? 100;
  let created = 0;
  for (let i = 0; i < drafts.length; i += batch) {
    created += await db.transaction().execute((tx) => seedHelpArticles(tx, { profile: options.profile, now: options.now, drafts: drafts.slice(i, i + batch) }));
  }
  return created;
}
