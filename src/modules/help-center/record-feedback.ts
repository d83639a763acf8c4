import { redactInbound } from '../safety/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { inUnit } from '../../platform/unit-of-work.ts';
import { cleanText } from './article-content.ts';
import { findArticle, insertFeedback } from './articles.repo.ts';

export const FEEDBACK_COMMENT_MAX = 1000;

/**
 * "Was this helpful?" on a published article, from anyone (no sign-in). The comment is redacted like every
 * other way in (a card number typed in a feedback box is masked, a CVV removed) and kept with the version the
 * reader saw. Audited like every write, with no actor (the comment itself stays out of the audit log).
 */
export async function recordFeedback(
  deps: { db: Db; clock: Clock },
  slug: string,
  input: { helpful: boolean; comment?: string | undefined },
  meta: { requestId: string; ip: string | null },
): Promise<{ id: number }> {
  const article = await findArticle(deps.db, slug, ['published']);
  if (!article) throw notFound('Help article');
  const text = input.comment ? cleanText(input.comment).trim() : '';
  const comment = text ? redactInbound(text).text.slice(0, FEEDBACK_COMMENT_MAX) : null;
  const now = deps.clock.now();
  return inUnit(deps.db, async ({ tx }) => {
    const id = await insertFeedback(tx, { slug, version: article.version, helpful: input.helpful, comment, at: now });
    await recordAudit(tx, {
      action: 'help_feedback.create',
      actorId: null,
      actorRole: null,
      targetType: 'help_article',
      targetId: slug,
      requestId: meta.requestId,
      ip: meta.ip,
      at: now,
      detail: { feedbackId: id, version: article.version, helpful: input.helpful, hasComment: comment !== null },
    });
    return { id };
  });
}
