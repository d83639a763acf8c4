import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { BusEvent, EventBus } from './events.ts';

const CHANNEL = 'cardcare_events';
const MAX_PAYLOAD = 7_000; // NOTIFY payloads must stay under 8000 bytes
const COALESCE_MS = 5;

/**
 * With several server processes on one PostgreSQL, live updates published in one process must reach SSE
 * clients connected to another: every local event is also sent with NOTIFY, and events NOTIFY'd by other
 * processes are re-published on the local bus. Events carry ids only (case id, customer id), never content.
 */
export async function bridgeEventsOverPostgres(bus: EventBus, databaseUrl: string, pool: pg.Pool): Promise<() => Promise<void>> {
  const origin = randomUUID();
  const listener = new pg.Client({ connectionString: databaseUrl });
  listener.on('error', () => {}); // a dropped listener only delays live updates; clients also poll
  await listener.connect();
  await listener.query(`LISTEN ${CHANNEL}`);
  let relaying = false;
  listener.on('notification', (message) => {
    if (!message.payload) return;
    try {
      const { o, e } = JSON.parse(message.payload) as { o: string; e: BusEvent[] };
      if (o === origin) return;
      relaying = true;
      for (const event of e) bus.publish(event);
    } catch {
      // not ours
    } finally {
      relaying = false;
    }
  });
  // Events are coalesced for a few milliseconds into one NOTIFY, so a burst of writes costs one round trip.
  let queued: BusEvent[] = [];
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    const batch = queued;
    queued = [];
    for (let i = 0; i < batch.length; ) {
      let n = batch.length - i;
      let payload = JSON.stringify({ o: origin, e: batch.slice(i, i + n) });
      while (payload.length > MAX_PAYLOAD && n > 1) payload = JSON.stringify({ o: origin, e: batch.slice(i, i + (n = Math.ceil(n / 2))) });
      if (payload.length <= MAX_PAYLOAD) pool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch(() => {});
      i += n;
    }
  };
  const unsubscribe = bus.subscribe((event) => {
    if (relaying) return; // came from another process: do not echo it back
    queued.push(event);
    timer ??= setTimeout(flush, COALESCE_MS);
  });
  return async () => {
    if (timer) clearTimeout(timer);
    flush();
    unsubscribe();
    await listener.end().catch(() => {});
  };
}
