import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { createLedgerBanking } from '../banking/index.ts';
import { requireActor, requireStaff } from '../../platform/auth/authenticate.ts';
import type { CardholderActor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { fingerprint, readIdempotencyKey, runIdempotent } from '../../platform/idempotency.ts';
import { IdParam, problemResponses } from '../../platform/schemas.ts';
import { inUnit } from '../../platform/unit-of-work.ts';
import { blockCard, type CardDeps, lockCard, reissueCard, unlockCard } from './card-controls.ts';
import * as S from './cards.schema.ts';
import { explainTransactionDecline } from './explain-decline.ts';

const TAGS = ['cards'];
const meta = (request: FastifyRequest) => ({ requestId: request.id, ip: request.ip ?? null });

function requireCardholder(request: FastifyRequest): CardholderActor {
  const actor = requireActor(request);
  if (actor.kind !== 'cardholder') throw new AppError('forbidden', 'Cardholders lock and unlock their own cards; staff block them');
  return actor;
}

/** Card controls: lock and unlock (cardholder), block and reissue (staff), "why was my card declined?". */
export const cardsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const c: CardDeps = { db: deps.db, clock: deps.clock, banking: deps.banking ?? createLedgerBanking(deps.db) };
  const CardId = IdParam('crd');

  app.post(
    '/api/v1/cards/:id/lock',
    { schema: { tags: TAGS, summary: 'Lock your card: new purchases are declined until you unlock it', params: CardId, response: { 200: S.CardView, ...problemResponses(401, 403, 404, 409) } } },
    async (request) => {
      const actor = requireCardholder(request);
      return inUnit(c.db, (unit) => lockCard(c, unit, actor, request.params.id, meta(request)));
    },
  );

  app.post(
    '/api/v1/cards/:id/unlock',
    { schema: { tags: TAGS, summary: 'Unlock your locked card (a blocked or replaced card cannot be unlocked: 409)', params: CardId, response: { 200: S.CardView, ...problemResponses(401, 403, 404, 409) } } },
    async (request) => {
      const actor = requireCardholder(request);
      return inUnit(c.db, (unit) => unlockCard(c, unit, actor, request.params.id, meta(request)));
    },
  );

  app.post(
    '/api/v1/cards/:id/block',
    { schema: { tags: TAGS, summary: 'Staff: block a card at once (final)', params: CardId, body: S.BlockBody, response: { 200: S.CardView, ...problemResponses(400, 401, 403, 404, 409) } } },
    async (request) => {
      const actor = requireStaff(request);
      return inUnit(c.db, (unit) => blockCard(c, unit, actor, request.params.id, request.body.reason, meta(request)));
    },
  );

  app.post(
    '/api/v1/cards/:id/reissue',
    {
      schema: {
        tags: TAGS,
        summary: 'Staff: issue a replacement card with a new last 4; the old card becomes replaced (Idempotency-Key accepted)',
        params: CardId,
        body: S.ReissueBody,
        response: { 201: S.Reissued, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireStaff(request);
      const key = readIdempotencyKey(request.headers['idempotency-key']);
      const route = request.url.split('?')[0] ?? '';
      const result = await runIdempotent(c.db, { actorId: actor.userId, key, fingerprint: fingerprint(request.method, route, { body: request.body }), now: c.clock.now() }, async (unit) => ({
        status: 201,
        body: await reissueCard(c, unit, actor, request.params.id, request.body.reason ?? 'reissued by staff', meta(request)),
      }));
      return reply.code(201).send(result.body);
    },
  );

  app.get(
    '/api/v1/transactions/:id/decline-reason',
    { schema: { tags: TAGS, summary: 'Why was my card declined? The reason in plain words', params: IdParam('txn'), response: { 200: S.DeclineAnswer, ...problemResponses(401, 404) } } },
    async (request) => explainTransactionDecline(c, requireActor(request), request.params.id, meta(request)),
  );
};
