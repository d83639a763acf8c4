import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ROOT } from './server.ts';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
let startedHere = false;
let adminUrl: Promise<string | undefined> | undefined;

/**
 * A PostgreSQL server where the benchmarks may create databases: DATABASE_URL if set, else the throwaway
 * server of scripts/pg-start.sh (started if needed, and stopped again at exit if this process started it).
 * Undefined when neither is available.
 */
export function postgresAdminUrl(log: (m: string) => void): Promise<string | undefined> {
  adminUrl ??= (async () => {
    if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
    if (!existsSync(path.join(PG_BIN, 'pg_ctl'))) {
      log(`no DATABASE_URL and no PostgreSQL in ${PG_BIN} (apt-get install -y postgresql)`);
      return undefined;
    }
    const wasRunning = isReady();
    log(wasRunning ? 'using the running throwaway PostgreSQL (scripts/pg-start.sh)' : 'starting a throwaway PostgreSQL (scripts/pg-start.sh)');
    const out = execFileSync('bash', [path.join(ROOT, 'scripts/pg-start.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const url = /DATABASE_URL=(\S+)/.exec(out)?.[1];
    if (!url) throw new Error(`scripts/pg-start.sh printed no DATABASE_URL: ${out}`);
    startedHere = !wasRunning;
    return url;
  })();
  return adminUrl;
}

function isReady(): boolean {
  try {
    execFileSync(path.join(PG_BIN, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', process.env.CARDCARE_PG_PORT ?? '55432'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

process.on('exit', () => {
  if (startedHere) execFileSync('bash', [path.join(ROOT, 'scripts/pg-stop.sh')], { stdio: 'ignore' });
});

/** Drops and creates `name` on the server; returns its URL and a function that drops it. */
export async function freshDatabase(admin: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
