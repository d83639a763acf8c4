import { createSecretKey, type KeyObject } from 'node:crypto';
import { KeyringError } from './errors.ts';

/**
 * Key-encryption keys (KEKs) by id. New data keys are wrapped with the active KEK; any KEK in the ring can
 * unwrap, which is what lets a fleet keep serving while `npm run keys:rotate` re-wraps data keys.
 * KEKs come from configuration, never from the database they protect (PCI DSS v4.0 3.6.1.2, v3.2.1 3.5.3: a
 * key-encrypting key is stored separately from the data-encrypting keys).
 */
export type Keyring = {
  /** 'env': CARDCARE_KEYS; 'file': the embedded-mode keyring.json (trial only); 'static': built in code (tests). */
  readonly source: 'env' | 'file' | 'static';
  /** The keyring file, for source 'file'. */
  readonly path: string | undefined;
  activeId(): string;
  active(): { id: string; key: KeyObject };
  /** The KEK with this id; a file keyring re-reads its file (throttled) before answering undefined. */
  get(id: string): KeyObject | undefined;
  ids(): string[];
};

export type KeyEntry = { id: string; key: KeyObject };
export type KeySet = { entries: Map<string, KeyObject>; activeId: string };

export const KEK_BYTES = 32; // AES-256: a KEK at least as strong as the data keys it wraps (PCI DSS v4.0 3.6.1.2)
// At most 40 characters, so that a 32-byte key in base64 (43-44 characters) pasted as an id is refused, not echoed.
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/;
export const KEY_HINT = 'generate one with: openssl rand -base64 32';

/**
 * Decodes one KEK. `where` names the entry in errors (e.g. 'CARDCARE_KEYS entry 2 ("k2")'); the key text itself
 * is never echoed, so a mistyped key does not land in a log.
 */
export function decodeKey(where: string, base64: string): KeyObject {
  const text = base64.trim();
  if (text === '') throw new KeyringError(`${where}: the key is empty; ${KEY_HINT}`);
  if (!BASE64_PATTERN.test(text) || text.length % 4 !== 0) {
    throw new KeyringError(`${where}: the key is not standard base64 (A-Z a-z 0-9 + / and = padding); ${KEY_HINT}`);
  }
  const bytes = Buffer.from(text, 'base64');
  try {
    if (bytes.length !== KEK_BYTES) {
      throw new KeyringError(`${where}: the key is ${bytes.length} bytes after base64 decoding; it must be exactly ${KEK_BYTES} (AES-256); ${KEY_HINT}`);
    }
    return createSecretKey(bytes);
  } finally {
    bytes.fill(0);
  }
}

/** `where` must not contain the id: an invalid "id" may be a key pasted in the wrong place. */
export function checkKeyId(where: string, id: string): void {
  if (!ID_PATTERN.test(id)) {
    throw new KeyringError(`${where}: the key id must be 1-40 characters of A-Z a-z 0-9 . _ - starting with a letter or digit`);
  }
}

/** Checks the set as a whole: at least one key, unique ids, an active id that is in the set. */
export function buildKeySet(origin: string, entries: KeyEntry[], activeId: string | undefined, activeName: string): KeySet {
  if (entries.length === 0) throw new KeyringError(`${origin} lists no keys; expected id:base64 entries (${KEY_HINT})`);
  const map = new Map<string, KeyObject>();
  for (const [index, entry] of entries.entries()) {
    if (map.has(entry.id)) throw new KeyringError(`${origin} entry ${index + 1}: key id "${entry.id}" appears twice; ids must be unique`);
    map.set(entry.id, entry.key);
  }
  let active = activeId?.trim() || undefined;
  if (active === undefined) {
    if (map.size > 1) {
      throw new KeyringError(`${activeName} is required when ${origin} lists several keys (${[...map.keys()].join(', ')}): it names the key that wraps new data keys`);
    }
    active = entries[0]?.id as string;
  }
  if (!map.has(active)) {
    throw new KeyringError(`${activeName} is "${active}", which is not among the keys in ${origin} (${[...map.keys()].join(', ')})`);
  }
  return { entries: map, activeId: active };
}

/** Parses `CARDCARE_KEYS` ("id:base64,id:base64") and `CARDCARE_ACTIVE_KEY`. Whitespace and a trailing comma are ignored. */
export function parseKeySpec(keys: string, activeId: string | undefined): KeySet {
  const parts = keys.split(',').map((p) => p.trim());
  const entries: KeyEntry[] = [];
  for (const [index, part] of parts.entries()) {
    if (part === '') {
      if (index === parts.length - 1 && index > 0) continue; // trailing comma
      throw new KeyringError(`CARDCARE_KEYS entry ${index + 1} is empty; expected id:base64`);
    }
    const colon = part.indexOf(':');
    if (colon <= 0) throw new KeyringError(`CARDCARE_KEYS entry ${index + 1} is not id:base64 (no key id before a colon)`);
    const id = part.slice(0, colon).trim();
    checkKeyId(`CARDCARE_KEYS entry ${index + 1}`, id);
    entries.push({ id, key: decodeKey(`CARDCARE_KEYS entry ${index + 1} ("${id}")`, part.slice(colon + 1)) });
  }
  return buildKeySet('CARDCARE_KEYS', entries, activeId, 'CARDCARE_ACTIVE_KEY');
}

/**
 * A keyring over a key set. `reload`, when given, is called for an unknown id (at most once per
 * `minReloadMs`) and may return a newer set, e.g. re-read from the embedded keyring file.
 */
export function keyringOf(
  set: KeySet,
  source: Keyring['source'],
  options: { path?: string; reload?: () => KeySet | undefined; minReloadMs?: number; now?: () => number } = {},
): Keyring {
  let current = set;
  let lastReload = Number.NEGATIVE_INFINITY;
  const now = options.now ?? (() => performance.now());
  const minReloadMs = options.minReloadMs ?? 1000;
  const tryReload = (): void => {
    if (!options.reload || now() - lastReload < minReloadMs) return;
    lastReload = now();
    current = options.reload() ?? current;
  };
  return {
    source,
    path: options.path,
    activeId: () => current.activeId,
    active: () => ({ id: current.activeId, key: current.entries.get(current.activeId) as KeyObject }),
    get(id) {
      const key = current.entries.get(id);
      if (key !== undefined) return key;
      tryReload();
      return current.entries.get(id);
    },
    ids: () => [...current.entries.keys()],
  };
}

/** For tests and tools: a keyring from raw 32-byte keys. */
export function staticKeyring(keys: Record<string, Uint8Array>, activeId: string): Keyring {
  const entries = Object.entries(keys).map(([id, raw]) => {
    checkKeyId('a static keyring entry', id);
    if (raw.length !== KEK_BYTES) throw new KeyringError(`key "${id}" is ${raw.length} bytes; it must be exactly ${KEK_BYTES}`);
    return { id, key: createSecretKey(Buffer.from(raw)) };
  });
  return keyringOf(buildKeySet('the static keyring', entries, activeId, 'the active key id'), 'static');
}
