import { randomBytes } from 'node:crypto';
import { buildApp, completeDeps } from '../../app.ts';
import { loadProfile } from '../directory/index.ts';
import { ManualClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { createCipherService, staticKeyring } from '../../platform/crypto/index.ts';
import { createLogger } from '../../platform/logger.ts';
import { createMemoryBlobStore } from '../attachments/index.ts';
import { escalationRoutes } from '../cases/index.ts';
import { complaintsRoutes } from './complaints.routes.ts';
import { openTestDatabase, type TestApp } from '../../../test/helpers.ts';
import { PROFILE_PATH, TEST_AS_OF } from '../../../test/template.ts';

/**
 * Tests only: buildTestApp plus the escalation and complaints plugins when src/app.ts does not register
 * them yet (the lead wires them in app.ts; once there, nothing is added twice).
 */
export async function buildEscalationTestApp(): Promise<TestApp> {
  const { database, drop } = await openTestDatabase();
  const clock = new ManualClock(TEST_AS_OF);
  const config = loadConfig({ NODE_ENV: 'test', SIGNIN_RATE_PER_MINUTE: '10000' });
  const profile = loadProfile(PROFILE_PATH);
  const cipher = createCipherService({ keyring: staticKeyring({ test: randomBytes(32) }, 'test') });
  const deps = completeDeps({ db: database.db, engine: database.engine, clock, config, profile, cipher, logger: createLogger('silent'), blobs: createMemoryBlobStore() });
  const app = await buildApp({ ...deps, serveWeb: false });
  if (!app.hasRoute({ method: 'POST', url: '/api/v1/cases/:id/escalate' })) await app.register(escalationRoutes, deps);
  if (!app.hasRoute({ method: 'POST', url: '/api/v1/complaints' })) await app.register(complaintsRoutes, deps);
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
