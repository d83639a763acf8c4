import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor, requireStaff } from '../../platform/auth/authenticate.ts';
import { notFound } from '../../platform/errors.ts';
import { fingerprint, readIdempotencyKey, runIdempotent } from '../../platform/idempotency.ts';
import { problemResponses } from '../../platform/schemas.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { caseDepsFrom } from '../cases/index.ts';
import { APPROVER_ROLES, decideFeeRefund } from './decide-fee-refund.ts';
import { feeRefundView } from './fee-refund.view.ts';
import { findFeeRefund, findRefundForFee, listFeeRefunds } from './fees.repo.ts';
import * as S from './fees.schema.ts';
import { quoteAccountFee } from './quote-account-fee.ts';
import { isDuplicateRefund, prepareFeeRefund, writeFeeRefund } from './request-fee-refund.ts';

const meta = (request: FastifyRequest) => ({ requestId: request.id, ip: request.ip ?? null });
const TAGS = ['fees'];

/** Annual-fee refunds (issue 6, item 2): the quote, the request (closing the account), supervisor approval. */
export const feesRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, appDeps) => {
  const deps = caseDepsFrom(appDeps);

  async function idempotent<T>(request: FastifyRequest, actorId: string, status: number, work: (unit: Unit) => Promise<T>) {
    const key = readIdempotencyKey(request.headers['idempotency-key']);
    const route = request.url.split('?')[0] ?? '';
    return runIdempotent(deps.db, { actorId, key, fingerprint: fingerprint(request.method, route, { body: request.body }), now: deps.clock.now() }, async (unit) => ({ status, body: await work(unit) }));
  }

  app.get(
    '/api/v1/accounts/:id/fee-refund-quote',
    { schema: { tags: TAGS, summary: 'What annual-fee refund closing the account on a date gives, line by line', params: S.AccountParam, querystring: S.QuoteQuery, response: { 200: S.QuoteView, ...problemResponses(400, 401, 404) } } },
    async (request) => quoteAccountFee(deps, requireActor(request), request.params.id, request.query.closeOn, meta(request)),
  );

  app.post(
    '/api/v1/accounts/:id/fee-refund',
    {
      schema: {
        tags: TAGS,
        summary: 'Close the account today and refund the annual fee (Idempotency-Key; a second request for the same fee returns the first)',
        params: S.AccountParam,
        body: S.RequestRefundBody,
        response: { 200: S.FeeRefundView, 201: S.FeeRefundView, ...problemResponses(400, 401, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const prepared = await prepareFeeRefund(deps, actor, request.params.id);
      const key = readIdempotencyKey(request.headers['idempotency-key']);
      const scope = { actorId: actor.userId, key, fingerprint: fingerprint(request.method, request.url.split('?')[0] ?? '', { body: request.body }), now: deps.clock.now() };
      try {
        // A retry with the same key replays the first answer (201); a new request for a refunded fee finds it (200).
        const result = await runIdempotent(deps.db, scope, async (unit) =>
          prepared.kind === 'existing' ? { status: 200, body: prepared.view } : { status: 201, body: await writeFeeRefund(deps, unit, actor, prepared, meta(request)) },
        );
        return reply.code(result.status === 201 ? 201 : 200).send(result.body);
      } catch (error) {
        if (!isDuplicateRefund(error) || prepared.kind === 'existing') throw error;
        const first = await findRefundForFee(deps.db, prepared.fee.transactionId);
        if (!first) throw error;
        return reply.code(200).send(feeRefundView(first));
      }
    },
  );

  app.get(
    '/api/v1/fee-refunds',
    { schema: { tags: TAGS, summary: 'Fee refunds, e.g. those waiting for approval (staff)', querystring: S.ListQuery, response: { 200: S.FeeRefundList, ...problemResponses(400, 401, 403) } } },
    async (request) => {
      requireStaff(request);
      const rows = await listFeeRefunds(deps.db, { status: request.query.status, accountId: request.query.accountId, limit: request.query.limit ?? 50 });
      return { items: rows.map(feeRefundView) };
    },
  );

  app.get(
    '/api/v1/fee-refunds/:id',
    { schema: { tags: TAGS, summary: 'One fee refund (the cardholder’s own, or staff)', params: S.FeeRefundParam, response: { 200: S.FeeRefundView, ...problemResponses(401, 404) } } },
    async (request) => {
      const actor = requireActor(request);
      const row = await findFeeRefund(deps.db, request.params.id, actor.kind === 'cardholder' ? actor.customerId : null);
      if (!row) throw notFound('Fee refund');
      return feeRefundView(row);
    },
  );

  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/api/v1/fee-refunds/:id/${decision}`,
      {
        schema: {
          tags: TAGS,
          summary: decision === 'approve' ? 'Approve a refund above the threshold and credit it (supervisor)' : 'Reject a refund above the threshold, with the reason (supervisor)',
          params: S.FeeRefundParam,
          body: decision === 'approve' ? S.DecideBody : S.RejectBody,
          response: { 200: S.FeeRefundView, ...problemResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        const actor = requireStaff(request, APPROVER_ROLES);
        const note = (request.body as { note?: string } | undefined)?.note;
        const result = await idempotent(request, actor.userId, 200, (unit) => decideFeeRefund(deps, unit, actor, request.params.id, decision, note, meta(request)));
        return result.body;
      },
    );
  }
};
