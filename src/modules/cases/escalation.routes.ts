import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor } from '../../platform/auth/authenticate.ts';
import { AppError } from '../../platform/errors.ts';
import { fingerprint, readIdempotencyKey, runIdempotent } from '../../platform/idempotency.ts';
import { IdParam, problemResponses } from '../../platform/schemas.ts';
import { caseDepsFrom } from './cases.routes.ts';
import { findCaseListRow } from './cases.repo.ts';
import * as S from './cases.schema.ts';
import { caseSummaryView, staffCaseSummaryView } from './cases.view.ts';
import { ESCALATION_REASON_MAX, escalateCase } from './escalate-case.ts';

const meta = (request: FastifyRequest) => ({ requestId: request.id, ip: request.ip ?? null });

export const EscalateBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: ESCALATION_REASON_MAX, description: 'why a supervisor is needed, in the asker\u2019s words' }) },
  { additionalProperties: false },
);

/** Ask for a supervisor: the first rung of the escalation ladder (issue 4, item 1). */
export const escalationRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const c = caseDepsFrom(deps);

  app.post(
    '/api/v1/cases/:id/escalate',
    {
      schema: {
        tags: ['messages'],
        summary: 'Ask for a supervisor: the case moves to the supervisor queue under the supervisor SLA (the cardholder on their own case, or staff). Idempotent.',
        params: IdParam('case'),
        body: EscalateBody,
        response: { 200: Type.Union([S.StaffCaseSummary, S.CaseSummary]), ...problemResponses(400, 401, 404, 409, 422) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const key = readIdempotencyKey(request.headers['idempotency-key']);
      const route = request.url.split('?')[0] ?? '';
      const result = await runIdempotent(c.db, { actorId: actor.userId, key, fingerprint: fingerprint(request.method, route, { body: request.body }), now: c.clock.now() }, async (unit) => {
        await escalateCase(c, unit, actor, request.params.id, request.body.reason, meta(request));
        const row = await findCaseListRow(unit.tx, request.params.id, actor.kind === 'cardholder' ? 'cardholder' : 'staff');
        if (!row) throw new AppError('not_found', 'Case was not found');
        return { status: 200, body: actor.kind === 'staff' ? staffCaseSummaryView(c.policy, row, c.clock.now()) : caseSummaryView(row) };
      });
      return result.body;
    },
  );
};
