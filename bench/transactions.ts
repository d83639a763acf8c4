// Throughput of the cardholder's transaction list on PostgreSQL:
// GET /api/v1/accounts/:id/transactions?limit=25 for the demo cardholder's first account, at 64 concurrent
// keep-alive connections, against a baseline GET /healthz (one SELECT 1) measured the same way in the same run.
import { getJson, listOf, signIn } from './lib/api.ts';
import { runLoad, type LoadResult } from './lib/load.ts';
import { freshDatabase, postgresAdminUrl } from './lib/postgres.ts';
import { startServer } from './lib/server.ts';
import { round } from './lib/stats.ts';
import type { BenchContext } from './lib/types.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const WARMUP_MS = 2000;

export async function run(ctx: BenchContext): Promise<void> {
  const admin = await postgresAdminUrl(ctx.log);
  if (!admin) {
    ctx.record('transaction list', 'skipped', '', 'needs DATABASE_URL or Debian postgresql (scripts/pg-start.sh)');
    return;
  }
  const database = await freshDatabase(admin, 'cardcare_bench');
  ctx.log('starting the server on a new PostgreSQL database (migrations + demo seed)…');
  const server = await startServer({ databaseUrl: database.url });
  try {
    ctx.record('cold start to healthy (new PostgreSQL database)', round(server.readyMs / 1000, 2), 's', 'migrations + demo seed');
    const { token } = await signIn(server.url);
    const accounts = listOf(await getJson(server.url, token, '/api/v1/accounts'), 'accounts');
    const accountId = (accounts?.[0] as { id?: string } | undefined)?.id;
    if (!accountId) throw new Error('GET /api/v1/accounts returned no account with an id');
    const path = `/api/v1/accounts/${encodeURIComponent(accountId)}/transactions?limit=25`;
    const page = listOf(await getJson(server.url, token, path), 'transactions');
    ctx.log(`${path} → ${page?.length ?? '?'} transactions per page`);

    const headers = { authorization: `Bearer ${token}` };
    ctx.log(`GET /healthz, ${CONNECTIONS} connections, ${DURATION_MS / 1000} s…`);
    const health = await runLoad({ url: `${server.url}/healthz`, connections: CONNECTIONS, durationMs: DURATION_MS, warmupMs: WARMUP_MS });
    report(ctx, 'GET /healthz (baseline)', health);
    ctx.log(`GET transactions?limit=25, ${CONNECTIONS} connections, ${DURATION_MS / 1000} s…`);
    const list = await runLoad({ url: `${server.url}${path}`, headers, connections: CONNECTIONS, durationMs: DURATION_MS, warmupMs: WARMUP_MS });
    report(ctx, 'GET transactions?limit=25', list);
    ctx.record('transactions / healthz throughput', round(list.perSecond / health.perSecond, 2), '×', 'same run, same machine');
  } finally {
    await server.stop();
    await database.drop();
  }
}

function report(ctx: BenchContext, name: string, r: LoadResult): void {
  const errors = r.errors > 0 ? `; ${r.errors} errors ${JSON.stringify(r.statuses)}` : '';
  ctx.record(`${name} throughput`, Math.round(r.perSecond), 'req/s', `${CONNECTIONS} connections, PostgreSQL${errors}`);
  ctx.record(`${name} p50`, round(r.p50, 2), 'ms');
  ctx.record(`${name} p99`, round(r.p99, 2), 'ms');
}
