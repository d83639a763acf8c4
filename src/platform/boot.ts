import type { Logger } from 'pino';
import { type IssuerProfile, loadProfile } from '../modules/directory/index.ts';
import type { Config } from './config.ts';
import { type Database, openDatabase } from './db.ts';
import { migrate } from './migrate.ts';

/** Opens the configured database (PGlite under dataDir, or DATABASE_URL) and brings its schema up to date. */
export async function openConfiguredDatabase(config: Config, logger?: Logger): Promise<Database> {
  const database = config.databaseUrl
    ? await openDatabase({ databaseUrl: config.databaseUrl, poolMax: config.dbPoolMax })
    : await openDatabase({ dataDir: config.dataDir });
  try {
    const applied = await migrate(database.pool);
    if (applied.length > 0) logger?.info({ applied }, 'migrations applied');
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export function loadConfiguredProfile(config: Config): IssuerProfile {
  return loadProfile(config.profilePath);
}
