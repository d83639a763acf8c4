import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { type BusEvent, createEventBus } from './events.ts';
import { bridgeEventsOverPostgres } from './events-bridge.ts';

const url = process.env.DATABASE_URL;

describe('live updates across processes (PostgreSQL LISTEN/NOTIFY)', { skip: url ? false : 'needs PostgreSQL (DATABASE_URL): embedded mode is one process' }, () => {
  // NOTIFY reaches listeners of the same database: both sides use the server's URL, as the server does.
  let pool: pg.Pool;
  before(() => {
    pool = new pg.Pool({ connectionString: url, max: 2 });
  });
  after(() => pool.end());

  it('delivers an event published in one process to the other, once, and not back to its origin', async () => {
    const a = createEventBus();
    const b = createEventBus();
    const stopA = await bridgeEventsOverPostgres(a, url!, pool);
    const stopB = await bridgeEventsOverPostgres(b, url!, pool);
    try {
    const seenA: BusEvent[] = [];
    const seenB: BusEvent[] = [];
    a.subscribe((e) => seenA.push(e));
    b.subscribe((e) => seenB.push(e));
    a.publish({ type: 'message.created', caseId: 'case_x', customerId: 'cus_y' });
    for (let i = 0; i < 50 && seenB.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(seenB, [{ type: 'message.created', caseId: 'case_x', customerId: 'cus_y' }]);
    assert.equal(seenA.length, 1, 'the origin sees its own event once (locally), not echoed back');
    } finally {
      await stopA();
      await stopB();
    }
  });
});
