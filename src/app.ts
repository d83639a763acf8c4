import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppDeps } from './app-deps.ts';
import { createDiskBlobStore } from './modules/attachments/index.ts';
import { bankingRoutes } from './modules/banking/index.ts';
import { casesRoutes, createRulePrioritizer, escalationRoutes, liveRoutes, loadServicePolicy, staffToolsRoutes } from './modules/cases/index.ts';
import { complaintsRoutes } from './modules/complaints/index.ts';
import { noticesRoutes } from './modules/notices/index.ts';
import { cardsRoutes } from './modules/cards/index.ts';
import { feesRoutes } from './modules/fees/index.ts';
import { reviewsRoutes } from './modules/reviews/index.ts';
import { fraudRoutes } from './modules/fraud/index.ts';
import { disputesRoutes } from './modules/disputes/index.ts';
import { directoryRoutes } from './modules/directory/index.ts';
import { helpCenterRoutes } from './modules/help-center/index.ts';
import { identityRoutes } from './modules/identity/index.ts';
import { scamCheckRoutes } from './modules/scam-check/index.ts';
import { rewardsRoutes } from './modules/rewards/index.ts';
import { createClassifierPrioritizer, createTriage } from './modules/triage/index.ts';
import { installAuthentication } from './platform/auth/authenticate.ts';
import { AppError } from './platform/errors.ts';
import { frameworkProblem, installErrorHandling, sendProblem } from './platform/http.ts';
import { createEventBus } from './platform/events.ts';
import { newId } from './platform/ids.ts';
import { installMultipart } from './platform/multipart.ts';
import { installOpenApi } from './platform/openapi.ts';
import { installValidation } from './platform/validation.ts';
import { Problem } from './platform/schemas.ts';
import { installWeb } from './web/serve.ts';

export const BODY_LIMIT_BYTES = 1_048_576; // JSON bodies; uploads have their own limits

export type BuildOptions = Omit<AppDeps, 'servicePolicy' | 'blobs' | 'events'> &
  Partial<Pick<AppDeps, 'servicePolicy' | 'blobs' | 'events'>> & { serveWeb?: boolean };

/** Fills what the caller may leave out: the service policy from its file, blobs on disk, a fresh event bus. */
export function completeDeps(options: BuildOptions): AppDeps {
  const servicePolicy = options.servicePolicy ?? loadServicePolicy(options.config.servicePolicyPath);
  const triage = options.triage ?? createTriage();
  return {
    ...options,
    servicePolicy,
    blobs: options.blobs ?? createDiskBlobStore({ dataDir: options.config.dataDir }),
    events: options.events ?? createEventBus(),
    triage,
    // Every inbound message: the classifier's label mapping when it is confident, with the phrase rules under it
    // (urgent words keep precedence); below the threshold the rules alone, i.e. a person's general queue.
    prioritize: options.prioritize ?? createClassifierPrioritizer(triage, createRulePrioritizer(servicePolicy.priorityRules)),
  };
}

export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const deps = completeDeps(options);
  const app = Fastify({
    loggerInstance: deps.logger as unknown as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: process.env.TRUST_PROXY === 'true',
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : newId('req');
    },
    return503OnClosing: true,
    frameworkErrors: frameworkProblem,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addSchema(Problem);
  installValidation(app);
  installErrorHandling(app);
  app.removeContentTypeParser('text/plain'); // JSON only: anything else is a 415
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => {
      const error = new AppError('rate_limited', `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s`, {
        headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) },
      });
      return Object.assign(error, { statusCode: 429 });
    },
  });
  await installOpenApi(app);
  installAuthentication(app, {
    db: deps.db,
    clock: deps.clock,
    sessions: { idleMinutes: deps.config.sessionIdleMinutes, absoluteHours: deps.config.sessionAbsoluteHours },
    events: deps.events,
    cacheMs: deps.config.sessionCacheMs,
  });

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await deps.db.selectNoFrom((eb) => eb.val(1).as('ok')).execute();
      return { status: 'ok', database: deps.engine };
    } catch {
      return sendProblem(reply, new AppError('service_unavailable', 'The database is not reachable'));
    }
  });

  await app.register(identityRoutes, deps);
  await app.register(directoryRoutes, deps);
  await app.register(scamCheckRoutes, deps);
  await app.register(helpCenterRoutes, deps);
  await app.register(bankingRoutes, deps);
  await installMultipart(app, {
    maxFileBytes: deps.servicePolicy.attachments.maxBytes,
    maxFiles: deps.servicePolicy.attachments.maxPerMessage,
    maxFieldBytes: deps.servicePolicy.messageLimits.bodyMaxChars * 4,
  });
  await app.register(casesRoutes, deps);
  await app.register(disputesRoutes, deps);
  await app.register(staffToolsRoutes, deps);
  await app.register(liveRoutes, deps);
  await app.register(escalationRoutes, deps);
  await app.register(complaintsRoutes, deps);
  await app.register(noticesRoutes, deps);
  await app.register(fraudRoutes, deps);
  await app.register(cardsRoutes, deps);
  await app.register(rewardsRoutes, deps);
  await app.register(feesRoutes, deps);
  await app.register(reviewsRoutes, deps);

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !options.serveWeb) {
      return sendProblem(reply, new AppError('route_not_found', `No endpoint ${request.method} ${request.url.split('?')[0]}`));
    }
    return reply.type('text/html').sendFile('index.html');
  });
  if (options.serveWeb) await installWeb(app);
  return app;
}
