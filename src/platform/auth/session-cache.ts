import type { SessionWithUser } from './sessions.repo.ts';

/**
 * A short-lived, per-process memory of recently checked sessions, so an API request does not cost a database
 * round trip just to learn who is asking (the ingest benchmark: one of the two statements a message needed).
 *
 * The expiry rules are still checked on every request against the injected clock (a cached row carries its
 * expires_at and last_seen_at); what the cache can miss is a change made since the row was read. Sign-out
 * publishes `session.revoked` on the event bus, which the events bridge relays to every process, and each
 * process forgets that session at once; any other change (a user disabled by hand in the database) is seen
 * within `ttlMs` (see TTL_SPREAD). Time here is the monotonic process clock: the cache is a performance device, not a rule.
 */
export type SessionCache = {
  get(token: string): SessionWithUser | undefined;
  set(token: string, row: SessionWithUser): void;
  forgetSession(sessionId: string): void;
  readonly size: number;
};

/**
 * Each entry lives between half of `ttlMs` and all of it, at random: sessions cached at the same moment (a
 * process start, a burst of sign-ins) would otherwise all expire together and ask the database at once — a
 * stall measured every 5 s in the ingest benchmark (64 lookups queued on the pool, p99 latency doubled).
 */
const TTL_SPREAD = 0.5;

export function createSessionCache(options: { ttlMs: number; max: number; monotonicMs?: () => number; random?: () => number }): SessionCache {
  const now = options.monotonicMs ?? (() => performance.now());
  const random = options.random ?? Math.random;
  const byToken = new Map<string, { row: SessionWithUser; until: number }>();
  const tokenOf = new Map<string, string>();
  const drop = (token: string) => {
    const entry = byToken.get(token);
    if (entry) tokenOf.delete(entry.row.session_id);
    byToken.delete(token);
  };
  return {
    get(token) {
      const entry = byToken.get(token);
      if (!entry) return undefined;
      if (now() > entry.until) {
        drop(token);
        return undefined;
      }
      return entry.row;
    },
    set(token, row) {
      drop(token);
      // Oldest first out: a Map iterates in insertion order.
      while (byToken.size >= options.max) drop(byToken.keys().next().value as string);
      byToken.set(token, { row, until: now() + options.ttlMs * (1 - TTL_SPREAD * random()) });
      tokenOf.set(row.session_id, token);
    },
    forgetSession(sessionId) {
      const token = tokenOf.get(sessionId);
      if (token !== undefined) drop(token);
    },
    get size() {
      return byToken.size;
    },
  };
}
