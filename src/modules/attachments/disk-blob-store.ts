/**
 * The default BlobStore adapter: one file per blob under `<dataDir>/blobs/ab/cd/<key>`.
 *
 * - Fan-out by the first bytes of sha256(key), not by the key itself: ids share a prefix (`att_…`), and a
 *   hash spreads them evenly, so no directory grows past a few thousand entries.
 * - Atomic and durable writes: write a temp file in the same directory, fsync it, rename over the final
 *   name, fsync the directory. A crash leaves either the old blob or the new one, never a torn file; a
 *   reader never sees a half-written blob.
 * - Files are 0600 and directories 0700: the bytes are ciphertext anyway (see blob-store.ts), but there is
 *   no reason for other local users to read or list them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { type BlobStore, assertValidBlobKey } from './blob-store.ts';

export type DiskBlobStoreOptions = {
  /** The application's data directory; blobs go under `<dataDir>/blobs`. */
  dataDir: string;
};

function isErrorCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** fsync a directory so a rename in it survives a power cut. Some platforms cannot; that is not fatal. */
async function syncDirectory(directory: string): Promise<void> {
  let handle;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch (error) {
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF'].some((code) => isErrorCode(error, code))) throw error;
  } finally {
    await handle?.close();
  }
}

export function createDiskBlobStore(options: DiskBlobStoreOptions): BlobStore & { pathFor(key: string): string } {
  const root = path.resolve(options.dataDir, 'blobs');

  function pathFor(key: string): string {
    assertValidBlobKey(key);
    const hash = createHash('sha256').update(key).digest('hex');
    const file = path.join(root, hash.slice(0, 2), hash.slice(2, 4), key);
    // Defence in depth: the key pattern already rules out separators and dots.
    if (path.dirname(path.dirname(path.dirname(file))) !== root) throw new Error('blob path escaped its root');
    return file;
  }

  async function put(key: string, bytes: Uint8Array): Promise<void> {
    const file = pathFor(key);
    const directory = path.dirname(file);
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const temp = path.join(directory, `.${key}.${randomBytes(8).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx', 0o600);
    try {
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, file);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await syncDirectory(directory);
  }

  async function get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(pathFor(key));
    } catch (error) {
      if (isErrorCode(error, 'ENOENT')) return undefined;
      throw error;
    }
  }

  async function remove(key: string): Promise<boolean> {
    const file = pathFor(key);
    try {
      await unlink(file);
    } catch (error) {
      if (isErrorCode(error, 'ENOENT')) return false;
      throw error;
    }
    await syncDirectory(path.dirname(file));
    return true;
  }

  return { put, get, delete: remove, pathFor };
}
