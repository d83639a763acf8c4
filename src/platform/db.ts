import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';

/**
 * Each module declares its tables by merging into this interface from its own `*.tables.ts`,
 * so modules own their tables while Kysely sees one typed database.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging
export interface Tables {}

export type Db = Kysely<Tables>;
export type Tx = Transaction<Tables>;
export type Executor = Db | Tx;

export type Engine = 'pglite' | 'postgres';

export type Database = {
  engine: Engine;
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
  /** Embedded only: the data directory as an uncompressed tarball (test templates). */
  dump?: () => Promise<Buffer>;
};

export class DataDirLockedError extends Error {}

// bigint (int8) and numeric arrive as strings by default; our amounts fit in 2^53, so read them as numbers.
pg.types.setTypeParser(20, (v) => Number(v));

/** One writer per embedded data directory: PGlite would silently lose writes if two processes shared it. */
export function acquireLock(lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(lockPath, 'utf8') === String(process.pid)) rmSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new DataDirLockedError(
          `The embedded database in ${path.dirname(lockPath)} is in use by process ${holder} ` +
            `(lock file ${lockPath}). Stop that process, or set CARDCARE_DATA_DIR to another directory.`,
        );
      }
      rmSync(lockPath, { force: true }); // stale lock from a process that died
    }
  }
  throw new DataDirLockedError(`Could not take the lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type OpenOptions =
  | { databaseUrl: string; poolMax?: number }
  | { dataDir: string }
  | { memory: true; loadDataDir?: Blob };

/** SQL text that starts with this comment runs as a named prepared statement (see preparing()). */
export const PREPARED = '/* prepared */';
const patched = new WeakSet<pg.PoolClient>();
const statementNames = new Map<string, string>();

/** The statement's name: a hash of its text, computed once per text (a few shapes of batch; bounded anyway). */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `cc_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (statementNames.size < 1000) statementNames.set(text, name);
  }
  return name;
}

/**
 * A hot statement marked with PREPARED is parsed and planned once per connection instead of on every call: node-pg
 * sends a named statement's Parse only the first time on each connection. The name is a hash of the text, so
 * every distinct text is its own statement. (Kysely has no way to name a query; this is the one place that
 * knows the driver.) Used for the one-statement message writes (write-batch.ts), whose planning cost more
 * database CPU than their inserts.
 */
function preparing(pool: pg.Pool) {
  return {
    async connect() {
      const client = await pool.connect();
      if (!patched.has(client)) {
        patched.add(client);
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        (client as unknown as { query: (...args: unknown[]) => unknown }).query = (text: unknown, ...rest: unknown[]) =>
          typeof text === 'string' && text.startsWith(PREPARED) && Array.isArray(rest[0])
            ? query({ name: statementName(text), text, values: rest[0] })
            : query(text, ...rest);
      }
      return client;
    },
    end: () => pool.end(),
  };
}

function kyselyOver(pool: pg.Pool): Db {
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool: preparing(pool) }) });
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if ('databaseUrl' in options) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolMax ?? 20 });
    pool.on('error', () => {}); // an idle client's network error must not crash the process
    const db = kyselyOver(pool);
    return {
      engine: 'postgres',
      pool,
      db,
      async close() {
        await db.destroy();
        if (!pool.ending) await pool.end(); // Kysely ends the pool only if it ever used it
      },
    };
  }
  let release = () => {};
  let pglite: PGlite;
  if ('dataDir' in options) {
    mkdirSync(options.dataDir, { recursive: true });
    release = acquireLock(path.join(options.dataDir, 'cardcare.lock'));
    try {
      pglite = await PGlite.create({ dataDir: path.join(options.dataDir, 'pglite'), extensions: { pg_trgm } });
    } catch (error) {
      release();
      throw error;
    }
  } else {
    pglite = await PGlite.create({ extensions: { pg_trgm }, loadDataDir: options.loadDataDir });
  }
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  const db = kyselyOver(pool);
  return {
    engine: 'pglite',
    pool,
    db,
    async close() {
      await db.destroy();
      if (!pool.ending) await pool.end();
      await pglite.close();
      release();
    },
    dump: async () => Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()),
  };
}

export function embeddedDataExists(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'));
}
