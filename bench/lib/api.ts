import { DEMO_CARDHOLDERS, DEMO_PASSWORD } from '../../src/demo/seed-demo.ts';

let clientNumber = 0;

/**
 * A distinct client address for each request (the benchmark servers run with TRUST_PROXY=true): sign-in is
 * rate limited per address, and the benchmark measures sign-in, not the limiter.
 */
export function nextClientAddress(): string {
  clientNumber++;
  return `10.${(clientNumber >> 16) & 255}.${(clientNumber >> 8) & 255}.${clientNumber & 255}`;
}

export async function signIn(baseUrl: string, email: string = DEMO_CARDHOLDERS[0]): Promise<{ token: string; status: number }> {
  const res = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': nextClientAddress() },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const body = (await res.json().catch(() => ({}))) as { token?: string };
  if (res.status !== 200 || !body.token) throw new Error(`sign-in as ${email}: ${res.status} ${JSON.stringify(body)}`);
  return { token: body.token, status: res.status };
}

/** GET as the signed-in user; throws on a non-2xx answer with the problem it returned. */
export async function getJson(baseUrl: string, token: string, url: string): Promise<unknown> {
  const res = await fetch(`${baseUrl}${url}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  if (res.status < 200 || res.status > 299) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/** The list in a collection answer, whichever envelope the endpoint uses (a bare array, items, data, …). */
export function listOf(body: unknown, ...keys: string[]): unknown[] | undefined {
  if (Array.isArray(body)) return body;
  if (body && typeof body === 'object') {
    for (const key of [...keys, 'items', 'data', 'results']) {
      const value = (body as Record<string, unknown>)[key];
      if (Array.isArray(value)) return value;
    }
  }
  return undefined;
}
