import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, api } from '../api-client.ts';
import { asApiError } from '../components/use-resource.ts';

export const POLL_MS = 30_000;

export type LiveResource<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  isLoading: boolean;
  /** Re-GETs without clearing what is shown (live updates must not make the page jump). */
  refresh: () => Promise<void>;
};

/** Like useResource, but refreshes in place: the data stays on screen while the next copy loads. */
export function useLiveResource<T>(path: string | null): LiveResource<T> {
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [isLoading, setIsLoading] = useState(path !== null);
  const current = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    if (path === null) return;
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    setIsLoading(true);
    try {
      const next = await api<T>(path, { signal: controller.signal });
      if (controller.signal.aborted) return;
      setData(next);
      setError(undefined);
    } catch (caught) {
      if (!controller.signal.aborted) setError(asApiError(caught));
    } finally {
      if (!controller.signal.aborted) setIsLoading(false);
    }
  }, [path]);

  useEffect(() => {
    setData(undefined);
    void load();
    return () => current.current?.abort();
  }, [load]);

  return { data, error, isLoading, refresh: load };
}

export type CaseEvent = { type: 'case.updated' | 'message.created'; caseId: string | null };

function parse(type: CaseEvent['type'], raw: string): CaseEvent {
  try {
    const data = JSON.parse(raw) as { caseId?: unknown };
    return { type, caseId: typeof data.caseId === 'string' ? data.caseId : null };
  } catch {
    return { type, caseId: null };
  }
}

/**
 * Live updates from GET /api/v1/events (server-sent events, cookie auth). When the stream cannot be opened or
 * is closed for good, it falls back to calling `onEvent` with caseId null every 30 seconds (a poll).
 * Returns whether updates arrive live, for the "updated every 30 seconds" hint.
 */
export function useCaseEvents(onEvent: (event: CaseEvent) => void): 'live' | 'polling' {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const [mode, setMode] = useState<'live' | 'polling'>('live');

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | null = null;
    const poll = () => {
      if (timer) return;
      setMode('polling');
      timer = setInterval(() => {
        if (document.visibilityState !== 'hidden') handler.current({ type: 'case.updated', caseId: null });
      }, POLL_MS);
    };
    if (typeof EventSource === 'undefined') {
      poll();
      return () => {
        if (timer) clearInterval(timer);
      };
    }
    const source = new EventSource('/api/v1/events', { withCredentials: true });
    const types: CaseEvent['type'][] = ['case.updated', 'message.created'];
    const listeners = types.map((type) => {
      const listener = (event: MessageEvent<string>) => handler.current(parse(type, event.data));
      source.addEventListener(type, listener);
      return [type, listener] as const;
    });
    source.onopen = () => {
      if (timer) clearInterval(timer);
      timer = null;
      setMode('live');
    };
    // A dropped stream is retried by the browser (CONNECTING) and a refused one (404, 401…) is CLOSED for good:
    // either way, poll until it is open again, so that nothing is missed in between.
    source.onerror = () => poll();
    return () => {
      for (const [type, listener] of listeners) source.removeEventListener(type, listener);
      source.close();
      if (timer) clearInterval(timer);
    };
  }, []);
  return mode;
}
