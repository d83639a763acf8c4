import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app-deps.ts';
import { buildDirectory } from './directory.view.ts';
import { Directory } from './directory.schema.ts';

export const directoryRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const directory = buildDirectory(deps.profile);
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
};
