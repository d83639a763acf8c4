import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor, requireStaff } from '../../platform/auth/authenticate.ts';
import { AppError } from '../../platform/errors.ts';
import { fingerprint, readIdempotencyKey, runIdempotent } from '../../platform/idempotency.ts';
import { multipartBody } from '../../platform/multipart.ts';
import { IdParam, problemResponses } from '../../platform/schemas.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { caseDepsFrom } from '../cases/index.ts';
import { withCalendar } from './dispute-deps.ts';
import { grantProvisionalCredit, moneyContext, resolveDispute, reverseProvisionalCredit } from './dispute-money.ts';
import { findDispute, findOpenDisputeFor, listMoneySteps } from './disputes.repo.ts';
import * as S from './disputes.schema.ts';
import { alreadyOpenError, prepareFiling, writeFiling } from './file-dispute.ts';
import { moveDispute } from './move-dispute.ts';
import { listDisputesFor, readDispute } from './read-disputes.ts';
import { disputableCharge, findMatchingRefunds } from './refund-check.ts';
import { disputeView } from './dispute.view.ts';
import { disputeOptions } from './dispute-options.ts';
import { localDate } from '../calendars/index.ts';

const meta = (request: FastifyRequest) => ({ requestId: request.id, ip: request.ip ?? null });
const TAGS = ['disputes'];
const isOneOpenViolation = (e: unknown) => (e as { code?: string }).code === '23505' && /disputes_one_open_per_transaction/.test(String((e as { constraint?: string; message?: string }).constraint ?? (e as Error).message));

/** Multipart fields arrive as text: `answers` is JSON and `amount` a number of cents. */
function normalizeMultipartFields(request: FastifyRequest): void {
  if (!request.isMultipart() || typeof request.body !== 'object' || request.body === null) return;
  const body = request.body as Record<string, unknown>;
  if (typeof body.answers === 'string') {
    try {
      body.answers = JSON.parse(body.answers);
    } catch {
      throw new AppError('validation_failed', 'answers must be a JSON object', { errors: [{ field: 'answers', message: 'must be a JSON object' }] });
    }
  }
  if (typeof body.amount === 'string' && /^-?\d+$/.test(body.amount)) body.amount = Number(body.amount);
}

export const disputesRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, appDeps) => {
  const deps = withCalendar(caseDepsFrom(appDeps));
  const parseUploads = multipartBody({
    maxFileBytes: appDeps.servicePolicy.attachments.maxBytes,
    maxFiles: appDeps.servicePolicy.attachments.maxPerMessage,
    maxFieldBytes: appDeps.servicePolicy.messageLimits.bodyMaxChars * 4,
  });

  async function idempotent<T>(request: FastifyRequest, actorId: string, status: number, work: (unit: Unit) => Promise<T>) {
    const key = readIdempotencyKey(request.headers['idempotency-key']);
    const files = request.uploadedFiles.map((f) => [f.fileName, f.bytes.length]);
    const route = request.url.split('?')[0] ?? '';
    return runIdempotent(deps.db, { actorId, key, fingerprint: fingerprint(request.method, route, { body: request.body, files }), now: deps.clock.now() }, async (unit) => ({ status, body: await work(unit) }));
  }

  const staffView = async (unit: Unit, id: string) => {
    const d = await findDispute(unit.tx, id, null);
    if (!d) throw new AppError('not_found', 'Dispute was not found');
    return disputeView(d, await listMoneySteps(unit.tx, id), localDate(deps.clock.now(), deps.calendar.timeZone), true);
  };

  app.post(
    '/api/v1/disputes',
    {
      schema: {
        tags: TAGS,
        summary: 'Dispute a posted charge (JSON, or multipart/form-data with evidence files; answers as a JSON field)',
        consumes: ['application/json', 'multipart/form-data'],
        body: S.FileDisputeBody,
        response: { 201: S.DisputeView, ...problemResponses(400, 401, 403, 404, 409, 413, 415) },
      },
      preValidation: async (request) => {
        await parseUploads(request);
        normalizeMultipartFields(request);
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (actor.kind !== 'cardholder') throw new AppError('forbidden', 'Disputes are filed by the cardholder');
      const prepared = await prepareFiling(deps, actor, { ...request.body, files: request.uploadedFiles });
      try {
        const result = await idempotent(request, actor.userId, 201, async (unit) => {
          const row = await writeFiling(deps, unit, prepared, meta(request));
          return disputeView(row, [], prepared.track.noticeReceivedOn, false);
        });
        return reply.code(201).send(result.body);
      } catch (error) {
        if (!isOneOpenViolation(error)) throw error;
        const first = await findOpenDisputeFor(deps.db, prepared.transaction.id);
        throw first ? alreadyOpenError(first) : error;
      }
    },
  );

  app.post(
    '/api/v1/disputes/refund-check',
    { schema: { tags: TAGS, summary: '"My refund is not showing": search the ledger for the merchant’s credit before disputing', body: S.RefundCheckBody, response: { 200: S.RefundCheckView, ...problemResponses(400, 401, 404, 409) } } },
    async (request) => {
      const actor = requireActor(request);
      const scope = actor.kind === 'cardholder' ? actor.customerId : null;
      const charge = await disputableCharge(deps.banking, request.body.transactionId, scope);
      return findMatchingRefunds(deps.banking, charge, { amountCents: request.body.amount, statedRefundDate: request.body.refundDate, timeZone: deps.calendar.timeZone });
    },
  );

  app.get(
    '/api/v1/disputes/options',
    {
      schema: {
        tags: TAGS,
        summary: 'Before filing: the charge, whether it can be disputed (and why not), the reasons with their questions, the refund check and same-merchant charges',
        querystring: S.DisputeOptionsQuery,
        response: { 200: S.DisputeOptionsView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => disputeOptions(deps, requireActor(request), request.query.transactionId),
  );

  app.get(
    '/api/v1/disputes',
    { schema: { tags: TAGS, summary: 'Disputes: a cardholder’s own, or all with staff filters', querystring: S.DisputeListQuery, response: { 200: S.DisputeList, ...problemResponses(400, 401, 403) } } },
    async (request) => listDisputesFor(deps, requireActor(request), request.query, meta(request)),
  );

  app.get(
    '/api/v1/disputes/:id',
    { schema: { tags: TAGS, summary: 'One dispute: both tracks, every deadline, plain-language status', params: IdParam('dsp'), response: { 200: S.DisputeView, ...problemResponses(401, 404) } } },
    async (request) => readDispute(deps, deps.db, requireActor(request), request.params.id, meta(request)),
  );

  const moneyRoute = (path: string, summary: string, work: (c: ReturnType<typeof moneyContext>, id: string, body: unknown) => Promise<void>, body?: typeof S.ResolveBody) =>
    app.post(
      `/api/v1/disputes/:id/${path}`,
      { schema: { tags: TAGS, summary, params: IdParam('dsp'), ...(body ? { body } : {}), response: { 200: S.DisputeView, ...problemResponses(400, 401, 403, 404, 409, 422) } } },
      async (request) => {
        const actor = requireStaff(request);
        const { id } = request.params as { id: string };
        const result = await idempotent(request, actor.userId, 200, async (unit) => {
          await work(moneyContext(deps, unit, actor, meta(request)), id, request.body);
          return staffView(unit, id);
        });
        return result.body;
      },
    );
  moneyRoute('provisional-credit', 'Post provisional credit (idempotent; a written notice goes on the case)', (c, id) => grantProvisionalCredit(c, id));
  moneyRoute('reverse-provisional-credit', 'Reverse the provisional credit (idempotent; a written notice goes on the case)', (c, id) => reverseProvisionalCredit(c, id));
  moneyRoute('resolve', 'Resolve the dispute: final credit, or reversal of the provisional credit, with the written notice', (c, id, body) => {
    const b = body as { outcome: 'cardholder_favor' | 'merchant_favor'; note: string };
    return resolveDispute(c, id, b.outcome, b.note);
  }, S.ResolveBody);

  app.post(
    '/api/v1/disputes/:id/:action',
    { schema: { tags: TAGS, summary: 'Move the network track (collect-evidence, submit, representment, pre-arbitration, arbitration, win, lose, withdraw, expire)', params: S.MoveParams, body: S.MoveBody, response: { 200: S.DisputeView, ...problemResponses(400, 401, 403, 404, 409) } } },
    async (request) => {
      const actor = requireStaff(request);
      const result = await idempotent(request, actor.userId, 200, async (unit) => {
        await moveDispute(deps, unit, actor, request.params.id, request.params.action, request.body?.note, meta(request));
        return staffView(unit, request.params.id);
      });
      return result.body;
    },
  );
};
