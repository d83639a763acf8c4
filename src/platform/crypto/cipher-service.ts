import { createSecretKey, type KeyObject } from 'node:crypto';
import type { Executor } from '../db.ts';
import { findDataKey, insertDataKey, type StoredDataKey } from './data-keys.repo.ts';
import { dataKeyIdOf, decryptRecord, encryptRecord, newDataKey, newDataKeyId, unwrapDataKey, wrapDataKey } from './envelope.ts';
import { CryptoError } from './errors.ts';
import type { Keyring } from './keyring.ts';

/** A sealed value: one self-describing envelope (see envelope.ts) to store in a bytea column. */
export type Sealed = Buffer;
export type SealPart = { plaintext: Buffer | string; aad: string };

export type CipherService = {
  readonly keyring: Keyring;
  /** Seals under a fresh data key whose wrapped row is inserted through `executor` (the caller's transaction). */
  seal(executor: Executor, plaintext: Buffer | string, aad: string): Promise<Sealed>;
  sealText(executor: Executor, text: string, aad: string): Promise<Sealed>;
  /**
   * Seals several parts of one record (a message and its attachments) under one data key: one data_keys row
   * instead of one per part. Each part has its own random IV and its own AAD, so parts cannot be swapped.
   */
  sealMany(executor: Executor, parts: SealPart[]): Promise<Sealed[]>;
  /**
   * The same without writing: the caller stores `dataKey` (a data_keys row) in the same transaction or
   * statement as the sealed values (see platform/write-batch.ts), or they can never be opened.
   */
  sealManyDetached(parts: SealPart[]): { dataKey: StoredDataKey; sealed: Sealed[] };
  /** Opens a sealed value; `aad` must be the one it was sealed with. Throws CryptoError. */
  open(executor: Executor, sealed: Uint8Array, aad: string): Promise<Buffer>;
  openText(executor: Executor, sealed: Uint8Array, aad: string): Promise<string>;
  /** Drops cached data keys (all, or one after its data_keys row was deleted to shred its records). */
  evict(dataKeyId?: string): void;
};

/**
 * The AAD convention: "<table>:<record id>:<column>", e.g. aadFor('messages', 'msg_…', 'body'). Binding the
 * ciphertext to its row and column means a value copied elsewhere in the database does not decrypt.
 */
export function aadFor(table: string, recordId: string, field: string): string {
  for (const part of [table, recordId, field]) {
    if (!/^[A-Za-z0-9_.-]+$/.test(part)) throw new TypeError(`AAD part "${part}" must be non-empty, of A-Z a-z 0-9 _ . - (no ":")`);
  }
  return `${table}:${recordId}:${field}`;
}

/**
 * A bounded LRU of unwrapped data keys (a Map keeps insertion order; a hit moves the key to the end).
 * Security trade-off: up to `size` DEKs stay in process memory after use, so a heap dump or a memory-reading
 * attacker gets those records. Such an attacker already holds the KEKs, which unwrap every DEK, so the cache
 * adds little exposure; what it saves is one SELECT and one unwrap per read of a recent record. KeyObjects
 * keep the bytes out of the JavaScript heap.
 * LIMITATION: a data key deleted to shred its records stays usable in other processes' caches until evicted
 * there or restarted.
 */
function lru(size: number) {
  const map = new Map<string, KeyObject>();
  return {
    get(id: string): KeyObject | undefined {
      const key = map.get(id);
      if (key !== undefined) {
        map.delete(id);
        map.set(id, key);
      }
      return key;
    },
    set(id: string, key: KeyObject): void {
      if (size <= 0) return;
      map.delete(id);
      map.set(id, key);
      if (map.size > size) map.delete(map.keys().next().value as string);
    },
    delete: (id: string) => map.delete(id),
    clear: () => map.clear(),
  };
}

function bytesOf(plaintext: Buffer | string | Uint8Array): Uint8Array {
  return typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
}

export function createCipherService(options: { keyring: Keyring; cacheSize?: number }): CipherService {
  const { keyring } = options;
  const cache = lru(options.cacheSize ?? 1000);

  /**
   * Seals the parts under a fresh data key wrapped by the active KEK. Encrypting first means a bad argument
   * (an empty AAD) throws before anything is written. One data key per record keeps each key far below the
   * SP 800-38D 8.3 limit of 2^32 random IVs.
   */
  function sealDetached(parts: SealPart[]): { dataKey: StoredDataKey; sealed: Sealed[] } {
    const aads = new Set(parts.map((p) => p.aad));
    if (aads.size !== parts.length) throw new TypeError('sealMany: every part needs its own AAD');
    const id = newDataKeyId();
    const { raw, key } = newDataKey();
    const active = keyring.active();
    const wrappedKey = wrapDataKey(active.key, id, raw);
    raw.fill(0);
    const sealed = parts.map((p) => encryptRecord(key, id, bytesOf(p.plaintext), p.aad));
    cache.set(id, key);
    return { dataKey: { id, kekId: active.id, wrappedKey }, sealed };
  }

  async function sealUnderNewKey(executor: Executor, parts: SealPart[]): Promise<Sealed[]> {
    const { dataKey, sealed } = sealDetached(parts);
    await insertDataKey(executor, dataKey);
    return sealed;
  }

  async function loadDataKey(executor: Executor, id: string): Promise<KeyObject> {
    const cached = cache.get(id);
    if (cached !== undefined) return cached;
    const stored = await findDataKey(executor, id);
    if (stored === undefined) {
      throw new CryptoError('unknown_data_key', `data key ${id} does not exist in data_keys (deleted, or the value comes from another database)`);
    }
    const kek = keyring.get(stored.kekId);
    if (kek === undefined) {
      throw new CryptoError(
        'unknown_kek',
        `data key ${id} is wrapped by KEK "${stored.kekId}", which is not in the keyring (${keyring.source}: ${keyring.ids().join(', ')}). ` +
          'Keep every old KEK configured until `npm run keys:rotate` reports that no data key remains under it.',
      );
    }
    const raw = unwrapDataKey(kek, stored.kekId, id, stored.wrappedKey);
    const key = createSecretKey(raw);
    raw.fill(0);
    cache.set(id, key);
    return key;
  }

  const service: CipherService = {
    keyring,
    async seal(executor, plaintext, aad) {
      return (await sealUnderNewKey(executor, [{ plaintext, aad }]))[0] as Sealed;
    },
    sealText: (executor, text, aad) => service.seal(executor, text, aad),
    async sealMany(executor, parts) {
      if (parts.length === 0) return [];
      return sealUnderNewKey(executor, parts);
    },
    sealManyDetached: sealDetached,
    async open(executor, sealed, aad) {
      const key = await loadDataKey(executor, dataKeyIdOf(sealed));
      return decryptRecord(key, sealed, aad);
    },
    async openText(executor, sealed, aad) {
      return (await service.open(executor, sealed, aad)).toString('utf8');
    },
    evict(dataKeyId) {
      if (dataKeyId === undefined) cache.clear();
      else cache.delete(dataKeyId);
    },
  };
  return service;
}
