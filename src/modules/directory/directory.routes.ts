import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app-deps.ts';
import { AppError } from '../../platform/errors.ts';
import { problemResponses } from '../../platform/schemas.ts';
import { createTriage } from '../triage/index.ts';
import { buildDirectory } from './directory.view.ts';
import { Directory } from './directory.schema.ts';
import { decideRoute } from './route-question.ts';
import { ROUTE_QUERY_MAX_CHARS, RouteAnswer, RouteQuery } from './route-question.schema.ts';
import { routeAnswerView } from './route-question.view.ts';

/** Per client address and minute: a page types a question now and then, not hundreds of times. */
export const ROUTE_PER_MINUTE = 300;

export const directoryRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const directory = buildDirectory(deps.profile);
  const triage = deps.triage ?? createTriage();
  app.get(
    '/api/v1/directory',
    {
      schema: {
        tags: ['directory'],
        summary: 'The issuer\u2019s contact directory: hotlines with hours, written channels, addresses, official domains, the regulator',
        security: [],
        response: { 200: Directory },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return directory;
    },
  );

  app.get(
    '/api/v1/directory/route',
    {
      schema: {
        tags: ['directory'],
        summary: '\u201cWhich number do I call?\u201d \u2014 a question in your own words to the product line, hotline, hours and why',
        security: [],
        querystring: RouteQuery,
        response: { 200: RouteAnswer, ...problemResponses(400, 429) },
      },
      config: { rateLimit: { max: ROUTE_PER_MINUTE, timeWindow: 60_000 } },
    },
    async (request) => {
      const q = request.query.q.trim();
      if (q.length === 0 || q.length > ROUTE_QUERY_MAX_CHARS) {
        throw new AppError('validation_failed', `q must be 1 to ${ROUTE_QUERY_MAX_CHARS} characters (got ${q.length})`, {
          errors: [{ field: 'q', message: `must be 1 to ${ROUTE_QUERY_MAX_CHARS} characters` }],
        });
      }
      return routeAnswerView(q, decideRoute(deps.profile, triage, q));
    },
  );
};
