// Builds the seeded template database once, before the test files start (scripts/run-tests.mjs runs this), so
// that parallel test files load a finished template instead of racing to build it.
//   PGlite:     a data-dir tarball under node_modules/.cache/cardcare (rebuilt when its inputs change)
//   PostgreSQL: a template database cardcare_tpl_<key> on the server in DATABASE_URL
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { pgliteTemplate, postgresTemplate, ROOT, templateKey } from './template.ts';

const CACHE_DIR = path.join(ROOT, 'node_modules/.cache/cardcare');
const STALE_MS = 60 * 60_000; // another checkout state may still be using a template for a while

/** Removes PGlite templates built from older inputs (each is tens of MB). */
function pruneOldPgliteTemplates(keep: string): void {
  let files: string[];
  try {
    files = readdirSync(CACHE_DIR);
  } catch {
    return;
  }
  for (const file of files) {
    if (!/^pglite-[0-9a-f]+\.tar$/.test(file) || file === keep) continue;
    const full = path.join(CACHE_DIR, file);
    if (Date.now() - statSync(full).mtimeMs > STALE_MS) rmSync(full, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Drops per-file test databases (cardcare_t_<pid>_…, see cloneDatabase) left by test processes that died
 * before dropping them. Only for a server on this machine: there the pid in the name tells whether the owner
 * still runs; a concurrent run's databases are left alone.
 */
async function dropOrphanedTestDatabases(databaseUrl: string): Promise<number> {
  const host = new URL(databaseUrl).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]', ''].includes(host)) return 0;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  let dropped = 0;
  try {
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'cardcare\\_t\\_%'");
    for (const { datname } of rows) {
      const pid = Number(/^cardcare_t_(\d+)_/.exec(datname)?.[1]);
      if (!Number.isInteger(pid) || isAlive(pid)) continue;
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      dropped++;
    }
  } finally {
    await admin.end();
  }
  return dropped;
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const url = process.env.DATABASE_URL;
  let built: string;
  if (url) {
    const dropped = await dropOrphanedTestDatabases(url);
    if (dropped > 0) process.stdout.write(`test template: dropped ${dropped} orphaned test database(s)\n`);
    built = `PostgreSQL database ${await postgresTemplate(url)}`;
  } else {
    const file = await pgliteTemplate();
    pruneOldPgliteTemplates(path.basename(file));
    built = `PGlite ${path.relative(ROOT, file)}`;
  }
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  process.stdout.write(`test template ${templateKey()}: ${built} (ready in ${seconds} s)\n`);
}

main().then(
  // Exit explicitly: a handle leaked by a module under test must not stall the whole test run here.
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`test template: could not build it\n${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
