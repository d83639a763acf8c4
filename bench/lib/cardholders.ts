import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { signIn } from './api.ts';

/**
 * Encryption keys for benchmark servers: given explicitly, so that a restarted server (kill9) or a second
 * process reads what the first one wrote, and nothing lands in the checkout's data/keyring.json.
 */
export function benchKeys(): Record<string, string> {
  return { CARDCARE_KEYS: `bench:${randomBytes(32).toString('base64')}`, CARDCARE_ACTIVE_KEY: 'bench' };
}

/** Sign-in e-mails of up to `count` distinct demo cardholders (every seeded cardholder has the demo password). */
export async function cardholderEmails(databaseUrl: string, count: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ email: string }>(
      "SELECT email FROM users WHERE role = 'cardholder' AND disabled_at IS NULL ORDER BY email LIMIT $1",
      [count],
    );
    return rows.map((r) => r.email);
  } finally {
    await client.end();
  }
}

/**
 * One bearer token per connection: the connection's own cardholder while there are enough distinct ones,
 * then round-robin over them (a cardholder may hold several sessions). Signs in a few at a time: Argon2id
 * is slow by design and this is set-up, not the measurement.
 */
export async function tokensFor(baseUrl: string, emails: string[], connections: number, parallel = 4): Promise<string[]> {
  if (emails.length === 0) throw new Error('no cardholder to sign in as');
  const tokens: string[] = new Array(connections);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < connections; i = next++) {
      tokens[i] = (await signIn(baseUrl, emails[i % emails.length])).token;
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, connections) }, worker));
  return tokens;
}

const MERCHANTS = ['Corner Grocery', 'City Parking', 'Blue Bottle Cafe', 'Metro Transit', 'Hardware Depot', 'Sunrise Pharmacy', 'Book Nook', 'Fuel Stop'];

/** A new conversation whose body holds a card number to redact, varied per connection and request. */
/** The subject of every message the load sends (so counts can leave out cases the server opens by itself). */
export const BENCH_SUBJECT = 'Charged twice at the store';

export function messageFor(connection: number, n: number): { subject: string; body: string } {
  const merchant = MERCHANTS[(connection + n) % MERCHANTS.length];
  const amount = (((connection * 7919 + n * 104729) % 50000) / 100 + 1).toFixed(2);
  const day = 1 + ((connection + n) % 28);
  return {
    subject: BENCH_SUBJECT,
    body:
      'My card 4111 1111 1111 1111 was charged twice at the store, please help. ' +
      `The charge of $${amount} at ${merchant} on June ${day} shows up two times (my reference ${connection}-${n}).`,
  };
}

/** A cardholder's follow-up on an open case, also holding a card number. */
export function replyFor(connection: number, n: number): { body: string } {
  return { body: `Following up: the second charge on card 4111 1111 1111 1111 is still there today (note ${connection}-${n}).` };
}
