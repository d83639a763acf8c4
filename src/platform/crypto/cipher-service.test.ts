import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase } from '../../../test/helpers.ts';
import type { Database } from '../db.ts';
import { aadFor, createCipherService } from './cipher-service.ts';
import { dataKeyIdOf, unwrapDataKey } from './envelope.ts';
import { CryptoError } from './errors.ts';
import { staticKeyring } from './keyring.ts';

let database: Database;
let drop: () => Promise<void>;
const K1 = randomBytes(32);
const keyring = staticKeyring({ k1: K1 }, 'k1');

before(async () => {
  ({ database, drop } = await openTestDatabase());
  // A stand-in for the Secure Message Center's table: the test owns it in its own database copy.
  await sql`CREATE TABLE test_notes (id text PRIMARY KEY, body bytea NOT NULL)`.execute(database.db);
});
after(async () => {
  await database.close();
  await drop();
});

async function insertNote(id: string, body: Buffer): Promise<void> {
  await sql`INSERT INTO test_notes (id, body) VALUES (${id}, ${body})`.execute(database.db);
}
async function readNote(id: string): Promise<Buffer> {
  const { rows } = await sql<{ body: Buffer }>`SELECT body FROM test_notes WHERE id = ${id}`.execute(database.db);
  return Buffer.from((rows[0] as { body: Buffer }).body);
}
function code(expected: string) {
  return (error: unknown) => {
    assert.ok(error instanceof CryptoError, String(error));
    assert.equal(error.code, expected, error.message);
    return true;
  };
}

describe('cipher service on a real database', () => {
  test('seals inside the caller transaction and opens the text again, also without the cache', async () => {
    const cipher = createCipherService({ keyring });
    const aad = aadFor('test_notes', 'n_round', 'body');
    const text = 'Agent note: customer verified by callback; dispute filed for $42.17 ✓';
    await database.db.transaction().execute(async (tx) => {
      const body = await cipher.sealText(tx, text, aad);
      await sql`INSERT INTO test_notes (id, body) VALUES (${'n_round'}, ${body})`.execute(tx);
    });
    const stored = await readNote('n_round');
    assert.equal(await cipher.openText(database.db, stored, aad), text);
    const cold = createCipherService({ keyring, cacheSize: 0 });
    assert.equal(await cold.openText(database.db, stored, aad), text);
    const { rows } = await sql<{ kek_id: string; n: number }>`SELECT kek_id, octet_length(wrapped_key) AS n FROM data_keys WHERE id = ${dataKeyIdOf(stored)}`.execute(database.db);
    assert.deepEqual(rows, [{ kek_id: 'k1', n: 61 }]);
  });

  test('a rolled-back transaction leaves no data key behind', async () => {
    const cipher = createCipherService({ keyring });
    let id = '';
    await assert.rejects(
      database.db.transaction().execute(async (tx) => {
        id = dataKeyIdOf(await cipher.seal(tx, 'draft', aadFor('test_notes', 'n_rollback', 'body')));
        throw new Error('abort');
      }),
      /abort/,
    );
    const { rows } = await sql`SELECT 1 FROM data_keys WHERE id = ${id}`.execute(database.db);
    assert.equal(rows.length, 0);
  });

  test('tampered ciphertext, tag or IV, another AAD, or a copy into another row all fail', async () => {
    const cipher = createCipherService({ keyring, cacheSize: 0 });
    const aad = aadFor('test_notes', 'n_tamper', 'body');
    const sealed = await cipher.seal(database.db, 'Please reissue my card', aad);
    await insertNote('n_tamper', sealed);
    for (const at of [20, 35, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[at] = (bad[at] as number) ^ 0x80;
      await assert.rejects(cipher.open(database.db, bad, aad), code('decrypt_failed'));
    }
    await assert.rejects(cipher.open(database.db, sealed, aadFor('test_notes', 'n_tamper', 'subject')), code('decrypt_failed'));
    await insertNote('n_copy', sealed);
    await assert.rejects(cipher.open(database.db, await readNote('n_copy'), aadFor('test_notes', 'n_copy', 'body')), code('decrypt_failed'));
    const otherKey = Buffer.from(sealed);
    otherKey.write('0000000000000000', 1, 'latin1');
    await assert.rejects(cipher.open(database.db, otherKey, aad), code('unknown_data_key'));
  });

  test('an altered or swapped wrapped key in data_keys fails to unwrap', async () => {
    const cipher = createCipherService({ keyring, cacheSize: 0 });
    const a = await cipher.seal(database.db, 'a', 'test_notes:a:body');
    const b = await cipher.seal(database.db, 'b', 'test_notes:b:body');
    const [idA, idB] = [dataKeyIdOf(a), dataKeyIdOf(b)];
    await sql`UPDATE data_keys SET wrapped_key = (SELECT wrapped_key FROM data_keys WHERE id = ${idB}) WHERE id = ${idA}`.execute(database.db);
    await assert.rejects(cipher.open(database.db, a, 'test_notes:a:body'), code('unwrap_failed'));
    await sql`UPDATE data_keys SET wrapped_key = set_byte(wrapped_key, 30, get_byte(wrapped_key, 30) # 1) WHERE id = ${idB}`.execute(database.db);
    await assert.rejects(cipher.open(database.db, b, 'test_notes:b:body'), code('unwrap_failed'));
  });

  test('the wrong KEK under the right id, or a missing KEK, fails with a message an operator can act on', async () => {
    const sealed = await createCipherService({ keyring }).seal(database.db, 'secret', 'test_notes:w:body');
    const id = dataKeyIdOf(sealed);
    const wrongBytes = createCipherService({ keyring: staticKeyring({ k1: randomBytes(32) }, 'k1') });
    await assert.rejects(wrongBytes.open(database.db, sealed, 'test_notes:w:body'), (e: unknown) => {
      code('unwrap_failed')(e);
      assert.match((e as Error).message, new RegExp(`cannot unwrap data key ${id} with KEK "k1".*CARDCARE_KEYS`));
      return true;
    });
    const missing = createCipherService({ keyring: staticKeyring({ k2: randomBytes(32) }, 'k2') });
    await assert.rejects(missing.open(database.db, sealed, 'test_notes:w:body'), (e: unknown) => {
      code('unknown_kek')(e);
      assert.match((e as Error).message, /wrapped by KEK "k1", which is not in the keyring \(static: k2\)/);
      return true;
    });
  });

  test('sealMany puts a message and its attachments under one data key, each bound to its own AAD', async () => {
    const cipher = createCipherService({ keyring, cacheSize: 0 });
    const parts = [
      { plaintext: 'Here is my statement', aad: 'messages:m1:body' },
      { plaintext: randomBytes(200_000), aad: 'attachments:a1:content' },
    ];
    const sealed = await cipher.sealMany(database.db, parts);
    assert.equal(dataKeyIdOf(sealed[0] as Buffer), dataKeyIdOf(sealed[1] as Buffer));
    assert.equal(await cipher.openText(database.db, sealed[0] as Buffer, 'messages:m1:body'), 'Here is my statement');
    assert.deepEqual(await cipher.open(database.db, sealed[1] as Buffer, 'attachments:a1:content'), parts[1]?.plaintext);
    await assert.rejects(cipher.open(database.db, sealed[1] as Buffer, 'messages:m1:body'), code('decrypt_failed'));
    await assert.rejects(cipher.sealMany(database.db, [parts[0] as never, parts[0] as never]), /own AAD/);
  });

  test('the cache stays bounded and evicted keys are read again from data_keys', async () => {
    const cipher = createCipherService({ keyring, cacheSize: 2 });
    const sealed: Buffer[] = [];
    for (const i of [0, 1, 2, 3]) sealed.push(await cipher.sealText(database.db, `note ${i}`, `test_notes:c${i}:body`)); // in order: c2, c3 stay cached
    await sql`UPDATE data_keys SET wrapped_key = set_byte(wrapped_key, 30, get_byte(wrapped_key, 30) # 1) WHERE id = ${dataKeyIdOf(sealed[3] as Buffer)}`.execute(database.db);
    assert.equal(await cipher.openText(database.db, sealed[3] as Buffer, 'test_notes:c3:body'), 'note 3', 'recent key comes from the cache');
    assert.equal(await cipher.openText(database.db, sealed[0] as Buffer, 'test_notes:c0:body'), 'note 0', 'evicted key is unwrapped again');
    cipher.evict();
    await assert.rejects(cipher.openText(database.db, sealed[3] as Buffer, 'test_notes:c3:body'), code('unwrap_failed'));
  });

  test('no plaintext and no raw data key is found in the stored bytes (a dump of the table and of the database)', async () => {
    const cipher = createCipherService({ keyring });
    const marker = `PLAINTEXT-MARKER-${randomBytes(8).toString('hex')}`;
    const body = `${marker} ${'My SSN is on the letter you sent. '.repeat(30)}`;
    const sealed = await cipher.sealText(database.db, body, 'test_notes:n_dump:body');
    await insertNote('n_dump', sealed);
    const control = `CONTROL-MARKER-${randomBytes(8).toString('hex')}`; // stored in clear: proves the search can find text
    await insertNote('n_control', Buffer.from(control));

    const { rows } = await sql<{ id: string; body: Buffer }>`SELECT id, body FROM test_notes`.execute(database.db);
    const table = Buffer.concat(rows.map((r) => Buffer.from(r.body)));
    assert.equal(table.includes(control), true, 'positive control');
    assert.equal(table.includes(marker), false, 'plaintext in test_notes');
    assert.equal(table.includes(Buffer.from(body.slice(60, 120))), false, 'plaintext fragment in test_notes');

    const { rows: keys } = await sql<{ wrapped_key: Buffer }>`SELECT wrapped_key FROM data_keys WHERE id = ${dataKeyIdOf(sealed)}`.execute(database.db);
    const wrapped = Buffer.from((keys[0] as { wrapped_key: Buffer }).wrapped_key);
    const raw = unwrapDataKey(keyring.active().key, 'k1', dataKeyIdOf(sealed), wrapped);
    const { rows: all } = await sql<{ wrapped_key: Buffer }>`SELECT wrapped_key FROM data_keys`.execute(database.db);
    assert.equal(Buffer.concat(all.map((r) => Buffer.from(r.wrapped_key))).includes(raw), false, 'raw DEK in data_keys');

    if (database.dump) {
      await sql`CHECKPOINT`.execute(database.db);
      const dump = await database.dump(); // every file of the embedded database: heap, indexes, WAL
      assert.equal(dump.includes(control), true, 'positive control in the data directory dump');
      assert.equal(dump.includes(marker), false, 'plaintext in the data directory');
      assert.equal(dump.includes(raw), false, 'raw DEK in the data directory');
      assert.equal(dump.includes(K1), false, 'KEK in the data directory');
    }
  });
});
