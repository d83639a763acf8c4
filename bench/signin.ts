// Sign-in latency: POST /api/v1/session as the demo cardholder, one request at a time, on embedded PGlite and,
// when a PostgreSQL server is at hand, on PostgreSQL. Alongside, the time of one Argon2id verification in
// this process (measured between the sign-ins, under the same load): the part of a sign-in spent on the
// password hash, slow by design.
import { DEMO_CARDHOLDERS, DEMO_PASSWORD } from '../src/demo/seed-demo.ts';
import { hashPassword, verifyPassword } from '../src/platform/auth/passwords.ts';
import { nextClientAddress } from './lib/api.ts';
import { seededDataDir } from './lib/embedded.ts';
import { freshDatabase, postgresAdminUrl } from './lib/postgres.ts';
import { type RunningServer, startServer } from './lib/server.ts';
import { mean, percentile, round } from './lib/stats.ts';
import type { BenchContext } from './lib/types.ts';

const REQUESTS = Number(process.env.BENCH_SIGNINS ?? 200);
const WARMUP = 5;

type Sample = { times: number[]; verifies: number[]; failures: number };

/**
 * Sequential sign-ins; after each, one Argon2id verification in this process, so that both are measured
 * under the same load on the machine.
 */
async function signIns(ctx: BenchContext, server: RunningServer, storedHash: string): Promise<Sample> {
  const times: number[] = [];
  const verifies: number[] = [];
  let failures = 0;
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': nextClientAddress() },
      body: JSON.stringify({ email: DEMO_CARDHOLDERS[0], password: DEMO_PASSWORD }),
    });
    const body = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200 && ++failures === 1) ctx.log(`sign-in answered ${res.status}: ${body.slice(0, 200)}`);
    const v0 = performance.now();
    await verifyPassword(storedHash, DEMO_PASSWORD);
    if (i >= WARMUP) {
      times.push(ms);
      verifies.push(performance.now() - v0);
    }
  }
  return { times, verifies, failures };
}

function report(ctx: BenchContext, engine: string, { times, verifies, failures }: Sample): void {
  const p50 = percentile(times, 50);
  const argon = percentile(verifies, 50);
  const note = failures > 0 ? `${failures} of ${REQUESTS} NOT 200` : `${REQUESTS} sequential`;
  ctx.record(`sign-in p50 (${engine})`, round(p50), 'ms', note);
  ctx.record(`sign-in p99 (${engine})`, round(percentile(times, 99)), 'ms');
  ctx.record(`sign-in rate, one client (${engine})`, round(1000 / mean(times)), 'req/s');
  ctx.record(`argon2id verify p50, in-process (${engine} run)`, round(argon), 'ms', `${Math.round((100 * argon) / p50)}% of the sign-in p50`);
}

export async function run(ctx: BenchContext): Promise<void> {
  const stored = await hashPassword(DEMO_PASSWORD); // same parameters as the demo users' hash
  const embedded = await startServer({ dataDir: await seededDataDir(ctx.log) });
  try {
    ctx.log(`${REQUESTS} sequential sign-ins on PGlite…`);
    report(ctx, 'PGlite', await signIns(ctx, embedded, stored));
  } finally {
    await embedded.stop();
  }

  const admin = await postgresAdminUrl(ctx.log);
  if (admin) {
    const database = await freshDatabase(admin, 'cardcare_bench_signin');
    const server = await startServer({ databaseUrl: database.url });
    try {
      ctx.log(`${REQUESTS} sequential sign-ins on PostgreSQL…`);
      report(ctx, 'PostgreSQL', await signIns(ctx, server, stored));
    } finally {
      await server.stop();
      await database.drop();
    }
  }
}
