import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { BusEvent, EventBus } from './events.ts';

const CHANNEL = 'cardcare_events';
const MAX_PAYLOAD = 7_000; // NOTIFY payloads must stay under 8000 bytes

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
      const { o, e } = JSON.parse(message.payload) as { o: string; e: BusEvent };
      if (o === origin) return;
      relaying = true;
      bus.publish(e);
    } catch {
      // not ours
    } finally {
      relaying = false;
    }
  });
  const unsubscribe = bus.subscribe((event) => {
    if (relaying) return; // came from another process: do not echo it back
    const payload = JSON.stringify({ o: origin, e: event });
    if (payload.length > MAX_PAYLOAD) return;
    pool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch(() => {});
  });
  return async () => {
    unsubscribe();
    await listener.end().catch(() => {});
  };
}
