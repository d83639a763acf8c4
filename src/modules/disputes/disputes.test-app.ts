/**
 * Test wiring for the disputes routes: the same app as test/helpers.ts buildTestApp, with the disputes plugin
 * registered when src/app.ts does not register it yet, and an optional banking adapter (to test undo against
 * a ledger whose postings commit on their own). Not a test file itself.
 */
import { randomBytes } from 'node:crypto';
import { buildApp, completeDeps } from '../../app.ts';
import { openTestDatabase, type TestApp, TEST_AS_OF } from '../../../test/helpers.ts';
import { PROFILE_PATH } from '../../../test/template.ts';
import { createMemoryBlobStore } from '../attachments/index.ts';
import type { CoreBanking } from '../banking/index.ts';
import { loadProfile } from '../directory/index.ts';
import { ManualClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { createCipherService, staticKeyring } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db.ts';
import { createLogger } from '../../platform/logger.ts';
import { disputesRoutes } from './disputes.routes.ts';

export async function buildDisputesTestApp(options: { banking?: (db: Db) => CoreBanking } = {}): Promise<TestApp> {
  const { database, drop } = await openTestDatabase();
  const clock = new ManualClock(TEST_AS_OF);
  const config = loadConfig({ NODE_ENV: 'test', SIGNIN_RATE_PER_MINUTE: '10000' });
  const profile = loadProfile(PROFILE_PATH);
  const cipher = createCipherService({ keyring: staticKeyring({ test: randomBytes(32) }, 'test') });
  const deps = completeDeps({
    db: database.db,
    engine: database.engine,
    clock,
    config,
    profile,
    cipher,
    logger: createLogger(process.env.DSP_TEST_LOG === '1' ? 'error' : 'silent'),
    blobs: createMemoryBlobStore(),
    ...(options.banking ? { banking: options.banking(database.db) } : {}),
  });
  const app = await buildApp({ ...deps, serveWeb: false });
  if (!app.hasRoute({ method: 'POST', url: '/api/v1/disputes' })) await app.register(disputesRoutes, deps);
  await app.ready();
  return {
    app,
    database,
    clock,
    config,
    profile,
    cipher,
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
  };
}
