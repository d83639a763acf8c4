import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type BlobStore, createDiskBlobStore, createMemoryBlobStore, isValidBlobKey } from './index.ts';

const HOSTILE_KEYS = ['', '.', '..', '../x', '../../etc/passwd', 'a/b', 'a\\b', '/abs', '.hidden', 'a\u0000b', 'a b', 'x'.repeat(129), 'ключ', 'a.tmp'];

async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

function behavesLikeABlobStore(name: string, make: () => BlobStore): void {
  describe(`${name}: BlobStore contract`, () => {
    test('put then get returns the same bytes', async () => {
      const store = make();
      const bytes = randomBytes(4096);
      await store.put('att_0123456789abcdef', bytes);
      assert.deepEqual(await store.get('att_0123456789abcdef'), bytes);
    });

    test('get of a missing key is undefined', async () => {
      assert.equal(await make().get('att_missing'), undefined);
    });

    test('put replaces, delete removes and reports whether something was there', async () => {
      const store = make();
      await store.put('k1', Buffer.from('one'));
      await store.put('k1', Buffer.from('two'));
      assert.equal((await store.get('k1'))?.toString(), 'two');
      assert.equal(await store.delete('k1'), true);
      assert.equal(await store.delete('k1'), false);
      assert.equal(await store.get('k1'), undefined);
    });

    test('the caller cannot change stored bytes through its own buffers', async () => {
      const store = make();
      const bytes = Buffer.from('ciphertext');
      await store.put('k2', bytes);
      bytes.fill(0);
      const read = await store.get('k2');
      read?.fill(1);
      assert.equal((await store.get('k2'))?.toString(), 'ciphertext');
    });

    test('an empty blob round-trips', async () => {
      const store = make();
      await store.put('empty', Buffer.alloc(0));
      assert.deepEqual(await store.get('empty'), Buffer.alloc(0));
    });

    for (const key of HOSTILE_KEYS) {
      test(`key ${JSON.stringify(key.slice(0, 20))} is refused by put, get and delete`, async () => {
        const store = make();
        await assert.rejects(store.put(key, Buffer.from('x')), { code: 'bad_request' });
        await assert.rejects(store.get(key), { code: 'bad_request' });
        await assert.rejects(store.delete(key), { code: 'bad_request' });
      });
    }
  });
}

let dataDir = '';
before(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'cardcare-blobs-'));
});
after(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

behavesLikeABlobStore('memory adapter', () => createMemoryBlobStore());
behavesLikeABlobStore('disk adapter', () => createDiskBlobStore({ dataDir }));

describe('disk adapter layout and safety', () => {
  test('blobs live under <dataDir>/blobs/ab/cd/<key>, files 0600, no temp files left behind', async () => {
    const store = createDiskBlobStore({ dataDir });
    await store.put('att_layout', Buffer.from('sealed'));
    const file = store.pathFor('att_layout');
    assert.match(path.relative(dataDir, file), /^blobs\/[0-9a-f]{2}\/[0-9a-f]{2}\/att_layout$/);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    const leftovers = (await listFiles(path.join(dataDir, 'blobs'))).filter((f) => f.endsWith('.tmp'));
    assert.deepEqual(leftovers, []);
  });

  test('a traversal key writes nothing anywhere', async () => {
    const store = createDiskBlobStore({ dataDir });
    const before = await listFiles(dataDir);
    await assert.rejects(store.put('../../escaped', Buffer.from('x')));
    assert.deepEqual(await listFiles(dataDir), before);
    await assert.rejects(stat(path.join(dataDir, '..', 'escaped')), { code: 'ENOENT' });
  });

  test('a second store on the same directory reads what the first wrote (survives restart)', async () => {
    await createDiskBlobStore({ dataDir }).put('att_restart', Buffer.from('persisted'));
    assert.equal((await createDiskBlobStore({ dataDir }).get('att_restart'))?.toString(), 'persisted');
  });

  test('concurrent puts of one key leave one whole value', async () => {
    const store = createDiskBlobStore({ dataDir });
    const values = Array.from({ length: 8 }, (_, i) => Buffer.alloc(64 * 1024, i));
    await Promise.all(values.map((value) => store.put('att_race', value)));
    const stored = await store.get('att_race');
    assert.ok(values.some((value) => stored?.equals(value)), 'the stored blob is exactly one of the written values');
  });

  test('key validation accepts prefixed ids', () => {
    assert.equal(isValidBlobKey('att_8k2mz0qv4r7tj1hw'), true);
    assert.equal(isValidBlobKey(42), false);
  });
});
