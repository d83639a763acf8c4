import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const running = new Set<ChildProcess>();
const tempDirs = new Set<string>();

/** Every server this process spawned dies with it, however it ends (bench/run.ts turns signals into exit). */
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A new empty directory, deleted when the process exits. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `cardcare-bench-${prefix}-`));
  tempDirs.add(dir);
  return dir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The V8 flags package.json's start and dev scripts give the server (keep them the same). A 32 MB young
 * generation: with 64 requests in flight much of each scavenge survives, so scavenging less often measured
 * ~20% more messages per second at 64 connections (bench/ingest.ts) than the default 16 MB; 64 MB scavenged
 * rarer but paused up to 12 ms each, which cost more at p99 than it gained.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];

export type ServerOptions = {
  /** PostgreSQL database for the server; without it, embedded PGlite in dataDir. */
  databaseUrl?: string;
  dataDir?: string;
  env?: Record<string, string>;
  /** Extra node flags before the script (e.g. --cpu-prof, or --import of a bench/lib instrumentation module). */
  nodeArgs?: string[];
};

export type RunningServer = {
  url: string;
  /** The server's own process id (node runs src/server.ts directly, no npm or shell between). */
  pid: number;
  /** Milliseconds from spawn to the first 200 from GET /healthz. */
  readyMs: number;
  /** The server's own "ready in N s" figure (from its banner), if it printed one. */
  reportedReadyS: number | undefined;
  output(): string;
  /** SIGTERM, then SIGKILL after 15 s; resolves with the milliseconds the shutdown took. */
  stop(): Promise<number>;
  /** Sends a signal (e.g. SIGKILL) and resolves when the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
};

/**
 * Spawns `node --import tsx src/server.ts` (what `npm run dev` runs) and waits until GET /healthz answers 200.
 * Logs at warn: request logging at info would measure the log pipe rather than the server.
 * The per-address sign-in rate limit is lifted (SIGNIN_RATE_PER_MINUTE) and, in case it is not honoured,
 * TRUST_PROXY=true lets a benchmark present a distinct client address per request (X-Forwarded-For): the
 * sign-in benchmark must not turn into a 429 benchmark.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SIGNIN_RATE_PER_MINUTE: '100000',
    TRUST_PROXY: 'true',
    ...options.env,
  };
  delete env.NODE_ENV;
  delete env.DATABASE_URL;
  delete env.CARDCARE_DATA_DIR;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  // On PostgreSQL the data directory still holds the development keyring (without CARDCARE_KEYS) and
  // attachment blobs: a throwaway one, so that benchmarks never write into the checkout's data/.
  env.CARDCARE_DATA_DIR = options.dataDir ?? tempDir('data');

  const startedAt = performance.now();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...(options.nodeArgs ?? []), '--import', 'tsx', 'src/server.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      running.delete(child);
      resolve();
    }),
  );

  const url = `http://127.0.0.1:${port}`;
  const deadline = startedAt + 300_000;
  for (;;) {
    if (exited) throw new Error(`server exited (code ${exited.code}, signal ${exited.signal}) before it was healthy:\n${log}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not healthy after 300 s:\n${log}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const readyMs = performance.now() - startedAt;
  const reported = /ready in ([\d.]+) s/.exec(log)?.[1];

  return {
    url,
    pid: child.pid ?? 0,
    readyMs,
    reportedReadyS: reported ? Number(reported) : undefined,
    output: () => log,
    async stop() {
      if (exited) return 0;
      const t0 = performance.now();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(timer);
      return performance.now() - t0;
    },
    async kill(signal) {
      if (exited) return;
      child.kill(signal);
      await exit;
    },
  };
}
