#!/usr/bin/env node
// The test runner behind `npm test`, `npm run test:pg` and `npm run test:e2e`.
//
//   node scripts/run-tests.mjs unit [filters…] [--node-test-flags…]   every *.test.ts under src/ and test/ except test/e2e/, on PGlite
//   node scripts/run-tests.mjs pg   [filters…]                        the same files on the PostgreSQL server in DATABASE_URL
//   node scripts/run-tests.mjs e2e  [filters…]                        test/e2e/**/*.test.ts (browser tests; run `npm run build:web` first)
//
// A filter keeps the files whose path contains it (`npm test -- pan` runs src/platform/pan.test.ts); arguments
// starting with `--` go to `node --test` (e.g. `--test-name-pattern=masks`).
//
// Node 20 cannot find .ts test files by itself (no arguments finds none and reports 0 tests), so the files are
// listed here. The seeded template database is built first, by test/prepare.ts, so test files do not race to
// build it. Output ends with the node test runner's TAP summary (`# pass N` / `# fail N` …) and nothing after
// it; when no runner ran, it ends with a plain `N passed, N failed` line. The exit code is non-zero on failure.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const E2E_DIR = 'test/e2e';
const CHROMIUM = '/usr/bin/chromium';
// --test-timeout applies to each test file as a whole on Node 20, until its process exits: a hung test, or a
// file whose tests passed but which leaks a handle (an unclosed PGlite or pool, a timer) and so never exits,
// is cancelled after this long and counted ("test timed out"), instead of blocking the run for ever.
// (--test-force-exit would hide such leaks; the same leak in the server would stop it from shutting down.)
const FILE_TIMEOUT_MS = Number(process.env.CARDCARE_TEST_TIMEOUT_MS || 180_000);

const MODES = {
  unit: { roots: ['src', 'test'], exclude: [E2E_DIR], concurrency: 2, database: 'pglite' },
  pg: { roots: ['src', 'test'], exclude: [E2E_DIR], concurrency: 2, database: 'postgres' },
  // One file at a time: each drives a Chromium and a server, and the machines have 2 cores.
  e2e: { roots: [E2E_DIR], exclude: [], concurrency: 1, database: 'inherit' },
};

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'data']);

function findTests(dir, exclude, found = []) {
  const abs = path.join(ROOT, dir);
  if (!existsSync(abs)) return found;
  for (const entry of readdirSync(abs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !exclude.includes(rel)) findTests(rel, exclude, found);
    } else if (entry.name.endsWith('.test.ts')) {
      found.push(rel);
    }
  }
  return found;
}

/** Ends the output when no test runner produced a summary (same shape as the CI's last line). */
function finish(passed, failed, message) {
  if (message) process.stderr.write(`${message}\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exit(failed > 0 ? 1 : 0);
}

function run(args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      process.stderr.write(`${error.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function main() {
  const [modeName, ...rest] = process.argv.slice(2);
  const mode = MODES[modeName];
  if (!mode) finish(0, 1, `usage: node scripts/run-tests.mjs <${Object.keys(MODES).join('|')}> [path filters…] [--node-test-flags…]`);
  const nodeFlags = rest.filter((a) => a.startsWith('--'));
  const filters = rest.filter((a) => !a.startsWith('--'));

  const env = { ...process.env, NODE_ENV: 'test' };
  if (mode.database === 'pglite') {
    delete env.DATABASE_URL; // `npm test` is the embedded engine whatever the shell has exported
  } else if (mode.database === 'postgres' && !env.DATABASE_URL) {
    finish(
      0,
      1,
      'test:pg needs DATABASE_URL pointing at a PostgreSQL 15+ server where it may create databases.\n' +
        'Start a throwaway one with:  eval "$(bash scripts/pg-start.sh)"   (stop it with: bash scripts/pg-stop.sh)',
    );
  }

  let files = mode.roots.flatMap((r) => findTests(r, mode.exclude));
  if (filters.length > 0) files = files.filter((f) => filters.some((x) => f.includes(x)));
  if (files.length === 0) {
    if (modeName === 'e2e' && filters.length === 0) finish(0, 0, `No end-to-end test files (${E2E_DIR}/**/*.test.ts): nothing to run.`);
    finish(0, 1, `No test files found${filters.length ? ` matching ${filters.join(', ')}` : ''}.`);
  }
  if (modeName === 'e2e' && !existsSync(CHROMIUM)) {
    finish(0, 1, `The browser tests need Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  }

  const engine = env.DATABASE_URL ? `PostgreSQL (${redact(env.DATABASE_URL)})` : 'PGlite';
  process.stdout.write(`${modeName}: ${files.length} test file(s) on ${engine}\n`);
  const prepared = await run(['--import', 'tsx', 'test/prepare.ts'], env);
  if (prepared !== 0) {
    // Still run the files: those that need no database report as usual, and the exit code stays non-zero.
    process.stdout.write('# test template database: FAILED to build (see above); running the tests anyway\n');
  }

  const code = await run(
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=tap',
      `--test-concurrency=${mode.concurrency}`,
      `--test-timeout=${FILE_TIMEOUT_MS}`,
      ...nodeFlags,
      ...files,
    ],
    env,
  );
  process.exit(code !== 0 ? code : prepared !== 0 ? 1 : 0);
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

main();
