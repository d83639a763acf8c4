import { createGuardrails, generate, verify } from 'otplib';

// RFC 6238 defaults (SHA-1, 6 digits, 30 s). 80-bit secrets are what most authenticator apps issue
// (RFC 4226 asks for at least 128 bits; new staff secrets are generated at 160 bits).
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });
const TOLERANCE_SECONDS = 30; // one step either side for clock drift

export async function verifyTotp(secret: string, code: string, now: Date): Promise<boolean> {
  if (!/^[0-9]{6}$/.test(code)) return false;
  try {
    const result = await verify({ secret, token: code, epoch: Math.floor(now.getTime() / 1000), epochTolerance: TOLERANCE_SECONDS, guardrails });
    return result.valid;
  } catch {
    return false;
  }
}

export function totpCode(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000), guardrails });
}
