import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError, toProblem } from './errors.ts';

const PROBLEM = 'application/problem+json';

export function sendProblem(reply: FastifyReply, error: AppError, instance?: string): FastifyReply {
  if (error.headers) reply.headers(error.headers);
  return reply.code(error.status).type(PROBLEM).send(toProblem(error, instance));
}

type AjvError = { instancePath?: string; keyword: string; message?: string; params?: Record<string, unknown> };

function fieldPath(context: string | undefined, e: AjvError): string {
  const base = (e.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  const extra = e.keyword === 'additionalProperties' ? String(e.params?.additionalProperty ?? '') : e.keyword === 'required' ? String(e.params?.missingProperty ?? '') : '';
  const joined = [base, extra].filter(Boolean).join('.');
  return joined || context || 'body';
}

function fieldMessage(e: AjvError): string {
  switch (e.keyword) {
    case 'additionalProperties':
      return 'is not a known field';
    case 'required':
      return 'is required';
    case 'maxLength':
      return `must be at most ${e.params?.limit} characters`;
    case 'minLength':
      return `must be at least ${e.params?.limit} characters`;
    case 'maximum':
      return `must be at most ${e.params?.limit}`;
    case 'minimum':
      return `must be at least ${e.params?.limit}`;
    case 'maxItems':
      return `must have at most ${e.params?.limit} items`;
    default:
      return e.message ?? 'is not valid';
  }
}

/** Turns schema-validation failures into a problem with one entry per field. */
export function validationProblem(error: FastifyError): AppError {
  const issues = (error.validation ?? []) as AjvError[];
  const errors: FieldError[] = issues.map((e) => ({ field: fieldPath(error.validationContext, e), message: fieldMessage(e) }));
  const unknown = issues.find((e) => e.keyword === 'additionalProperties');
  if (unknown) {
    return new AppError('unknown_field', `Unknown field "${String(unknown.params?.additionalProperty)}" in ${error.validationContext ?? 'body'}`, { errors });
  }
  const first = errors[0];
  return new AppError('validation_failed', first ? `${first.field} ${first.message}` : 'The request is not valid', { errors });
}

/** Maps Fastify's own errors (body parsing, limits) to our codes. Anything unknown is a 500. */
export function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) return validationProblem(error);
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'The request body is over the size limit for this endpoint');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'Send the body as application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_json', 'The body is empty but Content-Type says JSON');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('bad_request', 'Content-Length does not match the body');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('malformed_json', 'The request body is not valid JSON');
    case 'FST_ERR_BAD_URL':
      return new AppError('bad_request', 'The URL is not validly percent-encoded');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      // No identifier or slug is this long, so this is a malformed path rather than a missing resource.
      return new AppError('bad_request', 'A path segment is longer than any valid identifier');
    default:
      break;
  }
  if (error instanceof SyntaxError || error.name === 'SyntaxError') {
    return new AppError('malformed_json', 'The request body is not valid JSON');
  }
  if (error.statusCode === 429) return new AppError('rate_limited', 'Too many requests; try again later');
  if (error.statusCode === 413) return new AppError('payload_too_large');
  if (error.statusCode === 415) return new AppError('unsupported_media_type');
  if (error.statusCode === 405) return new AppError('method_not_allowed');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return new AppError('bad_request', 'The request cannot be processed');
  return new AppError('internal_error', undefined, { cause: error });
}

/**
 * Fastify option `frameworkErrors`: errors the router raises before any route (and so before the error handler)
 * runs, e.g. a broken percent-encoding or an over-long path parameter, answered as problems like the rest.
 */
export function frameworkProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = toAppError(error);
  request.log.info({ code: appError.code }, 'request refused');
  return sendProblem(reply, appError, request.url.split('?')[0]);
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code }, 'request refused');
    return sendProblem(reply, appError, request.url.split('?')[0]);
  });
}
