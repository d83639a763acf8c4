import { useRef } from 'react';
import { ApiError, newIdempotencyKey } from '../api-client.ts';

/**
 * The Idempotency-Key of a form's submission. It is kept only while the outcome is unknown (the network
 * failed, so the server may have done it): sending again then gets the first result, never a second message,
 * dispute or refund. Any answer from the server settles it, and the next submission gets a new key.
 */
export function useSubmissionKey(): { key: () => string; settle: (failure?: unknown) => void } {
  const ref = useRef<string | null>(null);
  return {
    key: () => (ref.current ??= newIdempotencyKey()),
    settle: (failure?: unknown) => {
      if (!(failure instanceof ApiError && failure.status === 0)) ref.current = null;
    },
  };
}
