import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { sql } from 'kysely';
import { type Database, openDatabase } from '../db.ts';
import { migrate } from '../migrate.ts';
import { aadFor, createCipherService } from './cipher-service.ts';
import { keyringFilePath } from './keyring-file.ts';
import { staticKeyring } from './keyring.ts';
import { loadKeyring } from './load-keyring.ts';

// `npm run keys:rotate` end to end in embedded mode: a real data directory, the real script in a child process.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'cardcare-rotate-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function rotate(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, CARDCARE_DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  delete env.CARDCARE_KEYS;
  delete env.CARDCARE_ACTIVE_KEY;
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/keys-rotate.ts', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

type KeyringDoc = { activeKey: string; keys: Array<{ id: string; key: string }> };
const readKeyring = (): KeyringDoc => JSON.parse(readFileSync(keyringFilePath(dataDir), 'utf8'));

test('embedded keys:rotate: --generate beside a running server, re-wrap once it is stopped, rerun is a no-op', { timeout: 240_000 }, async () => {
  const config = { env: 'development' as const, databaseUrl: undefined, dataDir };
  let database: Database = await openDatabase({ dataDir });
  await migrate(database.pool);
  await sql`CREATE TABLE test_notes (id text PRIMARY KEY, body bytea NOT NULL)`.execute(database.db);
  const server = createCipherService({ keyring: loadKeyring(config, { env: {}, warn: () => {} }) });
  const firstKek = readKeyring().activeKey;
  for (const id of ['n1', 'n2', 'n3']) {
    await sql`INSERT INTO test_notes VALUES (${id}, ${await server.sealText(database.db, `note ${id}`, aadFor('test_notes', id, 'body'))})`.execute(database.db);
  }

  const whileRunning = rotate('--generate');
  assert.equal(whileRunning.status, 1, whileRunning.stderr);
  assert.match(whileRunning.stdout, /Generated KEK "local-\d{8}-\w{4}" .* it is now the active key \(was "local-/);
  assert.match(whileRunning.stderr, /in use by process \d+[\s\S]*stop it, then run npm run keys:rotate again[\s\S]*keeps reading with both keys/);
  const doc = readKeyring();
  assert.equal(doc.keys.length, 2);
  assert.notEqual(doc.activeKey, firstKek);
  assert.equal(statSync(keyringFilePath(dataDir)).mode & 0o777, 0o600);
  assert.equal(await server.openText(database.db, (await notes(database))[0]?.body as Buffer, 'test_notes:n1:body'), 'note n1');
  await database.close();

  const stopped = rotate();
  assert.equal(stopped.status, 0, stopped.stderr);
  assert.match(stopped.stdout, new RegExp(`Re-wrapped 3 data key\\(s\\) under KEK "${doc.activeKey}" \\(3 from "${firstKek}"\\)`));
  assert.match(stopped.stdout, /Every data key is now under/);
  assert.match(stopped.stderr, /trial and development only/);

  const rerun = rotate();
  assert.equal(rerun.status, 0, rerun.stderr);
  assert.match(rerun.stdout, /Re-wrapped 0 data key\(s\)/);
  assert.match(rotate('--dry-run').stdout, new RegExp(`3 under "${doc.activeKey}" \\(active\\)`));
  assert.equal(rotate('--bogus').status, 2);

  database = await openDatabase({ dataDir });
  try {
    const newKey = doc.keys.find((k) => k.id === doc.activeKey)?.key as string;
    const onlyNew = createCipherService({ keyring: staticKeyring({ [doc.activeKey]: Buffer.from(newKey, 'base64') }, doc.activeKey) });
    for (const n of await notes(database)) assert.equal(await onlyNew.openText(database.db, n.body, aadFor('test_notes', n.id, 'body')), `note ${n.id}`);
  } finally {
    await database.close();
  }
});

async function notes(database: Database): Promise<Array<{ id: string; body: Buffer }>> {
  const { rows } = await sql<{ id: string; body: Buffer }>`SELECT id, body FROM test_notes ORDER BY id`.execute(database.db);
  return rows;
}
