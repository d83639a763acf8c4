import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { newDataKey, newDataKeyId, unwrapDataKey, wrapDataKey } from './envelope.ts';
import { KeyringError } from './errors.ts';
import { addFileKey, keyringFilePath, openFileKeyring } from './keyring-file.ts';
import { parseKeySpec } from './keyring.ts';
import { loadKeyring } from './load-keyring.ts';

const b64 = (n = 32) => randomBytes(n).toString('base64');
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cardcare-keyring-'));
  dirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Asserts a KeyringError whose message matches and never contains the secret text. */
function refuses(spec: string, active: string | undefined, message: RegExp, secret?: string): void {
  assert.throws(
    () => parseKeySpec(spec, active),
    (e: unknown) => {
      assert.ok(e instanceof KeyringError, String(e));
      assert.match(e.message, message);
      if (secret) assert.equal(e.message.includes(secret), false, 'the key text must not be echoed');
      return true;
    },
  );
}

describe('CARDCARE_KEYS parsing', () => {
  test('reads several id:base64 entries with spaces and a trailing comma, and the active id', () => {
    const set = parseKeySpec(` k2025:${b64()} , k2026:${b64()},`, 'k2026');
    assert.deepEqual([...set.entries.keys()], ['k2025', 'k2026']);
    assert.equal(set.activeId, 'k2026');
  });

  test('a single key is active without CARDCARE_ACTIVE_KEY', () => {
    assert.equal(parseKeySpec(`only:${b64()}`, undefined).activeId, 'only');
  });

  test('a key of 31 or 33 bytes is refused, naming the entry but not the key', () => {
    const short = b64(31);
    refuses(`k1:${b64()},k2:${short}`, 'k1', /entry 2 \("k2"\).*31 bytes.*exactly 32/, short);
    const long = b64(33);
    refuses(`k1:${long}`, 'k1', /entry 1 \("k1"\).*33 bytes/, long);
  });

  test('text that is not base64 is refused', () => {
    refuses('k1:this is not base64!', 'k1', /entry 1 \("k1"\).*not standard base64/, 'this is not base64');
  });

  test('duplicate ids, a missing or unknown active id, empty entries and missing ids are refused', () => {
    const key = b64();
    refuses(`k1:${key},k1:${b64()}`, 'k1', /entry 2.*"k1" appears twice/, key);
    refuses(`k1:${key},k2:${b64()}`, undefined, /CARDCARE_ACTIVE_KEY is required.*k1, k2/, key);
    refuses(`k1:${key}`, 'k9', /CARDCARE_ACTIVE_KEY is "k9".*not among.*\(k1\)/, key);
    refuses(`k1:${key},,k2:${b64()}`, 'k1', /entry 2 is empty/, key);
    refuses(key, undefined, /entry 1 is not id:base64/, key);
    refuses(`bad id!:${key}`, undefined, /entry 1: the key id must be/, key);
  });

  test('a key pasted where the id goes is refused without echoing it', () => {
    const key = randomBytes(32).toString('base64').replace(/[+/=]/g, 'A'); // a plausible-looking id
    refuses(`${key}:k1`, undefined, /entry 1: the key id must be/, key);
  });
});

describe('loadKeyring (which source, decided at start)', () => {
  test('NODE_ENV=production without keys is a start-up error that says what to set', () => {
    assert.throws(
      () => loadKeyring({ env: 'production', databaseUrl: 'postgres://x', dataDir: tempDir() }, { env: {} }),
      /NODE_ENV=production requires encryption keys.*CARDCARE_KEYS.*CARDCARE_ACTIVE_KEY/,
    );
  });

  test('DATABASE_URL without keys outside production uses the shared development keyring file, with a warning', () => {
    const dataDir = tempDir();
    const warnings: string[] = [];
    loadKeyring({ env: 'development', databaseUrl: 'postgres://x', dataDir }, { env: {}, warn: (m) => warnings.push(m) });
    assert.ok(warnings.some((w) => /DATABASE_URL is set but CARDCARE_KEYS is not/.test(w)));
    assert.equal(existsSync(keyringFilePath(dataDir)), true);
  });

  test('CARDCARE_ACTIVE_KEY alone is an error', () => {
    assert.throws(() => loadKeyring({ env: 'development', databaseUrl: undefined, dataDir: tempDir() }, { env: { CARDCARE_ACTIVE_KEY: 'k1' } }), /CARDCARE_KEYS is empty/);
  });

  test('CARDCARE_KEYS wins in every mode and writes no file', () => {
    const dataDir = tempDir();
    const env = { CARDCARE_KEYS: `a:${b64()},b:${b64()}`, CARDCARE_ACTIVE_KEY: 'b' };
    const keyring = loadKeyring({ env: 'production', databaseUrl: 'postgres://x', dataDir }, { env });
    assert.equal(keyring.source, 'env');
    assert.equal(keyring.activeId(), 'b');
    assert.deepEqual(keyring.ids(), ['a', 'b']);
    assert.equal(existsSync(keyringFilePath(dataDir)), false);
  });
});

describe('embedded trial keyring file', () => {
  test('is created once with mode 0600 and a warning, then reused with the same key', () => {
    const dataDir = path.join(tempDir(), 'data'); // not yet created
    const warnings: string[] = [];
    const config = { env: 'development' as const, databaseUrl: undefined, dataDir };
    const first = loadKeyring(config, { env: {}, warn: (m) => warnings.push(m) });
    const file = keyringFilePath(dataDir);
    assert.equal(first.source, 'file');
    assert.equal(first.path, file);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.match(warnings.join('\n'), /Created a new trial keyring.*beside the data they protect.*trial and development only/);

    const id = newDataKeyId();
    const raw = newDataKey().raw;
    const wrapped = wrapDataKey(first.active().key, id, Buffer.from(raw));
    const before = readFileSync(file, 'utf8');

    const second = loadKeyring(config, { env: {}, warn: (m) => warnings.push(m) });
    assert.equal(readFileSync(file, 'utf8'), before, 'the file is not rewritten');
    assert.equal(second.activeId(), first.activeId());
    assert.deepEqual(unwrapDataKey(second.active().key, second.activeId(), id, wrapped), raw);
    assert.equal(warnings.filter((w) => w.startsWith('Created')).length, 1);
    assert.match(warnings[1] ?? '', /trial and development only/, 'every start warns');
  });

  test('a file readable by others gets a warning', () => {
    const file = keyringFilePath(tempDir());
    openFileKeyring(file, { warn: () => {} });
    chmodSync(file, 0o644);
    const warnings: string[] = [];
    openFileKeyring(file, { warn: (m) => warnings.push(m) });
    assert.match(warnings.join('\n'), /readable by other users \(mode 0644\); run: chmod 600/);
  });

  test('--generate adds an active key, keeps the old ones, and a running keyring finds it on an unknown id', () => {
    const file = keyringFilePath(tempDir());
    const running = openFileKeyring(file, { warn: () => {}, minReloadMs: 0 });
    const oldId = running.activeId();
    const { id, previousActive } = addFileKey(file);
    assert.equal(previousActive, oldId);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(doc.keys.map((k: { id: string }) => k.id), [oldId, id]);
    assert.equal(doc.activeKey, id);

    assert.equal(running.activeId(), oldId, 'no re-read until a key id is missing');
    assert.ok(running.get(id), 're-reads the file for an unknown id');
    assert.equal(running.activeId(), id);
    assert.ok(running.get(oldId));
  });

  test('re-reads are throttled, and a broken file is reported and does not drop the loaded keys', () => {
    const file = keyringFilePath(tempDir());
    const warnings: string[] = [];
    const running = openFileKeyring(file, { warn: (m) => warnings.push(m), minReloadMs: 60_000 });
    assert.equal(running.get('nope'), undefined); // first miss re-reads
    const { id } = addFileKey(file);
    assert.equal(running.get(id), undefined, 'a second miss within the interval does not re-read');

    const fresh = openFileKeyring(file, { warn: (m) => warnings.push(m), minReloadMs: 0 });
    chmodSync(file, 0o600);
    rmSync(file);
    assert.equal(fresh.get('missing'), undefined);
    assert.ok(fresh.get(id), 'keys already loaded stay usable');
    assert.match(warnings.join('\n'), /could not re-read/);
  });

  test('a corrupt keyring file is refused at start with the path in the message', () => {
    const file = keyringFilePath(tempDir());
    openFileKeyring(file, { warn: () => {} });
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.keys[0].key = b64(16);
    writeFileSync(file, JSON.stringify(doc));
    assert.throws(() => openFileKeyring(file, { warn: () => {} }), (e: unknown) => e instanceof KeyringError && e.message.includes(file) && /16 bytes/.test(e.message));
  });
});
