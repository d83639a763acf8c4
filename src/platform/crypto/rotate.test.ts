import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase } from '../../../test/helpers.ts';
import type { Database } from '../db.ts';
import { aadFor, type CipherService, createCipherService } from './cipher-service.ts';
import { staticKeyring } from './keyring.ts';
import { rotateDataKeys } from './rotate.ts';

let database: Database;
let drop: () => Promise<void>;
const K1 = randomBytes(32);
const K2 = randomBytes(32);
const oldActive = staticKeyring({ k1: K1, k2: K2 }, 'k1'); // a server not yet switched to the new key
const newActive = staticKeyring({ k1: K1, k2: K2 }, 'k2'); // the rotation command, and switched servers
const onlyNew = staticKeyring({ k2: K2 }, 'k2'); // after rotation the old KEK can go

before(async () => {
  ({ database, drop } = await openTestDatabase());
  await sql`CREATE TABLE test_notes (id text PRIMARY KEY, body bytea NOT NULL)`.execute(database.db);
});
after(async () => {
  await database.close();
  await drop();
});
beforeEach(async () => {
  await sql`DELETE FROM test_notes`.execute(database.db);
  await sql`DELETE FROM data_keys`.execute(database.db);
});

const textOf = (i: number | string) => `Message ${i}: I did not authorize the charge from ACME on June 3.`;

async function sealNote(cipher: CipherService, id: string): Promise<void> {
  await database.db.transaction().execute(async (tx) => {
    const body = await cipher.sealText(tx, textOf(id), aadFor('test_notes', id, 'body'));
    await sql`INSERT INTO test_notes (id, body) VALUES (${id}, ${body})`.execute(tx);
  });
}
async function notes(): Promise<Array<{ id: string; body: Buffer }>> {
  const { rows } = await sql<{ id: string; body: Buffer }>`SELECT id, body FROM test_notes ORDER BY id`.execute(database.db);
  return rows.map((r) => ({ id: r.id, body: Buffer.from(r.body) }));
}
async function openAll(keyring = onlyNew): Promise<number> {
  const cipher = createCipherService({ keyring, cacheSize: 0 });
  const all = await notes();
  for (const n of all) assert.equal(await cipher.openText(database.db, n.body, aadFor('test_notes', n.id, 'body')), textOf(n.id));
  return all.length;
}
async function kekCounts(): Promise<Record<string, number>> {
  const { rows } = await sql<{ kek_id: string; n: number }>`SELECT kek_id, count(*)::int AS n FROM data_keys GROUP BY kek_id`.execute(database.db);
  return Object.fromEntries(rows.map((r) => [r.kek_id, r.n]));
}

describe('KEK rotation', () => {
  test('re-wraps every data key under the active KEK, leaves record bytes unchanged, and is idempotent', async () => {
    const server = createCipherService({ keyring: oldActive });
    for (let i = 0; i < 23; i++) await sealNote(server, `n${String(i).padStart(2, '0')}`);
    const before = await notes();
    await assert.rejects(openAll(onlyNew), /wrapped by KEK "k1"/, 'precondition: the new KEK alone cannot read yet');

    const batches: number[] = [];
    const report = await rotateDataKeys({ db: database.db, keyring: newActive, batchSize: 5, onBatch: (p) => batches.push(p.rewrapped) });
    assert.equal(report.rewrapped, 23);
    assert.deepEqual(report.rewrappedFrom, { k1: 23 });
    assert.deepEqual(report.remaining, {});
    assert.deepEqual(report.unknownKeks, {});
    assert.equal(report.failureCount, 0);
    assert.deepEqual(batches, [5, 10, 15, 20, 23, 23], 'batches of 5, then one empty batch ends the walk');

    assert.deepEqual(await notes(), before, 'record ciphertexts are byte-for-byte unchanged');
    assert.deepEqual(await kekCounts(), { k2: 23 });
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM data_keys WHERE rotated_at IS NULL`.execute(database.db);
    assert.equal(rows[0]?.n, 0);
    assert.equal(await openAll(onlyNew), 23);
    assert.equal(await openAll(oldActive), 23, 'a server with both keys still reads everything');

    const again = await rotateDataKeys({ db: database.db, keyring: newActive });
    assert.equal(again.rewrapped, 0);
    assert.equal(again.passes, 0);
  });

  test('a server whose cached key predates rotation keeps working', async () => {
    const server = createCipherService({ keyring: oldActive });
    await sealNote(server, 'cached');
    await rotateDataKeys({ db: database.db, keyring: newActive });
    const [note] = await notes();
    assert.equal(await server.openText(database.db, note?.body as Buffer, 'test_notes:cached:body'), textOf('cached'));
  });

  test('rotation under concurrent seals and opens loses nothing', async () => {
    // Half the fleet still wraps with k1, half with k2; two rotations run at once beside them.
    const servers = [createCipherService({ keyring: oldActive, cacheSize: 4 }), createCipherService({ keyring: newActive, cacheSize: 4 })];
    for (let i = 0; i < 40; i++) await sealNote(servers[i % 2] as CipherService, `pre${String(i).padStart(3, '0')}`);
    const errors: unknown[] = [];
    let opened = 0;
    const worker = async (w: number) => {
      for (let i = 0; i < 25; i++) {
        await sealNote(servers[(w + i) % 2] as CipherService, `w${w}_${String(i).padStart(3, '0')}`);
        const all = await notes();
        const pick = all[(i * 7 + w) % all.length] as { id: string; body: Buffer };
        const reader = servers[(w + i + 1) % 2] as CipherService;
        reader.evict(); // force a read of data_keys while rotation rewrites it
        try {
          assert.equal(await reader.openText(database.db, pick.body, aadFor('test_notes', pick.id, 'body')), textOf(pick.id));
          opened++;
        } catch (error) {
          errors.push(error);
        }
      }
    };
    const rotations = [0, 1].map(() => rotateDataKeys({ db: database.db, keyring: newActive, batchSize: 3 }));
    const results = await Promise.all([...[0, 1, 2, 3].map(worker), ...rotations]);
    assert.deepEqual(errors, []);
    assert.equal(opened, 100);
    const reports = results.slice(4) as Awaited<ReturnType<typeof rotateDataKeys>>[];
    for (const r of reports) assert.equal(r.failureCount, 0);

    const last = await rotateDataKeys({ db: database.db, keyring: newActive }); // the rerun after the fleet switched
    assert.deepEqual(last.remaining, {});
    assert.equal(await openAll(onlyNew), 140, 'every record opens with the new KEK alone');
    assert.deepEqual(await kekCounts(), { k2: 140 }, 'one data key per record: none lost, none duplicated');
  });

  test('keys under an unknown KEK or with the wrong key bytes are reported, not looped on, and the rest rotates', async () => {
    await sealNote(createCipherService({ keyring: staticKeyring({ k0: randomBytes(32) }, 'k0') }), 'lost');
    await sealNote(createCipherService({ keyring: staticKeyring({ k1: randomBytes(32) }, 'k1') }), 'wrong');
    await sealNote(createCipherService({ keyring: oldActive }), 'good');
    const report = await rotateDataKeys({ db: database.db, keyring: newActive, batchSize: 1 });
    assert.equal(report.rewrapped, 1);
    assert.deepEqual(report.unknownKeks, { k0: 1 });
    assert.equal(report.failureCount, 1);
    assert.match(report.failures[0]?.reason ?? '', /cannot unwrap data key dek_\w+ with KEK "k1"/);
    assert.deepEqual(report.remaining, { k0: 1, k1: 1 });
    assert.ok(report.passes <= 2);
  });
});
