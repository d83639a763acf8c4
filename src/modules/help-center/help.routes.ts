import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import { requireStaff } from '../../platform/auth/authenticate.ts';
import { notFound } from '../../platform/errors.ts';
import { canEditHelpArticles, HELP_EDITOR_ROLES } from '../../platform/policy.ts';
import { problemResponses } from '../../platform/schemas.ts';
import { authorName, feedbackCounts, findArticle, listArticles, listVersions } from './articles.repo.ts';
import {
  ArticleList,
  ArticleListQuery,
  ArticleView,
  EditArticleBody,
  FeedbackBody,
  FeedbackRecorded,
  NewArticleBody,
  SearchQuery,
  SearchResults,
  SlugParam,
  VersionList,
} from './help.schema.ts';
import { articlePath, articleView, summaryView, versionView } from './help.view.ts';
import { recordFeedback } from './record-feedback.ts';
import { createArticle, editArticle } from './save-article.ts';
import { type Lexicon, searchHelp, type Suggester } from './search-help.ts';
import type { Synonyms } from './synonyms.ts';

/** Who may write help articles: the policy layer decides (src/platform/policy.ts). */
export { HELP_EDITOR_ROLES };
const VERSIONS_SHOWN = 100;
const TAGS = ['help center'];
// Per client address and process (the rate-limit store is in memory). Search is generous: search-as-you-type
// sends a request per pause in typing, and many cardholders can share one address.
export const SEARCH_PER_MINUTE = 1200;
export const FEEDBACK_PER_MINUTE = 20;

const meta = (request: FastifyRequest) => ({ requestId: request.id, ip: request.ip ?? null });

export function isHelpEditor(request: FastifyRequest): boolean {
  return canEditHelpArticles(request.actor);
}

function requireEditor(request: FastifyRequest): StaffActor {
  return requireStaff(request, HELP_EDITOR_ROLES);
}

export const helpApiRoutes: FastifyPluginAsyncTypebox<AppDeps & { synonyms: Synonyms; lexicon: Lexicon; suggest: Suggester }> = async (app, deps) => {
  const editorDeps = { db: deps.db, clock: deps.clock, profile: deps.profile };

  app.get(
    '/api/v1/help/search',
    {
      schema: {
        tags: TAGS,
        summary: 'Search published articles (full text, synonyms, typo tolerance), best match first',
        security: [],
        querystring: SearchQuery,
        response: { 200: SearchResults, ...problemResponses(400, 429) },
      },
      config: { rateLimit: { max: SEARCH_PER_MINUTE, timeWindow: 60_000 } },
    },
    async (request) => {
      const items = await searchHelp({ db: deps.db, synonyms: deps.synonyms, lexicon: deps.lexicon, suggest: deps.suggest }, request.query.q, request.query.limit);
      return { q: request.query.q, items: items.map((i) => ({ ...i, url: articlePath(i.slug) })) };
    },
  );

  app.get(
    '/api/v1/help/articles',
    {
      schema: {
        tags: TAGS,
        summary: 'Articles in page order: published for everyone; drafts and archived for help editors',
        security: [],
        querystring: ArticleListQuery,
        response: { 200: ArticleList, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const status = request.query.status ?? 'published';
      if (status !== 'published') requireEditor(request);
      const statuses = status === 'all' ? (['draft', 'published', 'archived'] as const) : ([status] as const);
      return { items: (await listArticles(deps.db, statuses)).map(summaryView) };
    },
  );

  app.post(
    '/api/v1/help/articles',
    {
      schema: {
        tags: TAGS,
        summary: 'Create an article (help editors); version 1 is kept in its history',
        body: NewArticleBody,
        response: { 201: ArticleView, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const actor = requireEditor(request);
      const b = request.body;
      const row = await createArticle(
        editorDeps,
        actor,
        {
          slug: b.slug,
          title: b.title,
          summary: b.summary,
          body: b.body,
          faq: b.faq ?? [],
          keywords: b.keywords ?? '',
          productLine: b.productLine ?? null,
          status: b.status ?? 'draft',
          position: b.position ?? 100,
          note: b.note,
        },
        meta(request),
      );
      reply.header('location', `/api/v1/help/articles/${row.slug}`);
      return reply.code(201).send(articleView(row, deps.profile, { authorName: actor.displayName, feedback: { helpful: 0, notHelpful: 0 } }));
    },
  );

  app.get(
    '/api/v1/help/articles/:slug',
    {
      schema: {
        tags: TAGS,
        summary: 'One article with its markdown and rendered body (drafts only for help editors)',
        security: [],
        params: SlugParam,
        response: { 200: ArticleView, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const editor = isHelpEditor(request);
      const row = await findArticle(deps.db, request.params.slug, editor ? undefined : ['published']);
      if (!row) throw notFound('Help article');
      if (!editor) return articleView(row, deps.profile);
      return articleView(row, deps.profile, { authorName: await authorName(deps.db, row.author_id), feedback: await feedbackCounts(deps.db, row.slug) });
    },
  );

  app.put(
    '/api/v1/help/articles/:slug',
    {
      schema: {
        tags: TAGS,
        summary: 'Replace an article\u2019s content as a new version (help editors); 409 if baseVersion is not the current version',
        params: SlugParam,
        body: EditArticleBody,
        response: { 200: ArticleView, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = requireEditor(request);
      const { row } = await editArticle(editorDeps, actor, request.params.slug, request.body, meta(request));
      return articleView(row, deps.profile, { authorName: await authorName(deps.db, row.author_id), feedback: await feedbackCounts(deps.db, row.slug) });
    },
  );

  app.get(
    '/api/v1/help/articles/:slug/versions',
    {
      schema: {
        tags: TAGS,
        summary: `Every saved version of an article, newest first (the last ${VERSIONS_SHOWN}; help editors)`,
        params: SlugParam,
        response: { 200: VersionList, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      requireEditor(request);
      const versions = await listVersions(deps.db, request.params.slug, VERSIONS_SHOWN);
      if (versions.length === 0) throw notFound('Help article');
      return { slug: request.params.slug, items: versions.map(versionView) };
    },
  );

  app.post(
    '/api/v1/help/articles/:slug/feedback',
    {
      schema: {
        tags: TAGS,
        summary: '\u201cWas this helpful?\u201d for a published article; no sign-in needed',
        security: [],
        params: SlugParam,
        body: FeedbackBody,
        response: { 201: FeedbackRecorded, ...problemResponses(400, 404, 429) },
      },
      config: { rateLimit: { max: FEEDBACK_PER_MINUTE, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      await recordFeedback({ db: deps.db, clock: deps.clock }, request.params.slug, request.body, meta(request));
      return reply.code(201).send({ recorded: true as const });
    },
  );
};
