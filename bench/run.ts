// `npm run bench` runs every benchmark; `npm run bench -- startup signin` runs the ones named.
// Benchmarks print numbers and never assert. The machine is shared by the server and the load generator,
// so compare ratios measured in one run rather than absolute numbers across machines.
//
// To add one: write bench/<name>.ts exporting `run(ctx: BenchContext)` (see bench/lib/types.ts; servers come
// from bench/lib/server.ts, which kills them at exit) and register it below.
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { ROOT } from './lib/server.ts';
import type { BenchModule, BenchRow } from './lib/types.ts';

const BENCHMARKS: Record<string, { what: string; load: () => Promise<BenchModule> }> = {
  'scam-check': { what: 'scam checks/s on one core (pure mix, per kind) and through HTTP', load: () => import('./scam-check.ts') },
  startup: { what: 'cold start and restart to healthy (embedded PGlite)', load: () => import('./startup.ts') },
  signin: { what: 'sign-in latency p50/p99, sequential (embedded PGlite)', load: () => import('./signin.ts') },
  transactions: { what: 'transaction list req/s, p50/p99 at 64 connections vs /healthz (PostgreSQL)', load: () => import('./transactions.ts') },
  ingest: { what: 'secure-message ingest msg/s, p50/p99, CPU per message at 64 connections vs raw INSERT ceiling (PostgreSQL)', load: () => import('./ingest.ts') },
  kill9: { what: 'kill -9 mid-ingest, restart: every acknowledged message is there (PostgreSQL)', load: () => import('./kill9.ts') },
  'help-search': { what: 'help-center search req/s, p50/p99 at 1, 32 and 64 connections with 1,000 articles vs /healthz; an article page (PostgreSQL)', load: () => import('./help-search.ts') },
  'fraud-rules': { what: 'fraud-rule evaluation: authorizations evaluated per second on one core, p99 per authorization (pure CPU)', load: () => import('./fraud-rules.ts') },
};

// Ctrl-C or a kill: exit through process.exit so the 'exit' handlers stop the servers this run spawned.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

function usage(): string {
  return `usage: npm run bench [-- <name>…]\n${Object.entries(BENCHMARKS)
    .map(([name, b]) => `  ${name.padEnd(14)} ${b.what}`)
    .join('\n')}`;
}

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}

function table(rows: BenchRow[]): string {
  const cells = rows.map((r) => [r.bench, r.metric, String(r.value), r.unit ?? '', r.note ?? '']);
  const head = ['bench', 'metric', 'value', 'unit', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => (i === 2 ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h') || args.includes('--list')) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  const unknown = args.filter((a) => !(a in BENCHMARKS));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark: ${unknown.join(', ')}\n${usage()}\n`);
    return 2;
  }
  const selected = args.length > 0 ? args : Object.keys(BENCHMARKS);
  process.stdout.write(
    `Cardcare benchmarks (${selected.join(', ')}) — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ` +
      `commit ${commit()}\n`,
  );

  const rows: BenchRow[] = [];
  let crashed = 0;
  for (const name of selected) {
    const started = performance.now();
    process.stdout.write(`\n== ${name}: ${BENCHMARKS[name]?.what}\n`);
    const ctx = {
      record(metric: string, value: number | string, unit?: string, note?: string) {
        rows.push({ bench: name, metric, value, unit, note });
        process.stdout.write(`  ${metric}: ${value}${unit ? ` ${unit}` : ''}${note ? `  (${note})` : ''}\n`);
      },
      log: (message: string) => process.stderr.write(`  · ${message}\n`),
    };
    try {
      const bench = await BENCHMARKS[name]!.load();
      await bench.run(ctx);
    } catch (error) {
      crashed++;
      const message = (error as Error).message.split('\n');
      rows.push({ bench: name, metric: 'FAILED', value: '-', note: message[0] });
      process.stderr.write(`  ${name} failed: ${(error as Error).stack ?? message.join('\n')}\n`);
    }
    process.stdout.write(`  (${name} took ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  process.stdout.write(`\n${table(rows)}\n`);
  return crashed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
