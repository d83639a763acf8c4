import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor, requireStaff } from '../../platform/auth/authenticate.ts';
import { fingerprint, readIdempotencyKey, runIdempotent } from '../../platform/idempotency.ts';
import { IdParam, problemResponses } from '../../platform/schemas.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { caseDepsFrom } from '../cases/index.ts';
import { decidePendingAdjustment, requestAdjustment } from './adjust-points.ts';
import { enrollPromotion } from './enroll-promotion.ts';
import { redeemPoints } from './redeem-points.ts';
import { AppError } from '../../platform/errors.ts';
import { explainTransactionPoints, readRewards } from './read-rewards.ts';
import * as S from './rewards.schema.ts';

const meta = (request: FastifyRequest) => ({ requestId: request.id, ip: request.ip ?? null });
const TAGS = ['rewards'];
/** Who may change points: not compliance (read-only oversight). Who may approve: supervisors. */
const ADJUSTERS = ['agent', 'supervisor', 'admin'] as const;
const APPROVERS = ['supervisor'] as const;

export const rewardsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, appDeps) => {
  const deps = caseDepsFrom(appDeps);

  async function idempotent<T>(request: FastifyRequest, actorId: string, status: number, work: (unit: Unit) => Promise<T>) {
    const key = readIdempotencyKey(request.headers['idempotency-key']);
    const route = request.url.split('?')[0] ?? '';
    return runIdempotent(deps.db, { actorId, key, fingerprint: fingerprint(request.method, route, request.body ?? null), now: deps.clock.now() }, async (unit) => ({ status, body: await work(unit) }));
  }

  app.get(
    '/api/v1/accounts/:id/rewards',
    { schema: { tags: TAGS, summary: 'Points balance, earn rules with cap use, promotions and the ledger history (newest first, paged)', params: IdParam('acc'), querystring: S.RewardsQuery, response: { 200: S.RewardsView, ...problemResponses(400, 401, 404) } } },
    async (request) => readRewards(deps, requireActor(request), request.params.id, request.query, meta(request)),
  );

  app.get(
    '/api/v1/transactions/:id/points-explanation',
    { schema: { tags: TAGS, summary: '"Why didn’t my points post?": expected and posted points with the reason and its numbers', params: IdParam('txn'), response: { 200: S.ExplanationView, ...problemResponses(400, 401, 404) } } },
    async (request) => explainTransactionPoints(deps, requireActor(request), request.params.id, meta(request)),
  );

  app.post(
    '/api/v1/accounts/:id/rewards/promotions/:promotionId/enroll',
    { schema: { tags: TAGS, summary: 'Enroll in a promotion (counts for purchases from now on; Idempotency-Key accepted)', params: S.EnrollParams, response: { 200: S.EnrollmentView, ...problemResponses(400, 401, 403, 404, 409, 422) } } },
    async (request) => {
      const actor = requireActor(request);
      if (actor.kind === 'staff') requireStaff(request, ADJUSTERS);
      const result = await idempotent(request, actor.userId, 200, (unit) => enrollPromotion(deps, unit, actor, request.params.id, request.params.promotionId, meta(request)));
      return result.body;
    },
  );

  app.post(
    '/api/v1/accounts/:id/rewards/adjustments',
    {
      schema: {
        tags: TAGS,
        summary: 'Staff: adjust points with a reason (audited); above the product threshold it waits for a supervisor. Idempotency-Key accepted',
        params: IdParam('acc'),
        body: S.AdjustmentBody,
        response: { 201: S.AdjustmentView, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireStaff(request, ADJUSTERS);
      const result = await idempotent(request, actor.userId, 201, (unit) => requestAdjustment(deps, unit, actor, request.params.id, request.body, meta(request)));
      return reply.code(201).send(result.body);
    },
  );

  app.post(
    '/api/v1/accounts/:id/rewards/redemptions',
    {
      schema: {
        tags: TAGS,
        summary: 'Cardholder: redeem points for a statement credit (credit and ledger entry in steps with undo). Idempotency-Key accepted',
        params: IdParam('acc'),
        body: S.RedemptionBody,
        response: { 201: S.RedemptionView, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (actor.kind !== 'cardholder') throw new AppError('forbidden', 'Points are redeemed by the cardholder');
      const result = await idempotent(request, actor.userId, 201, (unit) => redeemPoints(deps, unit, actor, request.params.id, request.body.points, meta(request)));
      return reply.code(201).send(result.body);
    },
  );

  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/api/v1/accounts/:id/rewards/adjustments/:adjId/${decision}`,
      {
        schema: {
          tags: TAGS,
          summary: `Supervisor: ${decision} a pending adjustment (not your own). Idempotency-Key accepted`,
          params: S.AdjustmentParams,
          body: S.DecisionBody,
          response: { 200: S.AdjustmentView, ...problemResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        const actor = requireStaff(request, APPROVERS);
        const { id, adjId } = request.params as { id: string; adjId: string };
        const note = (request.body as { note?: string } | undefined)?.note;
        const result = await idempotent(request, actor.userId, 200, (unit) => decidePendingAdjustment(deps, unit, actor, id, adjId, decision, note, meta(request)));
        return result.body;
      },
    );
  }
};
