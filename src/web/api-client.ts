/**
 * The one way the web app talks to the API: same-origin cookies, the CSRF header on writes, and
 * application/problem+json (RFC 9457) turned into an ApiError whose text is safe to show.
 */
export type FieldError = { field: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  readonly retryAfterSeconds: number | undefined;

  constructor(init: { status: number; code: string; title: string; detail?: string | undefined; errors?: FieldError[]; retryAfterSeconds?: number | undefined }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** The sentence to show a person. */
  get userMessage(): string {
    return this.detail ?? this.title;
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let csrfToken: string | null = null;
const unauthorizedListeners = new Set<(error: ApiError) => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request that was meant to be signed in answers 401 (session expired or revoked). */
export function onUnauthorized(listener: (error: ApiError) => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** JSON-encoded, except a FormData (multipart upload), which is sent as it is. */
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** false for requests where a 401 is an expected answer (sign-in, "who am I"). */
  notifyUnauthorized?: boolean;
  /** Sent as `Idempotency-Key`: a retry of the same submission (after a network failure) is answered once. */
  idempotencyKey?: string | undefined;
};

/** A fresh key for one submission; keep it for retries of that submission, take a new one after success. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

function asFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter((e): e is FieldError => typeof e?.field === 'string' && typeof e?.message === 'string');
}

async function toApiError(response: Response): Promise<ApiError> {
  const retry = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    if (body && typeof body === 'object') {
      return new ApiError({
        status: response.status,
        code: typeof body.code === 'string' ? body.code : `http_${response.status}`,
        title: typeof body.title === 'string' ? body.title : response.statusText || 'Request failed',
        detail: typeof body.detail === 'string' ? body.detail : undefined,
        errors: asFieldErrors(body.errors),
        retryAfterSeconds,
      });
    }
  }
  const title = response.status >= 500 ? 'Something went wrong on our side. Please try again in a moment.' : 'The request could not be completed.';
  return new ApiError({ status: response.status, code: `http_${response.status}`, title, retryAfterSeconds });
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['content-type'] = 'application/json'; // multipart: the browser sets the boundary
  if (WRITE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'network_error', title: 'We could not reach the server. Check your connection and try again.' });
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && options.notifyUnauthorized !== false) for (const listener of unauthorizedListeners) listener(error);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Builds a query string from the defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
