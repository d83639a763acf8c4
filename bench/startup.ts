// Start-up time of `node --import tsx src/server.ts` on embedded PGlite, from spawn to the first 200 from
// GET /healthz: first on a NEW empty data directory (initdb in WASM + migrations + demo seed), then again on
// the same directory (reopen only).
import { rememberSeededDataDir } from './lib/embedded.ts';
import { startServer, tempDir } from './lib/server.ts';
import { round } from './lib/stats.ts';
import type { BenchContext } from './lib/types.ts';

export async function run(ctx: BenchContext): Promise<void> {
  const dataDir = tempDir('startup');

  ctx.log('cold start on an empty data directory…');
  const cold = await startServer({ dataDir });
  ctx.record('cold start to healthy (empty data dir)', round(cold.readyMs / 1000, 2), 's', reported(cold.reportedReadyS, 'initdb + migrations + demo seed'));
  const coldStop = await cold.stop();
  ctx.record('shutdown after SIGTERM', round(coldStop / 1000, 2), 's');

  ctx.log('restart on the same data directory…');
  const warm = await startServer({ dataDir });
  ctx.record('restart to healthy (existing data dir)', round(warm.readyMs / 1000, 2), 's', reported(warm.reportedReadyS, 'reopen, no migrations, no seed'));
  await warm.stop();
  rememberSeededDataDir(dataDir);
}

function reported(seconds: number | undefined, what: string): string {
  return seconds === undefined ? what : `${what}; server's own "ready in" ${seconds} s`;
}
