import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to Argon2id (RFC 9106's recommendation) with m=19 MiB, t=2, p=1 (OWASP's minimum).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummy: Promise<string> | null = null;

/**
 * Verifies in about the same time whether or not the account exists: an unknown e-mail is checked against a
 * dummy hash, so response time does not reveal which addresses have accounts.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    dummy ??= hash('cardcare-dummy-password');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
