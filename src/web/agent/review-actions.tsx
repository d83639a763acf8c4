import { api, ApiError } from '../api-client.ts';

/** Runs a staff write and returns the error to show, or null; a fresh Idempotency-Key per click. */
export async function staffWrite(path: string, body: unknown): Promise<ApiError | null> {
  try {
    await api(path, { method: 'POST', body });
    return null;
  } catch (e) {
    return e instanceof ApiError ? e : new ApiError({ status: 0, code: 'client_error', title: 'Something went wrong.' });
  }
}

export const DOCUMENT_KIND_LABELS = { income: 'Proof of income', identity: 'Proof of identity', bank_statements: 'Bank statements' } as const;
