import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { IdParam, problemResponses } from '../../platform/schemas.ts';
import { caseDepsFrom } from '../cases/index.ts';
import * as S from './notices.schema.ts';
import { listNotices, readNotice } from './read-notices.ts';

const meta = (request: FastifyRequest) => ({ requestId: request.id, ip: request.ip ?? null });
const TAGS = ['notices'];

/**
 * The letter as issued: no script may run and nothing may load from elsewhere (inline styles only); the
 * browser must not second-guess the type. `sandbox` also keeps the page off the app's origin.
 */
const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  'cache-control': 'private, no-store',
  'referrer-policy': 'no-referrer',
};

/** Written notices (issue 4, item 6): listed on the case, viewable as HTML; the PDF is the message attachment. */
export const noticesRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const c = caseDepsFrom(deps);

  app.get(
    '/api/v1/cases/:id/notices',
    { schema: { tags: TAGS, summary: 'The written notices on a case (its cardholder, or staff)', params: IdParam('case'), response: { 200: S.CaseNotices, ...problemResponses(401, 404) } } },
    async (request) => listNotices(c, requireActor(request), request.params.id, meta(request)),
  );

  app.get(
    '/api/v1/notices/:id',
    { schema: { tags: TAGS, summary: 'One written notice', params: IdParam('ntc'), response: { 200: S.NoticeView, ...problemResponses(401, 404) } } },
    async (request) => (await readNotice(c, requireActor(request), request.params.id, meta(request), false)).view,
  );

  app.get(
    '/api/v1/notices/:id/html',
    { schema: { tags: TAGS, summary: 'A written notice as the HTML letter it was issued as', params: IdParam('ntc'), produces: ['text/html'], response: problemResponses(401, 404) } },
    async (request, reply) => {
      const { html } = await readNotice(c, requireActor(request), request.params.id, meta(request), true);
      return reply.headers(HTML_HEADERS).send(html);
    },
  );
};
