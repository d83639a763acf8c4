/**
 * One error class, a closed list of codes, one mapper to RFC 9457 problem+json.
 * Codes are API contract: add new ones, never rename.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  malformed_json: 400,
  unknown_field: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  totp_required: 401,
  invalid_totp: 401,
  session_expired: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  invalid_state_transition: 409,
  idempotency_key_reused: 422,
  gone: 410,
  payload_too_large: 413,
  attachment_too_large: 413,
  attachment_type_refused: 415,
  attachment_empty: 400,
  attachment_name_invalid: 400,
  too_many_attachments: 400,
  outbound_sensitive_request: 422,
  case_closed: 409,
  unsupported_media_type: 415,
  account_locked: 429,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
  alert_link_used: 410,
  alert_link_expired: 410,
  alert_already_decided: 409,
  dispute_already_open: 409,
  not_disputable: 409,
  refund_found: 409,
  complaint_response_required: 409,
  complaint_root_cause_required: 409,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

const TITLES: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  malformed_json: 'The request body is not valid JSON',
  unknown_field: 'The request has a field this endpoint does not accept',
  bad_request: 'The request cannot be processed',
  unauthenticated: 'Sign-in required',
  invalid_credentials: 'E-mail or password is wrong',
  totp_required: 'A one-time code from your authenticator app is required',
  invalid_totp: 'The one-time code is wrong or expired',
  session_expired: 'Your session has expired',
  csrf_failed: 'Missing or wrong CSRF token',
  forbidden: 'You may not do this',
  not_found: 'Not found',
  route_not_found: 'No such endpoint',
  method_not_allowed: 'Method not allowed',
  conflict: 'Conflict with the current state',
  invalid_state_transition: 'This move is not allowed from the current state',
  idempotency_key_reused: 'This Idempotency-Key was used for a different request',
  gone: 'No longer available',
  payload_too_large: 'The request is too large',
  attachment_too_large: 'The attachment is over the size limit',
  attachment_type_refused: 'This kind of file is not accepted',
  attachment_empty: 'The attachment is empty',
  attachment_name_invalid: 'The attachment name is not usable',
  too_many_attachments: 'Too many attachments on one message',
  outbound_sensitive_request: 'The reply asks the cardholder for sensitive data',
  case_closed: 'The case is closed',
  unsupported_media_type: 'Unsupported content type',
  account_locked: 'Too many failed sign-ins; try again later',
  rate_limited: 'Too many requests; slow down',
  internal_error: 'Something went wrong on our side',
  service_unavailable: 'The service is starting or unavailable',
  alert_link_used: 'This link was already used',
  alert_link_expired: 'This link has expired',
  alert_already_decided: 'This alert was already answered',
  dispute_already_open: 'This charge already has an open dispute',
  not_disputable: 'This transaction cannot be disputed',
  refund_found: 'A matching refund is already on the account',
  complaint_response_required: 'A complaint cannot be closed before a written response is stored on its case',
  complaint_root_cause_required: 'A complaint cannot be closed without a root-cause category',
};

export type FieldError = { field: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly extra: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: { errors?: FieldError[]; extra?: Record<string, unknown>; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(detail ?? TITLES[code], { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.detail = detail;
    this.errors = options.errors;
    this.extra = options.extra;
    this.headers = options.headers;
  }
}

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [key: string]: unknown;
};

export function toProblem(error: AppError, instance?: string): Problem {
  return {
    ...(error.extra ?? {}),
    type: `https://cardcare.dev/problems/${error.code.replaceAll('_', '-')}`,
    title: TITLES[error.code],
    status: error.status,
    code: error.code,
    ...(error.detail ? { detail: error.detail } : {}),
    ...(instance ? { instance } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found`);
