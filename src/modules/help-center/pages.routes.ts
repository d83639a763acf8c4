import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { AppError } from '../../platform/errors.ts';
import { SLUG_PATTERN } from './article-content.ts';
import { findArticle, listArticles, sitemapRows } from './articles.repo.ts';
import { renderArticlePage, renderIndexPage, renderNotFoundPage, renderRobots, renderSitemap } from './help-pages.ts';
import { FEEDBACK_PER_MINUTE, SEARCH_PER_MINUTE } from './help.routes.ts';
import { CONTENT_SECURITY_POLICY } from './page-shell.ts';
import { recordFeedback } from './record-feedback.ts';
import { type Lexicon, searchHelp, type Suggester } from './search-help.ts';
import type { Synonyms } from './synonyms.ts';

const SLUG = new RegExp(SLUG_PATTERN);
const PAGE_CACHE = 'public, max-age=60';
const FORM_BODY_LIMIT = 4096;

function html(reply: FastifyReply, status: number, body: string, cache = PAGE_CACHE): FastifyReply {
  return reply.code(status).header('content-security-policy', CONTENT_SECURITY_POLICY).header('cache-control', cache).type('text/html; charset=utf-8').send(body);
}

function firstValue(value: unknown): string {
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : '';
  return typeof value === 'string' ? value : '';
}

/**
 * /help, /help/:slug, /sitemap.xml and /robots.txt: crawlable HTML for everyone, no sign-in and no React.
 * Registered as routes, so they win over the single-page app's index.html fallback.
 */
export const helpPageRoutes: FastifyPluginAsync<AppDeps & { synonyms: Synonyms; lexicon: Lexicon; suggest: Suggester }> = async (app, deps) => {
  const ctx = { profile: deps.profile, publicUrl: deps.config.publicUrl };

  // The no-JavaScript feedback form posts application/x-www-form-urlencoded; only these page routes take it.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  app.get('/help', { schema: { hide: true }, config: { rateLimit: { max: SEARCH_PER_MINUTE, timeWindow: 60_000 } } }, async (request, reply) => {
    const q = firstValue((request.query as Record<string, unknown>).q);
    if (!q.trim()) return html(reply, 200, renderIndexPage(ctx, { kind: 'topics', articles: await listArticles(deps.db, ['published']) }));
    try {
      const results = await searchHelp({ db: deps.db, synonyms: deps.synonyms, lexicon: deps.lexicon, suggest: deps.suggest }, q);
      return html(reply, 200, renderIndexPage(ctx, { kind: 'results', q, results }));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      const message = q.trim().length > 200 ? 'Please shorten your search to 200 characters or fewer.' : 'Please type a word or two to search for.';
      return html(reply, 400, renderIndexPage(ctx, { kind: 'bad_query', q, message }), 'no-store');
    }
  });

  app.get('/help/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/help', 301));

  app.get('/help/:slug', { schema: { hide: true } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const article = SLUG.test(slug) ? await findArticle(deps.db, slug, ['published']) : undefined;
    if (!article) return html(reply, 404, renderNotFoundPage(ctx), 'no-store');
    const thanks = firstValue((request.query as Record<string, unknown>).feedback) === 'thanks';
    return html(reply, 200, renderArticlePage(ctx, article, { feedbackThanks: thanks }), thanks ? 'no-store' : PAGE_CACHE);
  });

  app.post(
    '/help/:slug/feedback',
    { schema: { hide: true }, config: { rateLimit: { max: FEEDBACK_PER_MINUTE, timeWindow: 60_000 } } },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const form = (request.body ?? {}) as Record<string, unknown>;
      const helpful = firstValue(form.helpful);
      if (!SLUG.test(slug) || (helpful !== 'yes' && helpful !== 'no')) return html(reply, 400, renderNotFoundPage(ctx), 'no-store');
      const comment = firstValue(form.comment).slice(0, 1000);
      try {
        await recordFeedback({ db: deps.db, clock: deps.clock }, slug, { helpful: helpful === 'yes', comment }, { requestId: request.id, ip: request.ip ?? null });
      } catch (error) {
        if (error instanceof AppError && error.code === 'not_found') return html(reply, 404, renderNotFoundPage(ctx), 'no-store');
        throw error;
      }
      return reply.header('cache-control', 'no-store').redirect(`/help/${slug}?feedback=thanks#feedback`, 303);
    },
  );

  app.get('/sitemap.xml', { schema: { hide: true } }, async (_request, reply) => {
    const rows = await sitemapRows(deps.db);
    return reply.header('cache-control', 'public, max-age=300').type('application/xml; charset=utf-8').send(renderSitemap(deps.config.publicUrl, rows));
  });

  app.get('/robots.txt', { schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').type('text/plain; charset=utf-8').send(renderRobots(deps.config.publicUrl)),
  );
};
