import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../../platform/audit.ts';
import { requireActor, SESSION_COOKIE } from '../../platform/auth/authenticate.ts';
import { revokeSession } from '../../platform/auth/sessions.repo.ts';
import { problemResponses } from '../../platform/schemas.ts';
import { MeView, SessionView, SignInBody } from './identity.schema.ts';
import { signIn } from './sign-in.ts';
import { findUserById, type UserRow } from './users.repo.ts';

function userView(u: Pick<UserRow, 'id' | 'email' | 'role' | 'display_name' | 'agent_code' | 'customer_id'>) {
  return {
    id: u.id,
    email: u.email,
    role: u.role,
    displayName: u.display_name,
    ...(u.agent_code ? { agentCode: u.agent_code } : {}),
    ...(u.customer_id ? { customerId: u.customer_id } : {}),
  };
}

export const identityRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  const sessions = { idleMinutes: deps.config.sessionIdleMinutes, absoluteHours: deps.config.sessionAbsoluteHours };

  app.post(
    '/api/v1/session',
    {
      schema: {
        tags: ['identity'],
        summary: 'Sign in (cardholders: e-mail and password; staff: also a TOTP code)',
        body: SignInBody,
        response: { 200: SessionView, ...problemResponses(400, 401, 429) },
      },
      config: { rateLimit: { max: deps.config.signInRatePerMinute, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const result = await signIn(request.body, {
        db: deps.db,
        clock: deps.clock,
        ip: request.ip ?? null,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
        sessions,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.cookieSecure,
        path: '/',
        // Relative lifetime: the browser counts from its own clock, so a skewed device clock cannot drop the cookie.
        maxAge: Math.max(1, Math.floor((result.expiresAt.getTime() - deps.clock.now().getTime()) / 1000)),
      });
      return { token: result.token, csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString(), user: userView(result.user) };
    },
  );

  app.delete(
    '/api/v1/session',
    { schema: { tags: ['identity'], summary: 'Sign out', response: { 204: { type: 'null' }, ...problemResponses(401, 403) } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const now = deps.clock.now();
      await deps.db.transaction().execute(async (tx) => {
        await revokeSession(tx, actor.sessionId, now);
        await recordAudit(tx, {
          action: 'session.sign_out',
          actorId: actor.userId,
          actorRole: actor.role,
          targetType: 'session',
          targetId: actor.sessionId,
          requestId: request.id,
          ip: request.ip,
          at: now,
        });
      });
      // Every process forgets the session now (platform/auth/session-cache.ts; relayed by the events bridge).
      deps.events.publish({ type: 'session.revoked', sessionId: actor.sessionId });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    { schema: { tags: ['identity'], summary: 'The signed-in user and the CSRF token for cookie writes', response: { 200: MeView, ...problemResponses(401) } } },
    async (request) => {
      const actor = requireActor(request);
      const user = await findUserById(deps.db, actor.userId);
      if (!user) throw new Error('signed-in user vanished');
      return { user: userView(user), csrfToken: request.csrfToken ?? '' };
    },
  );
};
