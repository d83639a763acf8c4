import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { IssuerProfile } from '../directory/index.ts';
import { AppError } from '../../platform/errors.ts';
import { problemResponses } from '../../platform/schemas.ts';
import { checkScam } from './check-scam.ts';
import { ScamCheckBody, ScamCheckView } from './scam-check.schema.ts';

export type ScamCheckOptions = {
  profile: IssuerProfile;
  /** Checks per minute per client address; defaults to SCAM_CHECK_RATE_PER_MINUTE, else 60. */
  ratePerMinute?: number;
};

export const SCAM_CHECK_RATE_ENV = 'SCAM_CHECK_RATE_PER_MINUTE';
const DEFAULT_RATE_PER_MINUTE = 60;
const FIELDS = ['phone', 'email', 'url', 'text'] as const;

/** The per-address limit from the environment: an integer from 1 to 100,000, else start-up fails naming it. */
export function scamCheckRateFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[SCAM_CHECK_RATE_ENV];
  if (raw === undefined || raw === '') return DEFAULT_RATE_PER_MINUTE;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 100_000) {
    throw new Error(`${SCAM_CHECK_RATE_ENV} must be an integer between 1 and 100000, got "${raw}"`);
  }
  return value;
}

const nothingToCheck = () =>
  new AppError('validation_failed', 'Give at least one of phone, email, url, text to check', {
    errors: [{ field: 'body', message: 'needs at least one of phone, email, url, text' }],
  });

/** POST /api/v1/scam-check — public (no sign-in), rate-limited per client address. */
export const scamCheckRoutes: FastifyPluginAsyncTypebox<ScamCheckOptions> = async (app, options) => {
  const max = options.ratePerMinute ?? scamCheckRateFromEnv();
  app.post(
    '/api/v1/scam-check',
    {
      schema: {
        tags: ['scam-check'],
        summary: 'Does this phone number, e-mail address, web address or message really come from us?',
        body: ScamCheckBody,
        response: { 200: ScamCheckView, ...problemResponses(400, 413, 415, 429) },
      },
      config: { rateLimit: { max, timeWindow: 60_000 } },
      // An absent body would fail the schema as "body must be object"; say what is needed instead.
      preValidation: async (request) => {
        if (request.body === undefined || request.body === null) throw nothingToCheck();
      },
    },
    async (request) => {
      if (!FIELDS.some((f) => (request.body[f] ?? '').trim().length > 0)) throw nothingToCheck();
      return checkScam(request.body, options.profile);
    },
  );
};
