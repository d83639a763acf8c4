/**
 * BlobStore — the port through which attachment bytes are kept (DESIGN.md: "BlobStore keeps encrypted
 * attachments on disk by default").
 *
 * CIPHERTEXT ONLY. The Secure Message Center encrypts every attachment (AES-256-GCM with a per-record data
 * key, src/platform/crypto/) BEFORE calling put(), and decrypts after get(). A BlobStore never sees plaintext
 * and holds no key, so a copied disk, a backup or a cloud bucket reveals nothing; it also means an adapter
 * must not try to inspect, transform or deduplicate by content. Inspection (inspect-attachment.ts) happens on
 * the plaintext before encryption.
 *
 * Keys are opaque identifiers chosen by the caller (e.g. `att_8k2…` ids), never user input or file names;
 * they are still validated here, because a key becomes a path in the disk adapter.
 */
import { AppError } from '../../platform/errors.ts';

export type BlobStore = {
  /** Stores (or replaces) the bytes under `key`. Resolves once they are durable. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or undefined when nothing is stored under `key`. */
  get(key: string): Promise<Buffer | undefined>;
  /** Removes `key`; true when something was removed. Deleting a missing key is not an error (retries). */
  delete(key: string): Promise<boolean>;
};

/**
 * Letters, digits, "_" and "-", starting with a letter or digit, at most 128 characters: no "/", "\", "."
 * or NUL can reach a path, so no traversal ("../"), no hidden files, no clash with temp files (".…tmp").
 */
const BLOB_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export function isValidBlobKey(key: unknown): key is string {
  return typeof key === 'string' && BLOB_KEY.test(key);
}

export function assertValidBlobKey(key: unknown): asserts key is string {
  // A bad key is a caller's bug or a probe through a route parameter: 400, and nothing touches the disk.
  if (!isValidBlobKey(key)) throw new AppError('bad_request', 'Invalid attachment key');
}

/** In-memory adapter for tests and demos. Copies on the way in and out, like a real store would. */
export function createMemoryBlobStore(): BlobStore & { readonly size: number } {
  const blobs = new Map<string, Buffer>();
  return {
    get size() {
      return blobs.size;
    },
    async put(key, bytes) {
      assertValidBlobKey(key);
      blobs.set(key, Buffer.from(bytes));
    },
    async get(key) {
      assertValidBlobKey(key);
      const found = blobs.get(key);
      return found ? Buffer.from(found) : undefined;
    },
    async delete(key) {
      assertValidBlobKey(key);
      return blobs.delete(key);
    },
  };
}
