import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Db } from '../db.ts';
import { AppError } from '../errors.ts';
import type { Actor, StaffActor, StaffRole } from './actor.ts';
import type { EventBus } from '../events.ts';
import { createSessionCache } from './session-cache.ts';
import { findSessionByToken, type SessionPolicy, touchSession } from './sessions.repo.ts';

export const SESSION_COOKIE = 'cardcare_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOUCH_EVERY_MS = 60_000; // last_seen_at is written at most once a minute per session

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    authFailure: 'session_expired' | null;
    csrfToken: string | null;
  }
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * Resolves the actor for every /api request, from `Authorization: Bearer` or the session cookie.
 * Cookie-authenticated writes must carry the session's CSRF token in `X-CSRF-Token`.
 */
export type AuthenticationDeps = {
  db: Db;
  clock: Clock;
  sessions: SessionPolicy;
  /** With a bus, checked sessions are remembered for `cacheMs` and forgotten on `session.revoked` (session-cache.ts). */
  events?: EventBus;
  cacheMs?: number;
};

export function installAuthentication(app: FastifyInstance, deps: AuthenticationDeps): void {
  const cache = deps.events && (deps.cacheMs ?? 0) > 0 ? createSessionCache({ ttlMs: deps.cacheMs ?? 0, max: 50_000 }) : null;
  if (cache) deps.events?.subscribe((event) => event.type === 'session.revoked' && typeof event.sessionId === 'string' && cache.forgetSession(event.sessionId));
  const lookup = async (token: string) => {
    const cached = cache?.get(token);
    if (cached) return cached;
    const row = await findSessionByToken(deps.db, token);
    if (row && cache) cache.set(token, row);
    return row;
  };
  app.decorateRequest('actor', null);
  app.decorateRequest('authFailure', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const bearer = bearerToken(request);
    const cookie = request.cookies?.[SESSION_COOKIE];
    const token = bearer ?? cookie;
    if (!token) return;
    const row = await lookup(token);
    const now = deps.clock.now();
    const idleLimit = deps.sessions.idleMinutes * 60_000;
    if (
      !row ||
      row.revoked_at ||
      row.disabled_at ||
      row.expires_at.getTime() <= now.getTime() ||
      now.getTime() - row.last_seen_at.getTime() > idleLimit
    ) {
      request.authFailure = 'session_expired';
      return;
    }
    if (!bearer && !SAFE_METHODS.has(request.method) && !isSignInRequest(request)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, row.csrf_token)) {
        throw new AppError('csrf_failed', 'Cookie-authenticated writes need the X-CSRF-Token header from sign-in or GET /api/v1/me');
      }
    }
    request.csrfToken = row.csrf_token;
    if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
      await touchSession(deps.db, row.session_id, now);
      row.last_seen_at = now; // the cached row too
    }
    request.actor =
      row.role === 'cardholder'
        ? { kind: 'cardholder', role: 'cardholder', userId: row.user_id, customerId: row.customer_id ?? '', displayName: row.display_name, sessionId: row.session_id }
        : { kind: 'staff', role: row.role, userId: row.user_id, displayName: row.display_name, agentCode: row.agent_code ?? '', sessionId: row.session_id };
  });
}

function isSignInRequest(request: FastifyRequest): boolean {
  return request.method === 'POST' && request.url.split('?')[0] === '/api/v1/session';
}

export function requireActor(request: FastifyRequest): Actor {
  if (request.actor) return request.actor;
  if (request.authFailure === 'session_expired') throw new AppError('session_expired', 'Your session has expired or was signed out; sign in again');
  throw new AppError('unauthenticated', 'Sign in to use this endpoint');
}

export function requireStaff(request: FastifyRequest, roles?: readonly StaffRole[]): StaffActor {
  const actor = requireActor(request);
  if (actor.kind !== 'staff') throw new AppError('forbidden', 'This endpoint is for staff');
  if (roles && !roles.includes(actor.role)) throw new AppError('forbidden', `This needs one of the roles: ${roles.join(', ')}`);
  return actor;
}
