import { randomBytes } from 'node:crypto';
import { buildApp, completeDeps } from '../../app.ts';
import { createMemoryBlobStore } from '../attachments/index.ts';
import { loadProfile } from '../directory/index.ts';
import { cardsRoutes } from '../cards/index.ts';
import { ManualClock } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { createCipherService, staticKeyring } from '../../platform/crypto/index.ts';
import { createLogger } from '../../platform/logger.ts';
import { openTestDatabase, type TestApp } from '../../../test/helpers.ts';
import { PROFILE_PATH, TEST_AS_OF } from '../../../test/template.ts';
import { fraudRoutes } from './fraud.routes.ts';

/**
 * buildTestApp (test/helpers.ts) plus the fraud and card routes when src/app.ts does not register them yet,
 * and a capture of the one-time link tokens the notifier would deliver.
 */
export async function buildFraudTestApp(): Promise<TestApp & { links: Map<string, string> }> {
  const { database, drop } = await openTestDatabase();
  const clock = new ManualClock(TEST_AS_OF);
  const config = loadConfig({ NODE_ENV: 'test', SIGNIN_RATE_PER_MINUTE: '10000' });
  const profile = loadProfile(PROFILE_PATH);
  const cipher = createCipherService({ keyring: staticKeyring({ test: randomBytes(32) }, 'test') });
  const links = new Map<string, string>();
  // completeDeps spreads the options into every plugin's deps, so the capture reaches fraudRoutes however registered.
  const onFraudLinkIssued = (id: string, token: string) => void links.set(id, token);
  const options = { db: database.db, engine: database.engine, clock, config, profile, cipher, logger: createLogger('silent'), blobs: createMemoryBlobStore(), serveWeb: false, onFraudLinkIssued };
  const app = await buildApp(options);
  const deps = { ...completeDeps(options), onFraudLinkIssued };
  if (!app.hasRoute({ method: 'POST', url: '/api/v1/authorizations' })) await app.register(fraudRoutes, deps);
  if (!app.hasRoute({ method: 'POST', url: '/api/v1/cards/:id/lock' })) await app.register(cardsRoutes, deps);
  await app.ready();
  return {
    app,
    database,
    clock,
    config,
    profile,
    cipher,
    links,
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
  };
}
