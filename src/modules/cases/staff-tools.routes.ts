import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { requireStaff } from '../../platform/auth/authenticate.ts';
import { IdParam, problemResponses } from '../../platform/schemas.ts';
import { backfillAssignments } from './assignment.ts';
import { caseDepsFrom } from './cases.routes.ts';
import { createMacro, listMacros, renderMacro } from './macros.ts';
import { AvailabilityBody, MacroList, MacroView, NewMacroBody, RenderedMacro, RenderMacroBody } from './more.schema.ts';

const meta = (request: FastifyRequest) => ({ requestId: request.id, ip: request.ip ?? null });
const TAGS = ['agent console'];

/** Macros and agent availability: the agent console's tools. */
export const staffToolsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const c = caseDepsFrom(deps);

  app.get('/api/v1/macros', { schema: { tags: TAGS, summary: 'Canned replies', response: { 200: MacroList, ...problemResponses(401, 403) } } }, async (request) => {
    requireStaff(request);
    return listMacros(c);
  });

  app.post(
    '/api/v1/macros',
    { schema: { tags: TAGS, summary: 'Create a macro (supervisor or admin)', body: NewMacroBody, response: { 201: MacroView, ...problemResponses(400, 401, 403) } } },
    async (request, reply) => reply.code(201).send(await createMacro(c, requireStaff(request, ['supervisor', 'admin']), request.body, meta(request))),
  );

  app.post(
    '/api/v1/macros/:id/render',
    { schema: { tags: TAGS, summary: 'A macro with the case\u2019s placeholders filled in', params: IdParam('mac'), body: RenderMacroBody, response: { 200: RenderedMacro, ...problemResponses(400, 401, 403, 404) } } },
    async (request) => renderMacro(c, requireStaff(request), request.params.id, request.body.caseId),
  );

  app.post(
    '/api/v1/staff/me/availability',
    { schema: { tags: TAGS, summary: 'Take or stop taking new cases', body: AvailabilityBody, response: { 204: { type: 'null' }, ...problemResponses(400, 401, 403) } } },
    async (request, reply) => {
      const actor = requireStaff(request);
      await deps.db.updateTable('users').set({ available: request.body.available }).where('id', '=', actor.userId).execute();
      if (request.body.available) void backfillAssignments(c).catch((error) => request.log.error({ err: error }, 'backfill failed'));
      return reply.code(204).send(null);
    },
  );
};
