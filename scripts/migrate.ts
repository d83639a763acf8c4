// npm run migrate — applies pending forward-only migrations to the configured database.
import { openConfiguredDatabase } from '../src/platform/boot.ts';
import { loadConfig } from '../src/platform/config.ts';
import { readMigrations } from '../src/platform/migrate.ts';

try {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const { rows } = await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
  console.log(`${database.engine}: ${rows[0]?.n ?? 0} of ${readMigrations().length} migrations applied; schema is up to date`);
  await database.close();
} catch (error) {
  console.error(`migrate failed: ${(error as Error).message}`);
  process.exit(1);
}
