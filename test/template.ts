import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadProfile } from '../src/modules/directory/index.ts';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { type Database, openDatabase } from '../src/platform/db.ts';
import { migrate } from '../src/platform/migrate.ts';

/**
 * Tests start from a template database holding the migrations and the demo issuer as of TEST_AS_OF, built
 * once per change of the inputs below: a PGlite data-dir dump on disk, or a template database on PostgreSQL.
 */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TEST_AS_OF = new Date('2026-06-15T14:00:00Z'); // a Monday, mid-cycle, mid-quarter
export const PROFILE_PATH = path.join(ROOT, 'config/issuer-profile.json');
const CACHE_DIR = path.join(ROOT, 'node_modules/.cache/cardcare');
const INPUTS = ['migrations', 'src/demo', 'src/modules/banking/demo', 'src/modules/help-center', 'src/modules/rewards/demo', 'config/issuer-profile.json'];

function listFiles(p: string): string[] {
  if (!existsSync(p)) return [];
  if (statSync(p).isFile()) return [p];
  return readdirSync(p).sort().flatMap((f) => listFiles(path.join(p, f)));
}

export function templateKey(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((i) => listFiles(path.join(ROOT, i)))) {
    hash.update(path.relative(ROOT, file)).update(readFileSync(file));
  }
  hash.update(TEST_AS_OF.toISOString());
  return hash.digest('hex').slice(0, 16);
}

async function fillTemplate(database: Database): Promise<void> {
  await migrate(database.pool);
  await seedDemo(database.db, { asOf: TEST_AS_OF, profile: loadProfile(PROFILE_PATH) });
}

async function withFileLock<T>(lockPath: string, fn: () => Promise<T>): Promise<T> {
  for (let waited = 0; ; waited += 200) {
    try {
      closeSync(openSync(lockPath, 'wx'));
      break;
    } catch {
      if (waited > 300_000) throw new Error(`gave up waiting for ${lockPath}`);
      if (waited > 120_000) rmSync(lockPath, { force: true }); // a builder that died
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

/** Path of the PGlite template tarball, built if missing. */
export async function pgliteTemplate(): Promise<string> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const file = path.join(CACHE_DIR, `pglite-${templateKey()}.tar`);
  if (existsSync(file)) return file;
  return withFileLock(`${file}.lock`, async () => {
    if (existsSync(file)) return file;
    const database = await openDatabase({ memory: true });
    try {
      await fillTemplate(database);
      const dump = await dumpPglite(database);
      writeFileSync(`${file}.tmp`, dump);
      renameSync(`${file}.tmp`, file);
    } finally {
      await database.close();
    }
    return file;
  });
}

async function dumpPglite(database: Database): Promise<Buffer> {
  if (!database.dump) throw new Error('not an embedded database');
  return database.dump();
}

/** Name of the PostgreSQL template database, built if missing. */
export async function postgresTemplate(databaseUrl: string): Promise<string> {
  const name = `cardcare_tpl_${templateKey()}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(727275)');
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building}`);
      await admin.query(`CREATE DATABASE ${building}`);
      const url = new URL(databaseUrl);
      url.pathname = `/${building}`;
      const database = await openDatabase({ databaseUrl: url.toString(), poolMax: 4 });
      try {
        await fillTemplate(database);
      } finally {
        await database.close();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
    await admin.query('SELECT pg_advisory_unlock(727275)');
  } finally {
    await admin.end();
  }
  return name;
}

export async function cloneDatabase(databaseUrl: string, template: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `cardcare_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => c.end());
    },
  };
}
