import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor, requireStaff } from '../../platform/auth/authenticate.ts';
import { AppError } from '../../platform/errors.ts';
import { fingerprint, readIdempotencyKey, runIdempotent } from '../../platform/idempotency.ts';
import { problemResponses } from '../../platform/schemas.ts';
import { inUnit } from '../../platform/unit-of-work.ts';
import { type Answerer, decideAlert, type Decision } from './decide-alert.ts';
import { type FraudDeps, fraudDepsFrom } from './fraud-deps.ts';
import * as S from './fraud.schema.ts';
import { listAlerts, readAlert } from './read-alerts.ts';
import { recordAuthorization } from './record-authorization.ts';

const TAGS = ['fraud'];
const meta = (request: FastifyRequest) => ({ requestId: request.id, ip: request.ip ?? null });
/** One-time links are usable without sign-in; guessing is hopeless (256 bits) but still slowed down. */
const LINK_RATE = { rateLimit: { max: 60, timeWindow: 60_000 } };

/** With ?token= the one-time link answers (no sign-in needed); otherwise the signed-in cardholder does. */
function answerer(request: FastifyRequest<{ Querystring: { token?: string | undefined } }>): Answerer {
  const token = request.query.token;
  if (token) return { via: 'link', token };
  const actor = requireActor(request);
  if (actor.kind !== 'cardholder') throw new AppError('forbidden', 'Only the cardholder answers a fraud alert');
  return { via: 'portal', actor };
}

/** Fraud alerts: the processor feed (staff simulation), the cardholder's list, and confirm / deny. */
export const fraudRoutes: FastifyPluginAsyncTypebox<AppDeps & { onFraudLinkIssued?: FraudDeps['onLinkIssued'] }> = async (app, deps) => {
  const f = fraudDepsFrom(deps);

  app.post(
    '/api/v1/authorizations',
    {
      schema: {
        tags: TAGS,
        summary: 'Staff/system: record an authorization from the processor feed; the fraud rules may raise an alert (Idempotency-Key accepted)',
        body: S.AuthorizationBody,
        response: { 201: S.AuthorizationResult, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireStaff(request);
      const key = readIdempotencyKey(request.headers['idempotency-key']);
      const result = await runIdempotent(f.db, { actorId: actor.userId, key, fingerprint: fingerprint('POST', '/api/v1/authorizations', { body: request.body }), now: f.clock.now() }, async (unit) => ({
        status: 201,
        body: await recordAuthorization(f, unit, actor, request.body, meta(request)),
      }));
      return reply.code(201).send(result.body);
    },
  );

  app.get(
    '/api/v1/fraud-alerts',
    { schema: { tags: TAGS, summary: 'Your fraud alerts, newest first (staff: ?customerId=)', querystring: S.AlertListQuery, response: { 200: S.AlertList, ...problemResponses(400, 401) } } },
    async (request) => ({ items: await listAlerts(f, requireActor(request), request.query.customerId, meta(request)) }),
  );

  app.get(
    '/api/v1/fraud-alerts/:id',
    {
      schema: { tags: TAGS, summary: 'One fraud alert: yours, or through its one-time link (?token=)', params: S.AlertParams, querystring: S.LinkQuery, response: { 200: S.AlertView, ...problemResponses(400, 401, 403, 404, 410) } },
      config: LINK_RATE,
    },
    async (request) => readAlert(f, request.query.token ? { token: request.query.token } : { actor: requireActor(request) }, request.params.id),
  );

  for (const decision of ['confirm', 'deny'] as const satisfies readonly Decision[]) {
    app.post(
      `/api/v1/fraud-alerts/:id/${decision}`,
      {
        schema: {
          tags: TAGS,
          summary:
            decision === 'confirm'
              ? '"It was me": release the alert; the same merchant stays quiet for a while (signed in, or ?token= from the link)'
              : '"It wasn\u2019t me": block the card, reissue it, open a fraud case and list recurring merchants (signed in, or ?token=)',
          params: S.AlertParams,
          querystring: S.LinkQuery,
          response: { 200: S.AlertView, ...problemResponses(400, 401, 403, 404, 409, 410) },
        },
        config: LINK_RATE,
      },
      async (request) => {
        const who = answerer(request);
        return inUnit(f.db, (unit) => decideAlert(f, unit, who, request.params.id, decision, meta(request)));
      },
    );
  }
};
