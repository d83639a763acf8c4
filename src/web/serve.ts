import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** Serves the built React app; unknown non-API GETs fall back to index.html (client-side routes). */
export async function installWeb(app: FastifyInstance): Promise<void> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
    app.log.warn(`web app not built (${WEB_DIST} missing): run "npm run build:web"`);
    app.get('/', async (_request, reply) =>
      reply.type('text/html').send('<!doctype html><title>Cardcare</title><p>The web app is not built. Run <code>npm run build:web</code>.</p>'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', index: ['index.html'], wildcard: false, cacheControl: false });
}
