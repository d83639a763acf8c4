import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../src/demo/seed-demo.ts';
import { type IssuerProfile, loadProfile } from '../src/modules/directory/index.ts';
import { totpCode } from '../src/platform/auth/totp.ts';
import { ManualClock } from '../src/platform/clock.ts';
import { type Config, loadConfig } from '../src/platform/config.ts';
import { type Database, openDatabase } from '../src/platform/db.ts';
import { createLogger } from '../src/platform/logger.ts';
import { type CipherService, createCipherService, staticKeyring } from '../src/platform/crypto/index.ts';
import { randomBytes } from 'node:crypto';
import { after, before } from 'node:test';
import { createMemoryBlobStore } from '../src/modules/attachments/index.ts';
import type { CoreBanking } from '../src/modules/banking/index.ts';
import { cloneDatabase, PROFILE_PATH, pgliteTemplate, postgresTemplate, TEST_AS_OF } from './template.ts';

export { TEST_AS_OF } from './template.ts';

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  clock: ManualClock;
  config: Config;
  profile: IssuerProfile;
  cipher: CipherService;
  close(): Promise<void>;
};

/** Which engine this run uses: PostgreSQL when DATABASE_URL is set (npm run test:pg), else PGlite. */
export const ENGINE = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/** A fresh database (a copy of the seeded template) for one test file or suite. */
export async function openTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const clone = await cloneDatabase(url, await postgresTemplate(url));
    const database = await openDatabase({ databaseUrl: clone.url, poolMax: 10 });
    return { database, drop: clone.drop };
  }
  const tar = readFileSync(await pgliteTemplate());
  const database = await openDatabase({ memory: true, loadDataDir: new Blob([tar]) });
  return { database, drop: async () => {} };
}

/**
 * A seeded database for the enclosing `describe`: opened before its tests, closed and dropped after them.
 * `const t = useTestDatabase();` then `t.database.db` inside the tests.
 */
export function useTestDatabase(): { readonly database: Database } {
  let opened: { database: Database; drop: () => Promise<void> } | undefined;
  before(async () => {
    opened = await openTestDatabase();
  });
  after(async () => {
    await opened?.database.close();
    await opened?.drop();
  });
  return {
    get database() {
      if (!opened) throw new Error('useTestDatabase: the database opens in before(); use it inside a test');
      return opened.database;
    },
  };
}

export async function buildTestApp(
  options: {
    env?: Record<string, string>;
    profile?: IssuerProfile;
    serveWeb?: boolean;
    banking?: (db: Database['db']) => CoreBanking;
    /** Extra dependencies buildApp passes on to every plugin (e.g. the fraud module's onFraudLinkIssued capture). */
    deps?: Record<string, unknown>;
  } = {},
): Promise<TestApp> {
  const { database, drop } = await openTestDatabase();
  const clock = new ManualClock(TEST_AS_OF);
  const config = loadConfig({ NODE_ENV: 'test', SIGNIN_RATE_PER_MINUTE: '10000', ...options.env });
  const profile = options.profile ?? loadProfile(PROFILE_PATH);
  const cipher = createCipherService({ keyring: staticKeyring({ test: randomBytes(32) }, 'test') });
  const app = await buildApp({ db: database.db, engine: database.engine, clock, config, profile, cipher, logger: createLogger('silent'), blobs: createMemoryBlobStore(), serveWeb: options.serveWeb ?? false, ...(options.banking ? { banking: options.banking(database.db) } : {}), ...options.deps });
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

export type Session = { token: string; csrfToken: string; headers: { authorization: string } };

/** Signs in a demo user through the API (staff get a TOTP code for the test clock). */
export async function signIn(t: TestApp, email: string): Promise<Session> {
  const isStaff = !email.startsWith('cardholder');
  const body: Record<string, string> = { email, password: DEMO_PASSWORD };
  if (isStaff) body.totp = await totpCode(DEMO_TOTP_SECRET, t.clock.now());
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: body });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
  const json = res.json() as { token: string; csrfToken: string };
  return { token: json.token, csrfToken: json.csrfToken, headers: { authorization: `Bearer ${json.token}` } };
}

export function problem(res: LightMyRequestResponse): { code: string; status: number; detail?: string; errors?: Array<{ field: string; message: string }> } {
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${res.headers['content-type']}: ${res.body}`);
  }
  return res.json();
}
