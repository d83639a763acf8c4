import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, onUnauthorized, setCsrfToken } from './api-client.ts';
import type { MeResponse, SessionResponse, User } from './api-types.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; reason?: 'signed-out' | 'expired' }
  | { status: 'signed-in'; user: User };

type SessionApi = {
  state: SessionState;
  signedIn(response: SessionResponse): void;
  signOut(): Promise<void>;
};

const SessionContext = createContext<SessionApi | null>(null);

/** Who is signed in: asked once from GET /api/v1/me; the session itself lives in an HttpOnly cookie. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    api<MeResponse>('/api/v1/me', { signal: controller.signal, notifyUnauthorized: false })
      .then((me) => {
        setCsrfToken(me.csrfToken);
        setState({ status: 'signed-in', user: me.user });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (!(error instanceof ApiError) || error.status !== 401) console.warn('could not load the session', error);
        setState({ status: 'anonymous' });
      });
    return () => controller.abort();
  }, []);

  useEffect(
    () =>
      onUnauthorized(() => {
        setCsrfToken(null);
        setState({ status: 'anonymous', reason: 'expired' });
      }),
    [],
  );

  const signedIn = useCallback((response: SessionResponse) => {
    setCsrfToken(response.csrfToken);
    setState({ status: 'signed-in', user: response.user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api<void>('/api/v1/session', { method: 'DELETE', notifyUnauthorized: false });
    } catch (error) {
      // An expired session is signed out already; anything else still ends the session on this device.
      if (!(error instanceof ApiError) || error.status !== 401) console.warn('sign-out failed', error);
    }
    setCsrfToken(null);
    setState({ status: 'anonymous', reason: 'signed-out' });
  }, []);

  const value = useMemo(() => ({ state, signedIn, signOut }), [state, signedIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

export function homePathFor(user: User): string {
  return user.role === 'cardholder' ? '/' : '/staff';
}
