import type { IssuerProfile } from '../directory/index.ts';
import { type AuditAction, recordAudit } from '../../platform/audit.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { inUnit } from '../../platform/unit-of-work.ts';
import { type ArticleDraft, prepareArticle } from './article-content.ts';
import { type ArticleRow, insertArticle, lockArticle, updateArticle } from './articles.repo.ts';

export type EditorDeps = { db: Db; clock: Clock; profile: IssuerProfile };
export type RequestMeta = { requestId: string; ip: string | null };

// Audit actions of this module (src/platform/audit.ts keeps the closed list).
const CREATED: AuditAction = 'help_article.create';
const UPDATED: AuditAction = 'help_article.update';

export async function createArticle(deps: EditorDeps, actor: StaffActor, draft: ArticleDraft & { note?: string | undefined }, meta: RequestMeta): Promise<ArticleRow> {
  const article = prepareArticle(draft, deps.profile);
  const now = deps.clock.now();
  return inUnit(deps.db, async ({ tx }) => {
    const created = await insertArticle(tx, article, { authorId: actor.userId, at: now, note: draft.note ?? null });
    if (!created) throw new AppError('conflict', `An article with the slug "${article.slug}" already exists; edit it with PUT /api/v1/help/articles/${article.slug}`);
    await recordAudit(tx, {
      action: CREATED,
      actorId: actor.userId,
      actorRole: actor.role,
      targetType: 'help_article',
      targetId: article.slug,
      requestId: meta.requestId,
      ip: meta.ip,
      at: now,
      detail: { version: 1, status: article.status },
    });
    const row = await lockArticle(tx, article.slug);
    if (!row) throw new Error('created article vanished');
    return row;
  });
}

function sameContent(row: ArticleRow, draft: ArticleDraft): boolean {
  return (
    row.title === draft.title &&
    row.summary === draft.summary &&
    row.body === draft.body &&
    JSON.stringify(row.faq.map(({ q, a }) => [q, a])) === JSON.stringify(draft.faq.map(({ q, a }) => [q, a])) &&
    row.keywords === draft.keywords &&
    row.product_line === draft.productLine &&
    row.status === draft.status &&
    row.position === draft.position
  );
}

/**
 * Replaces an article's content as a new version. `baseVersion` is the version the editor started from: if
 * someone saved in between, the edit is refused (409) instead of silently overwriting theirs. Saving the same
 * content again creates no version.
 */
export async function editArticle(
  deps: EditorDeps,
  actor: StaffActor,
  slug: string,
  input: Omit<ArticleDraft, 'slug'> & { baseVersion: number; note?: string | undefined },
  meta: RequestMeta,
): Promise<{ row: ArticleRow; changed: boolean }> {
  const article = prepareArticle({ ...input, slug }, deps.profile);
  const now = deps.clock.now();
  return inUnit(deps.db, async ({ tx }) => {
    const current = await lockArticle(tx, slug);
    if (!current) throw notFound('Help article');
    if (current.version !== input.baseVersion) {
      throw new AppError('conflict', `The article is at version ${current.version}, not ${input.baseVersion}: someone saved it in between. Reload it and apply your edit again.`, {
        extra: { currentVersion: current.version },
      });
    }
    if (sameContent(current, article)) return { row: current, changed: false };
    const version = await updateArticle(tx, current, article, { authorId: actor.userId, at: now, note: input.note ?? null });
    await recordAudit(tx, {
      action: UPDATED,
      actorId: actor.userId,
      actorRole: actor.role,
      targetType: 'help_article',
      targetId: slug,
      requestId: meta.requestId,
      ip: meta.ip,
      at: now,
      detail: { version, status: article.status, previousStatus: current.status },
    });
    const row = await lockArticle(tx, slug);
    if (!row) throw new Error('edited article vanished');
    return { row, changed: true };
  });
}
