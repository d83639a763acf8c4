import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor, requireStaff } from '../../platform/auth/authenticate.ts';
import { AppError } from '../../platform/errors.ts';
import { fingerprint, readIdempotencyKey, runIdempotent } from '../../platform/idempotency.ts';
import { multipartBody } from '../../platform/multipart.ts';
import { IdParam, problemResponses } from '../../platform/schemas.ts';
import { createLedgerBanking } from '../banking/index.ts';
import { applyAction, assignCase, type CaseActionName, changePriority, markCaseRead } from './case-actions.ts';
import type { CaseDeps } from './case-deps.ts';
import { findCaseListRow } from './cases.repo.ts';
import * as S from './cases.schema.ts';
import { staffCaseSummaryView } from './cases.view.ts';
import { openCase, prepareOpenCase } from './open-case.ts';
import { postReply, prepareReply } from './post-reply.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import type { StaffActor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { createRulePrioritizer } from './prioritize.ts';
import { listCasesFor, readCase } from './read-cases.ts';
import { contentDisposition, readAttachment } from './read-attachment.ts';
import { mergeCase } from './merge-cases.ts';
import { rateCase } from './csat.ts';

export function caseDepsFrom(deps: AppDeps): CaseDeps {
  return {
    db: deps.db,
    clock: deps.clock,
    cipher: deps.cipher,
    profile: deps.profile,
    policy: deps.servicePolicy,
    prioritize: deps.prioritize ?? createRulePrioritizer(deps.servicePolicy.priorityRules),
    blobs: deps.blobs,
    banking: deps.banking ?? createLedgerBanking(deps.db),
    logger: deps.logger,
    publish: (change) => deps.events.publish(change),
  };
}

const meta = (request: FastifyRequest) => ({ requestId: request.id, ip: request.ip ?? null });
const TAGS = ['messages'];

export const casesRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const c = caseDepsFrom(deps);
  const uploads = {
    maxFileBytes: deps.servicePolicy.attachments.maxBytes,
    maxFiles: deps.servicePolicy.attachments.maxPerMessage,
    maxFieldBytes: deps.servicePolicy.messageLimits.bodyMaxChars * 4,
  };
  const parseUploads = multipartBody(uploads);

  /** Message and action POSTs share idempotency: a retry with the same key answers the first response. */
  function idempotencyScope(request: FastifyRequest, actorId: string) {
    const key = readIdempotencyKey(request.headers['idempotency-key']);
    const files = request.uploadedFiles.map((f) => [f.fileName, f.bytes.length]);
    const route = request.url.split('?')[0] ?? '';
    return { actorId, key, fingerprint: fingerprint(request.method, route, { body: request.body, files }), now: c.clock.now() };
  }

  async function idempotent<T>(request: FastifyRequest, actorId: string, status: number, work: (unit: Unit) => Promise<T>) {
    return runIdempotent(c.db, idempotencyScope(request, actorId), async (unit) => ({ status, body: await work(unit) }));
  }

  const staffSummary = async (tx: Executor, id: string) => {
    const row = await findCaseListRow(tx, id, 'staff');
    if (!row) throw new AppError('not_found', 'Case was not found');
    return staffCaseSummaryView(c.policy, row, c.clock.now());
  };

  /** A staff action on a case: idempotent, one unit of work, answered with the case as staff see it. */
  async function staffCaseAction(request: FastifyRequest, caseId: string, act: (unit: Unit, actor: StaffActor) => Promise<unknown>) {
    const actor = requireStaff(request);
    const result = await idempotent(request, actor.userId, 200, async (unit) => {
      await act(unit, actor);
      return staffSummary(unit.tx, caseId);
    });
    return result.body;
  }

  app.post(
    '/api/v1/messages',
    {
      schema: {
        tags: TAGS,
        summary: 'Start a conversation in the Secure Message Center (JSON, or multipart/form-data with files)',
        consumes: ['application/json', 'multipart/form-data'],
        body: S.NewMessageBody,
        response: { 201: S.MessagePosted, ...problemResponses(400, 401, 403, 404, 413, 415, 422) },
      },
      preValidation: parseUploads,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (actor.kind !== 'cardholder') throw new AppError('forbidden', 'Staff reply on cases with POST /api/v1/cases/:id/messages');
      const prepared = await prepareOpenCase(c, actor, { ...request.body, files: request.uploadedFiles });
      const result = await openCase(c, prepared, meta(request), idempotencyScope(request, actor.userId));
      return reply.code(201).send(result.body);
    },
  );

  app.post(
    '/api/v1/cases/:id/messages',
    {
      schema: {
        tags: TAGS,
        summary: 'Reply on a case (staff may add an internal note with internal: true)',
        consumes: ['application/json', 'multipart/form-data'],
        params: IdParam('case'),
        body: S.ReplyBody,
        response: { 201: S.MessagePosted, ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422) },
      },
      preValidation: parseUploads,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const prepared = await prepareReply(c, actor, { ...request.body, files: request.uploadedFiles });
      const result = await postReply(c, actor, request.params.id, prepared, meta(request), idempotencyScope(request, actor.userId));
      return reply.code(201).send(result.body);
    },
  );

  app.get(
    '/api/v1/cases',
    { schema: { tags: TAGS, summary: 'Cases: a cardholder\u2019s own, or the staff queue with filters', querystring: S.CaseListQuery, response: problemResponses(400, 401) } },
    async (request) => listCasesFor(c, requireActor(request), request.query, meta(request)),
  );

  app.get(
    '/api/v1/cases/:id',
    { schema: { tags: TAGS, summary: 'One case with its messages and timeline', params: IdParam('case'), response: problemResponses(401, 404) } },
    async (request) => readCase(c, requireActor(request), request.params.id, meta(request)),
  );

  app.post(
    '/api/v1/cases/:id/read',
    { schema: { tags: TAGS, summary: 'Read receipt: marks the other side\u2019s messages as read', params: IdParam('case'), response: { 204: { type: 'null' }, ...problemResponses(401, 404) } } },
    async (request, reply) => {
      await markCaseRead(c, requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/cases/:id/merge',
    { schema: { tags: TAGS, summary: 'Merge a duplicate case into another case of the same cardholder (staff)', params: IdParam('case'), body: S.MergeBody, response: { 200: S.StaffCaseSummary, ...problemResponses(400, 401, 403, 404, 409) } } },
    async (request) => staffCaseAction(request, request.params.id, (unit, actor) => mergeCase(c, unit, actor, request.params.id, request.body.intoCaseId, meta(request))),
  );

  app.post(
    '/api/v1/cases/:id/csat',
    { schema: { tags: TAGS, summary: 'Rate a resolved case (1\u20135), once per resolution', params: IdParam('case'), body: S.CsatBody, response: { 204: { type: 'null' }, ...problemResponses(400, 401, 403, 404, 409) } } },
    async (request, reply) => {
      const actor = requireActor(request);
      if (actor.kind !== 'cardholder') throw new AppError('forbidden', 'Only the cardholder rates a case');
      await rateCase(c, actor, request.params.id, request.body, meta(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/attachments/:id',
    { schema: { tags: TAGS, summary: 'Download an attachment (the case\u2019s cardholder or staff)', params: IdParam('att'), response: problemResponses(401, 404) } },
    async (request, reply) => {
      const file = await readAttachment(c, requireActor(request), request.params.id, meta(request));
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(file.bytes);
    },
  );

  app.post(
    '/api/v1/cases/:id/:action',
    {
      schema: {
        tags: TAGS,
        summary: 'A state action on a case (staff): start, await-customer, await-internal, resolve, reopen, close',
        params: S.CaseActionParams,
        body: S.ActionBody,
        response: { 200: S.StaffCaseSummary, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => staffCaseAction(request, request.params.id, (unit, actor) => applyAction(c, unit, actor, request.params.id, request.params.action as CaseActionName, request.body?.note, meta(request))),
  );

  app.post(
    '/api/v1/cases/:id/assign',
    { schema: { tags: TAGS, summary: 'Assign a case ("me", a staff id, or null)', params: IdParam('case'), body: S.AssignBody, response: { 200: S.StaffCaseSummary, ...problemResponses(400, 401, 403, 404) } } },
    async (request) => staffCaseAction(request, request.params.id, (unit, actor) => assignCase(c, unit, actor, request.params.id, request.body.assigneeId, meta(request))),
  );

  app.post(
    '/api/v1/cases/:id/priority',
    { schema: { tags: TAGS, summary: 'Change a case\u2019s priority (staff)', params: IdParam('case'), body: S.PriorityBody, response: { 200: S.StaffCaseSummary, ...problemResponses(400, 401, 403, 404) } } },
    async (request) => staffCaseAction(request, request.params.id, (unit, actor) => changePriority(c, unit, actor, request.params.id, request.body.priority, meta(request))),
  );

};
