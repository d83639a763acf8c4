import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { KeyringError } from './errors.ts';
import { buildKeySet, checkKeyId, decodeKey, type Keyring, type KeySet, keyringOf } from './keyring.ts';

/*
 * The embedded-mode keyring: <dataDir>/keyring.json, mode 0600, created on first use and kept. The KEK then
 * sits beside the data it protects, which defeats the point of encryption at rest against anyone holding a
 * copy of the data directory; it exists so that `npm start` works with no setup. Production refuses it
 * (see load-keyring.ts).
 */

export const KEYRING_FILE = 'keyring.json';

type KeyringDocument = {
  version: 1;
  note: string;
  activeKey: string;
  keys: Array<{ id: string; key: string; createdAt: string }>;
};

const NOTE =
  'Cardcare trial keyring. These keys decrypt the messages and attachments in this data directory; keep this ' +
  'file private (mode 0600) and back it up with the data. For production use CARDCARE_KEYS instead.';

export function keyringFilePath(dataDir: string): string {
  return path.join(dataDir, KEYRING_FILE);
}

export function trialKeyWarning(file: string): string {
  return (
    `Encryption keys for messages and attachments are read from ${file}, beside the data they protect: ` +
    'anyone with a copy of the data directory can decrypt it. This is for trial and development only; ' +
    'for production set CARDCARE_KEYS and CARDCARE_ACTIVE_KEY (and DATABASE_URL).'
  );
}

function newKekId(now: Date): string {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  let suffix = '';
  for (const byte of randomBytes(4)) suffix += alphabet[byte & 31];
  return `local-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${suffix}`;
}

function newEntry(now: Date): KeyringDocument['keys'][number] {
  return { id: newKekId(now), key: randomBytes(32).toString('base64'), createdAt: now.toISOString() };
}

function parseDocument(file: string, text: string): KeyringDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new KeyringError(`${file} is not valid JSON; restore it from a backup (without it, encrypted data cannot be read)`);
  }
  const d = doc as Partial<KeyringDocument> | null;
  if (d === null || typeof d !== 'object' || d.version !== 1 || !Array.isArray(d.keys) || typeof d.activeKey !== 'string') {
    throw new KeyringError(`${file} is not a Cardcare keyring (expected {"version":1,"activeKey":…,"keys":[…]})`);
  }
  return d as KeyringDocument;
}

export function keySetFromDocument(file: string, doc: KeyringDocument): KeySet {
  const entries = doc.keys.map((entry, index) => {
    const id = String(entry?.id ?? '');
    checkKeyId(`${file} key ${index + 1}`, id);
    return { id, key: decodeKey(`${file} key ${index + 1} ("${id}")`, String(entry?.key ?? '')) };
  });
  return buildKeySet(file, entries, doc.activeKey, `"activeKey" in ${file}`);
}

function readDocument(file: string): KeyringDocument {
  return parseDocument(file, readFileSync(file, 'utf8'));
}

/** Writes a temporary 0600 file (fsynced) next to `file`; the caller links or renames it into place. */
function writeTemp(file: string, doc: KeyringDocument): string {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(doc, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return temp;
}

/** Creates the file only if it does not exist; a complete file appears atomically (link), so a racing reader never sees half of it. */
function createIfAbsent(file: string, doc: KeyringDocument): boolean {
  const temp = writeTemp(file, doc);
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

function checkMode(file: string, warn: (message: string) => void): void {
  if (process.platform === 'win32') return;
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    warn(`${file} is readable by other users (mode 0${mode.toString(8)}); run: chmod 600 ${file}`);
  }
}

/**
 * Opens <dataDir>/keyring.json, creating it (one fresh KEK) on first use. The keyring re-reads the file when it
 * meets a KEK id it does not know, so keys added by `npm run keys:rotate -- --generate` are found.
 */
export function openFileKeyring(
  file: string,
  options: { warn?: (message: string) => void; now?: () => Date; minReloadMs?: number } = {},
): Keyring {
  const warn = options.warn ?? ((m: string) => process.stderr.write(`warning: ${m}\n`));
  const now = options.now ?? (() => new Date());
  mkdirSync(path.dirname(file), { recursive: true });
  const first = newEntry(now());
  const created = createIfAbsent(file, { version: 1, note: NOTE, activeKey: first.id, keys: [first] });
  const doc = readDocument(file);
  checkMode(file, warn);
  warn(`${created ? `Created a new trial keyring (KEK "${first.id}"). ` : ''}${trialKeyWarning(file)}`);
  return keyringOf(keySetFromDocument(file, doc), 'file', {
    path: file,
    minReloadMs: options.minReloadMs,
    reload: () => {
      try {
        return keySetFromDocument(file, readDocument(file));
      } catch (error) {
        warn(`could not re-read ${file}: ${(error as Error).message}; keeping the keys already loaded`);
        return undefined;
      }
    },
  });
}

/**
 * `keys:rotate --generate` in embedded mode: adds a fresh KEK to the keyring file and makes it the active one.
 * Old keys stay (they still unwrap data keys until rotation has re-wrapped them). Atomic replace via rename.
 */
export function addFileKey(file: string, now: Date = new Date()): { id: string; previousActive: string | undefined } {
  let doc: KeyringDocument;
  try {
    doc = readDocument(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    doc = { version: 1, note: NOTE, activeKey: '', keys: [] };
  }
  if (doc.keys.length > 0) keySetFromDocument(file, doc); // refuse to extend a file that is already broken
  const entry = newEntry(now);
  mkdirSync(path.dirname(file), { recursive: true });
  const next: KeyringDocument = { ...doc, note: NOTE, activeKey: entry.id, keys: [...doc.keys, entry] };
  renameSync(writeTemp(file, next), file);
  return { id: entry.id, previousActive: doc.activeKey || undefined };
}
