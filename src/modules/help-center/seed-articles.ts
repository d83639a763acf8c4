import type { IssuerProfile } from '../directory/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { type ArticleDraft, prepareArticle } from './article-content.ts';
import { readArticleFile, readArticleFiles } from './article-file.ts';
import { insertArticle } from './articles.repo.ts';

export type SeedResult = { created: number; skipped: Array<{ slug: string; reason: string }> };

/**
 * Creates the starter articles (./articles/*.md, plus `extraFiles` that other modules keep beside their pages)
 * that are not in the database yet, as version 1 by no author (the system). Safe to run on every start: an
 * existing slug is left as its editors made it. An article this issuer's profile cannot fill (it names a
 * product line the profile lacks) is skipped and reported, not fatal.
 */
export async function seedHelpArticles(
  executor: Executor,
  options: { profile: IssuerProfile; now: Date; drafts?: ArticleDraft[]; extraFiles?: Array<string | URL> },
): Promise<SeedResult> {
  const drafts = options.drafts ?? [...readArticleFiles(), ...(options.extraFiles ?? []).map(readArticleFile)];
  const result: SeedResult = { created: 0, skipped: [] };
  for (const draft of drafts) {
    let article: ReturnType<typeof prepareArticle>;
    try {
      article = prepareArticle(draft, options.profile);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.skipped.push({ slug: draft.slug, reason: error.message });
      continue;
    }
    if (await insertArticle(executor, article, { authorId: null, at: options.now, note: 'starter article' })) result.created++;
  }
  return result;
}

/**
 * First start of a database that has no help articles at all (a new install, or one created before the help
 * center existed): seeds the starter articles in one transaction. Does nothing once any article exists.
 */
export async function ensureHelpArticles(db: Db, options: { profile: IssuerProfile; now: Date; extraFiles?: Array<string | URL> }): Promise<SeedResult> {
  const any = await db.selectFrom('help_articles').select('slug').limit(1).executeTakeFirst();
  if (any) return { created: 0, skipped: [] };
  return db.transaction().execute((tx) => seedHelpArticles(tx, options));
}

/** Bulk load for benchmarks and imports: one transaction per batch. */
export async function insertHelpArticles(db: Db, drafts: ArticleDraft[], options: { profile: IssuerProfile; now: Date; batch?: number }): Promise<number> {
  const batch = options.batch ?? 100;
  let created = 0;
  for (let i = 0; i < drafts.length; i += batch) {
    const result = await db.transaction().execute((tx) => seedHelpArticles(tx, { profile: options.profile, now: options.now, drafts: drafts.slice(i, i + batch) }));
    if (result.skipped.length > 0) throw new Error(`articles refused: ${result.skipped.map((s) => `${s.slug} (${s.reason})`).join('; ')}`);
    created += result.created;
  }
  return created;
}
