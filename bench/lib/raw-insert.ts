import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { tempDir } from './server.ts';
import { percentile } from './stats.ts';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export type RawResult = { via: 'pgbench' | 'node pg pool'; perSecond: number; p50: number; p99: number; transactions: number };

/**
 * The raw ceiling of the database for ingest-like work: single-row INSERT transactions (autocommit, one
 * statement each) into bench_raw at `connections` concurrent sessions for `seconds`, with pgbench when it is
 * installed (-j 2: the machine's cores), else a Node loop over a pg pool of the same size. Latency per
 * transaction from pgbench's per-transaction log.
 */
export async function rawInsertCeiling(databaseUrl: string, options: { connections: number; seconds: number }): Promise<RawResult> {
  const setup = new pg.Client({ connectionString: databaseUrl });
  await setup.connect();
  try {
    await setup.query('CREATE TABLE IF NOT EXISTS bench_raw (id bigserial PRIMARY KEY, v bigint NOT NULL, at timestamptz NOT NULL DEFAULT now())');
  } finally {
    await setup.end();
  }
  const pgbench = path.join(PG_BIN, 'pgbench');
  return existsSync(pgbench) ? viaPgbench(pgbench, databaseUrl, options) : viaNode(databaseUrl, options);
}

async function viaPgbench(pgbench: string, databaseUrl: string, options: { connections: number; seconds: number }): Promise<RawResult> {
  const dir = tempDir('pgbench');
  const script = path.join(dir, 'insert.sql');
  writeFileSync(script, '\\set r random(1, 1000000000)\nINSERT INTO bench_raw (v) VALUES (:r);\n');
  const args = ['-n', '-c', String(options.connections), '-j', '2', '-T', String(options.seconds), '-f', script, '-l', '--log-prefix', path.join(dir, 'tx'), databaseUrl];
  const out = await new Promise<string>((resolve, reject) =>
    execFile(pgbench, args, { cwd: dir, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`pgbench failed: ${error.message}\n${stderr}`)) : resolve(stdout),
    ),
  );
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1] ?? /tps = ([\d.]+)/.exec(out)?.[1]);
  // Per-transaction log lines: client_id transaction_no latency_us script_no epoch_s epoch_us
  const latencies: number[] = [];
  for (const file of readdirSync(dir).filter((f) => f.startsWith('tx.'))) {
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      const us = Number(line.split(' ')[2]);
      if (Number.isFinite(us) && line) latencies.push(us / 1000);
    }
  }
  if (!Number.isFinite(tps)) throw new Error(`could not read tps from pgbench:\n${out}`);
  return { via: 'pgbench', perSecond: tps, p50: percentile(latencies, 50), p99: percentile(latencies, 99), transactions: latencies.length };
}

async function viaNode(databaseUrl: string, options: { connections: number; seconds: number }): Promise<RawResult> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.connections });
  const latencies: number[] = [];
  await Promise.all(Array.from({ length: options.connections }, () => pool.query('SELECT 1')));
  const end = performance.now() + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      await pool.query('INSERT INTO bench_raw (v) VALUES ($1)', [Math.floor(Math.random() * 1e9)]);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  await pool.end();
  return { via: 'node pg pool', perSecond: latencies.length / options.seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), transactions: latencies.length };
}
