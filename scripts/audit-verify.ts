// npm run audit:verify — walks every audit chain and names the first broken row.
import { verifyAuditChain } from '../src/platform/audit.ts';
import { openConfiguredDatabase } from '../src/platform/boot.ts';
import { loadConfig } from '../src/platform/config.ts';

try {
  const database = await openConfiguredDatabase(loadConfig());
  try {
    const result = await verifyAuditChain(database.pool);
    if (result.ok) {
      console.log(`audit log intact: ${result.rows} rows in ${result.chains} chains`);
    } else {
      const b = result.firstBroken;
      console.error(`audit log BROKEN at row id ${b.id} (chain ${b.chain}, seq ${b.seq}): ${b.reason}`);
      process.exitCode = 2;
    }
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(`audit:verify failed: ${(error as Error).message}`);
  process.exit(1);
}
