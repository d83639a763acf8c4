import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor, requireStaff } from '../../platform/auth/authenticate.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { fingerprint, readIdempotencyKey, runIdempotent } from '../../platform/idempotency.ts';
import { multipartBody } from '../../platform/multipart.ts';
import { problemResponses } from '../../platform/schemas.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { caseDepsFrom } from '../cases/index.ts';
import { checkDocument } from './check-document.ts';
import { decideReview } from './decide-review.ts';
import { isOneOpenViolation, openReview } from './open-review.ts';
import { readAccountReview, reviewView } from './read-review.ts';
import { requestDocuments } from './request-documents.ts';
import { findReview, latestReviewOf, listReviews } from './reviews.repo.ts';
import * as S from './reviews.schema.ts';
import { prepareUpload, writeUpload } from './upload-document.ts';

const meta = (request: FastifyRequest) => ({ requestId: request.id, ip: request.ip ?? null });
const TAGS = ['reviews'];

/** Account reviews (issue 6, item 3): holds, document requests, uploads, the checklist and the decision. */
export const reviewsRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, appDeps) => {
  const deps = caseDepsFrom(appDeps);
  const parseUploads = multipartBody({ maxFileBytes: appDeps.servicePolicy.attachments.maxBytes, maxFiles: appDeps.servicePolicy.attachments.maxPerMessage, maxFieldBytes: appDeps.servicePolicy.messageLimits.bodyMaxChars * 4 });

  async function idempotent<T>(request: FastifyRequest, actorId: string, status: number, work: (unit: Unit) => Promise<T>) {
    const key = readIdempotencyKey(request.headers['idempotency-key']);
    const files = request.uploadedFiles.map((f) => [f.fileName, f.bytes.length]);
    const route = request.url.split('?')[0] ?? '';
    const result = await runIdempotent(deps.db, { actorId, key, fingerprint: fingerprint(request.method, route, { body: request.body, files }), now: deps.clock.now() }, async (unit) => ({ status, body: await work(unit) }));
    return result.body;
  }
  const viewOf = async (unit: Unit, reviewId: string) => {
    const review = await findReview(unit.tx, reviewId, null);
    if (!review) throw notFound('Review');
    return reviewView({ ...deps, db: unit.tx as never }, review.account_id, review);
  };

  app.get(
    '/api/v1/accounts/:id/review',
    { schema: { tags: TAGS, summary: 'The account’s review: status, reason, documents requested, and when it should end', params: S.AccountParam, response: { 200: S.ReviewView, ...problemResponses(401, 404) } } },
    async (request) => readAccountReview(deps, requireActor(request), request.params.id, meta(request)),
  );

  app.post(
    '/api/v1/accounts/:id/review',
    { schema: { tags: TAGS, summary: 'Put the account on hold for a review, with a reason and document requests (staff)', params: S.AccountParam, body: S.OpenReviewBody, response: { 201: S.ReviewView, ...problemResponses(400, 401, 403, 404, 409, 422) } } },
    async (request, reply) => {
      const actor = requireStaff(request);
      const account = await deps.banking.findAccount(request.params.id, { customerId: null });
      if (!account) throw notFound('Account');
      try {
        const body = await idempotent(request, actor.userId, 201, async (unit) => {
          const review = await openReview(deps, unit, { account, ...request.body, source: 'staff', actor }, meta(request));
          return viewOf(unit, review.id);
        });
        return reply.code(201).send(body);
      } catch (error) {
        if (!isOneOpenViolation(error)) throw error;
        const current = await latestReviewOf(deps.db, account.id);
        throw new AppError('conflict', `This account is already under review${current ? ` (case ${current.case_number})` : ''}`);
      }
    },
  );

  app.get(
    '/api/v1/reviews',
    { schema: { tags: TAGS, summary: 'Account reviews, e.g. the open ones (staff)', querystring: S.ListQuery, response: { 200: S.ReviewList, ...problemResponses(400, 401, 403) } } },
    async (request) => {
      requireStaff(request);
      const rows = await listReviews(deps.db, { status: request.query.status, limit: request.query.limit ?? 50 });
      return {
        items: rows.map((r) => ({ id: r.id, accountId: r.account_id, customerId: r.customer_id, status: r.status, reason: r.reason, reasonCode: r.reason_code, caseId: r.case_id, caseNumber: r.case_number, placedAt: r.placed_at.toISOString(), source: r.source })),
      };
    },
  );

  app.post(
    '/api/v1/reviews/:id/documents',
    { schema: { tags: TAGS, summary: 'Ask for more documents, each with a due time (staff)', params: S.ReviewParam, body: S.RequestDocumentsBody, response: { 200: S.ReviewView, ...problemResponses(400, 401, 403, 404, 409, 422) } } },
    async (request) => {
      const actor = requireStaff(request);
      return idempotent(request, actor.userId, 200, async (unit) => {
        await requestDocuments(deps, unit, actor, request.params.id, request.body.documents, meta(request));
        return viewOf(unit, request.params.id);
      });
    },
  );

  app.post(
    '/api/v1/reviews/:id/documents/:documentId/uploads',
    {
      schema: {
        tags: TAGS,
        summary: 'Send a requested document (multipart/form-data: files, optional note); stored encrypted on the review’s case',
        consumes: ['multipart/form-data', 'application/json'],
        params: S.DocumentParams,
        body: S.UploadBody,
        response: { 201: S.ReviewView, ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422) },
      },
      preValidation: parseUploads,
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (actor.kind !== 'cardholder') throw new AppError('forbidden', 'Documents are sent by the cardholder');
      const { id, documentId } = request.params;
      const prepared = await prepareUpload(deps, actor, id, documentId, { note: request.body?.note, files: request.uploadedFiles });
      const body = await idempotent(request, actor.userId, 201, async (unit) => {
        await writeUpload(deps, unit, actor, id, documentId, prepared, meta(request));
        return viewOf(unit, id);
      });
      return reply.code(201).send(body);
    },
  );

  app.post(
    '/api/v1/reviews/:id/documents/:documentId/check',
    { schema: { tags: TAGS, summary: 'Reviewer checklist: check a document off, or send it back with the reason (staff)', params: S.DocumentParams, body: S.CheckBody, response: { 200: S.ReviewView, ...problemResponses(400, 401, 403, 404, 409, 422) } } },
    async (request) => {
      const actor = requireStaff(request);
      return idempotent(request, actor.userId, 200, async (unit) => {
        await checkDocument(deps, unit, actor, request.params.id, request.params.documentId, request.body, meta(request));
        return viewOf(unit, request.params.id);
      });
    },
  );

  app.post(
    '/api/v1/reviews/:id/decide',
    { schema: { tags: TAGS, summary: 'Decide: release the hold, extend the review, or close the account with an adverse-action notice (staff)', params: S.ReviewParam, body: S.DecideBody, response: { 200: S.ReviewView, ...problemResponses(400, 401, 403, 404, 409, 422) } } },
    async (request) => {
      const actor = requireStaff(request);
      return idempotent(request, actor.userId, 200, async (unit) => {
        await decideReview(deps, unit, actor, request.params.id, request.body, meta(request));
        return viewOf(unit, request.params.id);
      });
    },
  );
};
