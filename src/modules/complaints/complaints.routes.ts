import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor, requireStaff } from '../../platform/auth/authenticate.ts';
import { AppError } from '../../platform/errors.ts';
import { fingerprint, readIdempotencyKey, runIdempotent } from '../../platform/idempotency.ts';
import { IdParam, problemResponses } from '../../platform/schemas.ts';
import type { Unit } from '../../platform/unit-of-work.ts';
import { caseDepsFrom } from '../cases/index.ts';
import { acknowledgeComplaint, closeComplaint, recipientNameFor, recordRegulatorResponse, respondToComplaint } from './complaint-actions.ts';
import type { ComplaintDeps } from './complaint-deps.ts';
import { type ComplaintPolicy, loadComplaintPolicy } from './complaint-policy.ts';
import { readRegister, registerCsv } from './complaint-register.ts';
import * as S from './complaints.schema.ts';
import { readDashboard } from './complaint-dashboard.ts';
import { DashboardQuery, DashboardView } from './dashboard.schema.ts';
import { prepareComplaint, writeComplaint } from './file-complaint.ts';
import { readComplaint } from './read-complaint.ts';
import { prepareRegulatorComplaint, writeRegulatorComplaint } from './record-regulator-complaint.ts';
import { prepareCallback, writeCallback } from './request-callback.ts';

const meta = (request: FastifyRequest) => ({ requestId: request.id, ip: request.ip ?? null });
const TAGS = ['complaints'];
const REGISTER_ROLES = ['supervisor', 'compliance', 'admin'] as const;
const REGULATOR_ROLES = ['compliance', 'admin'] as const;

export type ComplaintsOptions = AppDeps & { complaintPolicy?: ComplaintPolicy };

/** Formal complaints, regulator complaints, the complaint register and callback requests (issue 4). */
export const complaintsRoutes: FastifyPluginAsyncTypebox<ComplaintsOptions> = async (app, deps) => {
  const d: ComplaintDeps = { cases: caseDepsFrom(deps), policy: deps.complaintPolicy ?? loadComplaintPolicy(), timeZone: deps.profile.issuer.timeZone };

  /** Creating POSTs honour Idempotency-Key: a retry with the same key answers the first response. */
  async function idempotent<T>(request: FastifyRequest, actorId: string, status: number, work: (unit: Unit) => Promise<T>) {
    const key = readIdempotencyKey(request.headers['idempotency-key']);
    const route = request.url.split('?')[0] ?? '';
    const result = await runIdempotent(d.cases.db, { actorId, key, fingerprint: fingerprint(request.method, route, { body: request.body }), now: d.cases.clock.now() }, async (unit) => ({ status, body: await work(unit) }));
    return result.body;
  }

  app.post(
    '/api/v1/complaints',
    { schema: { tags: TAGS, summary: 'File a formal complaint (cardholder), or log one received by phone or mail (staff)', body: S.FileComplaintBody, response: { 201: S.ComplaintView, ...problemResponses(400, 401, 403, 404, 422) } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const prepared = await prepareComplaint(d, actor, request.body);
      return reply.code(201).send(await idempotent(request, actor.userId, 201, (unit) => writeComplaint(d, unit, prepared, meta(request))));
    },
  );

  app.get(
    '/api/v1/complaints',
    { schema: { tags: TAGS, summary: 'The complaint register with on-time rates (supervisors, compliance)', querystring: S.RegisterQuery, response: { 200: S.RegisterView, ...problemResponses(400, 401, 403) } } },
    async (request) => readRegister(d, requireStaff(request, REGISTER_ROLES), request.query, meta(request)),
  );

  app.get(
    '/api/v1/complaints/options',
    { schema: { tags: TAGS, summary: 'Complaint categories, root causes and clock lengths (for forms)', response: { 200: S.ComplaintOptions, ...problemResponses(401) } } },
    async (request) => {
      requireActor(request);
      const p = d.policy;
      return { categories: p.categories, rootCauses: p.rootCauses, clocks: { acknowledgmentBusinessDays: p.acknowledgmentBusinessDays, responseCalendarDays: p.responseCalendarDays, finalCalendarDays: p.finalCalendarDays } };
    },
  );

  app.get(
    '/api/v1/staff/dashboard',
    { schema: { tags: ['dashboard'], summary: 'Supervisor dashboard: escalations, SLA breaches and risks, complaints by due date, and volume / SLA / timeliness over time', querystring: DashboardQuery, response: { 200: DashboardView, ...problemResponses(400, 401, 403) } } },
    async (request) => readDashboard(d, requireStaff(request, REGISTER_ROLES), request.query, meta(request)),
  );

  app.get(
    '/api/v1/complaints.csv',
    { schema: { tags: TAGS, summary: 'The complaint register as CSV (RFC 4180), same filters', querystring: S.RegisterQuery, produces: ['text/csv'], response: problemResponses(400, 401, 403) } },
    async (request, reply) => {
      const register = await readRegister(d, requireStaff(request, REGISTER_ROLES), request.query, meta(request), 'complaint.export');
      return reply
        .header('content-type', 'text/csv; charset=utf-8; header=present')
        .header('content-disposition', `attachment; filename="complaints-${register.asOf}.csv"`)
        .send(registerCsv(register.items));
    },
  );

  app.get(
    '/api/v1/complaints/:id',
    { schema: { tags: TAGS, summary: 'One complaint with its whole timeline (the cardholder\u2019s own, or staff)', params: IdParam('cmp'), response: { 200: S.ComplaintDetail, ...problemResponses(401, 404) } } },
    async (request) => readComplaint(d, requireActor(request), request.params.id, meta(request)),
  );

  app.post(
    '/api/v1/complaints/:id/acknowledge',
    { schema: { tags: TAGS, summary: 'Acknowledge a complaint (staff)', params: IdParam('cmp'), response: { 200: S.ComplaintView, ...problemResponses(401, 403, 404, 409) } } },
    async (request) => {
      const actor = requireStaff(request);
      const recipient = await recipientNameFor(d, request.params.id);
      return idempotent(request, actor.userId, 200, (unit) => acknowledgeComplaint(d, unit, actor, request.params.id, meta(request), recipient));
    },
  );

  app.post(
    '/api/v1/complaints/:id/respond',
    { schema: { tags: TAGS, summary: 'The written response, stored on the case as a message signed by the representative (staff)', params: IdParam('cmp'), body: S.RespondBody, response: { 200: S.ComplaintView, ...problemResponses(400, 401, 403, 404, 409, 422) } } },
    async (request) => {
      const actor = requireStaff(request);
      const recipient = await recipientNameFor(d, request.params.id);
      return idempotent(request, actor.userId, 200, (unit) => respondToComplaint(d, unit, actor, request.params.id, request.body.response, meta(request), recipient));
    },
  );

  app.post(
    '/api/v1/complaints/:id/close',
    { schema: { tags: TAGS, summary: 'Close a complaint: needs a written response and a root cause (staff)', params: IdParam('cmp'), body: S.CloseBody, response: { 200: S.ComplaintView, ...problemResponses(400, 401, 403, 404, 409) } } },
    async (request) => {
      const actor = requireStaff(request);
      return idempotent(request, actor.userId, 200, (unit) => closeComplaint(d, unit, actor, request.params.id, request.body?.rootCause, meta(request)));
    },
  );

  app.post(
    '/api/v1/regulator-complaints',
    { schema: { tags: TAGS, summary: 'Record a complaint received through the CFPB portal (compliance)', body: S.RegulatorComplaintBody, response: { 201: S.ComplaintView, ...problemResponses(400, 401, 403, 404, 409, 422) } } },
    async (request, reply) => {
      const actor = requireStaff(request, REGULATOR_ROLES);
      const prepared = await prepareRegulatorComplaint(d, actor, request.body);
      return reply.code(201).send(await idempotent(request, actor.userId, 201, (unit) => writeRegulatorComplaint(d, unit, prepared, meta(request))));
    },
  );

  app.post(
    '/api/v1/regulator-complaints/:id/response',
    { schema: { tags: TAGS, summary: 'Record the response sent through the regulator portal (compliance)', params: IdParam('cmp'), body: S.RegulatorResponseBody, response: { 200: S.ComplaintView, ...problemResponses(400, 401, 403, 404, 409) } } },
    async (request) => {
      const actor = requireStaff(request, REGULATOR_ROLES);
      return idempotent(request, actor.userId, 200, (unit) => recordRegulatorResponse(d, unit, actor, request.params.id, request.body, meta(request)));
    },
  );

  app.post(
    '/api/v1/callbacks',
    { schema: { tags: TAGS, summary: 'Ask for a callback: a case in the phone queue with the number and preferred time (cardholder)', body: S.CallbackBody, response: { 201: S.CallbackView, ...problemResponses(400, 401, 403, 404, 422) } } },
    async (request, reply) => {
      const actor = requireActor(request);
      if (actor.kind !== 'cardholder') throw new AppError('forbidden', 'Callbacks are requested by the cardholder; staff call from the case');
      const prepared = await prepareCallback(d, actor, request.body);
      return reply.code(201).send(await idempotent(request, actor.userId, 201, (unit) => writeCallback(d, unit, prepared, meta(request))));
    },
  );
};
