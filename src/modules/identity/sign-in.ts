import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { recordAudit } from '../../platform/audit.ts';
import { isStaffRole } from '../../platform/auth/actor.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { addressFailures, countAddressFailure, insertSession, type SessionPolicy } from '../../platform/auth/sessions.repo.ts';
import { verifyTotp } from '../../platform/auth/totp.ts';
import { AppError } from '../../platform/errors.ts';
import { findUserByEmail, recordFailedSignIn, resetFailedSignIns, type UserRow } from './users.repo.ts';

export const ACCOUNT_LOCK_AFTER = 5; // consecutive failures before an account is locked
export const ACCOUNT_LOCK_MINUTES = 15;
export const ADDRESS_MAX_FAILURES = 20; // failures per address per window, across all accounts
export const ADDRESS_WINDOW_MINUTES = 15;

export type SignInInput = { email: string; password: string; totp?: string | undefined };
export type SignInContext = { db: Db; clock: Clock; ip: string | null; userAgent: string | null; requestId: string; sessions: SessionPolicy };
export type SignInResult = { token: string; csrfToken: string; expiresAt: Date; user: UserRow };

function retryAfter(until: Date, now: Date): Record<string, string> {
  return { 'retry-after': String(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))) };
}

async function fail(ctx: SignInContext, user: UserRow | undefined, reason: string, error: AppError): Promise<never> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    if (ctx.ip) await countAddressFailure(tx, `ip:${ctx.ip}`, now, ADDRESS_WINDOW_MINUTES);
    let locked = false;
    if (user) {
      const after = await recordFailedSignIn(tx, user.id, now, ACCOUNT_LOCK_AFTER, ACCOUNT_LOCK_MINUTES);
      locked = after.locked;
    }
    await recordAudit(tx, {
      action: locked ? 'account.locked_out' : 'session.sign_in_failed',
      actorId: user?.id ?? null,
      actorRole: user?.role ?? null,
      targetType: user ? 'user' : null,
      targetId: user?.id ?? null,
      requestId: ctx.requestId,
      ip: ctx.ip,
      at: now,
      detail: { reason },
    });
  });
  throw error;
}

/** Password for everyone; a TOTP code as well for staff. Unknown e-mail and wrong password look the same. */
export async function signIn(input: SignInInput, ctx: SignInContext): Promise<SignInResult> {
  const now = ctx.clock.now();
  if (ctx.ip) {
    const seen = await addressFailures(ctx.db, `ip:${ctx.ip}`, now, ADDRESS_WINDOW_MINUTES);
    if (seen && seen.failures >= ADDRESS_MAX_FAILURES) {
      const until = new Date(seen.windowStart.getTime() + ADDRESS_WINDOW_MINUTES * 60_000);
      throw new AppError('rate_limited', 'Too many failed sign-ins from this address; try again later', { headers: retryAfter(until, now) });
    }
  }
  const user = await findUserByEmail(ctx.db, input.email);
  if (user?.locked_until && user.locked_until.getTime() > now.getTime()) {
    throw new AppError('account_locked', `Too many failed sign-ins; this account is locked for up to ${ACCOUNT_LOCK_MINUTES} minutes`, {
      headers: retryAfter(user.locked_until, now),
    });
  }
  const passwordOk = await verifyPassword(user && !user.disabled_at ? user.password_hash : null, input.password);
  if (!user || !passwordOk) {
    return fail(ctx, user, 'password', new AppError('invalid_credentials', 'The e-mail address or password is wrong'));
  }
  if (isStaffRole(user.role)) {
    if (!input.totp) throw new AppError('totp_required', 'Staff accounts need the 6-digit code from your authenticator app', { extra: { totpRequired: true } });
    if (!user.totp_secret || !(await verifyTotp(user.totp_secret, input.totp, now))) {
      return fail(ctx, user, 'totp', new AppError('invalid_totp', 'The 6-digit code is wrong or has expired'));
    }
  }
  const session = await ctx.db.transaction().execute(async (tx) => {
    if (user.failed_signins > 0) await resetFailedSignIns(tx, user.id);
    const created = await insertSession(tx, { userId: user.id, ip: ctx.ip, userAgent: ctx.userAgent, now, policy: ctx.sessions });
    await recordAudit(tx, {
      action: 'session.sign_in',
      actorId: user.id,
      actorRole: user.role,
      targetType: 'session',
      targetId: created.id,
      requestId: ctx.requestId,
      ip: ctx.ip,
      at: now,
    });
    return created;
  });
  return { token: session.token, csrfToken: session.csrfToken, expiresAt: session.expiresAt, user };
}
