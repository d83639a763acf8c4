import { buildApp, completeDeps } from './app.ts';
import { caseDepsFrom, loadServicePolicy, startCaseWorkers } from './modules/cases/index.ts';
import { startDisputeWorkers, withCalendar } from './modules/disputes/index.ts';
import { startReviewWorkers } from './modules/reviews/index.ts';
import { startRewardsWorkers } from './modules/rewards/index.ts';
import { createDefaultNotifier, startDispatcher } from './modules/notifications/index.ts';
import { createJobs, scheduleWith } from './platform/jobs/index.ts';
import { ensureHelpArticles } from './modules/help-center/index.ts';
import { SCAM_CHECK_ARTICLE_PATH } from './modules/scam-check/index.ts';
import { bridgeEventsOverPostgres } from './platform/events-bridge.ts';
import { DEMO_CARDHOLDERS, DEMO_PASSWORD, DEMO_STAFF, DEMO_TOTP_SECRET, isDatabaseEmpty, seedDemo } from './demo/seed-demo.ts';
import { loadConfiguredProfile, openConfiguredDatabase } from './platform/boot.ts';
import { systemClock } from './platform/clock.ts';
import { loadConfig } from './platform/config.ts';
import { createCipherService, type Keyring, loadKeyring } from './platform/crypto/index.ts';
import { createLogger } from './platform/logger.ts';

function fail(message: string): never {
  process.stderr.write(`\ncardcare: cannot start\n  ${message}\n\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  let config: ReturnType<typeof loadConfig>;
  let profile: ReturnType<typeof loadConfiguredProfile>;
  let servicePolicy: ReturnType<typeof loadServicePolicy>;
  try {
    config = loadConfig();
    profile = loadConfiguredProfile(config);
    servicePolicy = loadServicePolicy(config.servicePolicyPath);
  } catch (error) {
    fail((error as Error).message);
  }
  const logger = createLogger(config.logLevel);
  let keyring: Keyring;
  try {
    keyring = loadKeyring(config, { warn: (message) => logger.warn(message) });
  } catch (error) {
    fail((error as Error).message);
  }
  if (!config.databaseUrl) {
    process.stdout.write(
      `\n  Embedded PostgreSQL (PGlite) in ${config.dataDir}\n` +
        '  Embedded mode is for trial and development only: one process, no fsync.\n' +
        '  For production set DATABASE_URL to a PostgreSQL 15+ server.\n\n',
    );
  }
  const database = await openConfiguredDatabase(config, logger).catch((error: Error) => fail(error.message));
  if (config.seedDemo && (await isDatabaseEmpty(database.db))) {
    process.stdout.write('  Creating demo data (first start)…\n');
    const summary = await seedDemo(database.db, { asOf: systemClock.now(), profile });
    process.stdout.write(`  Demo issuer: ${summary.customers} cardholders, ${summary.accounts} accounts, ${summary.transactions} transactions\n`);
  }
  // A database created before the help center, or without demo data, still gets the starter articles.
  await ensureHelpArticles(database.db, { profile, now: systemClock.now(), extraFiles: [SCAM_CHECK_ARTICLE_PATH] });
  const cipher = createCipherService({ keyring });
  const deps = completeDeps({ db: database.db, engine: database.engine, clock: systemClock, config, profile, logger, cipher, servicePolicy });
  const app = await buildApp({ ...deps, serveWeb: true });
  const notifier = createDefaultNotifier({ smtpUrl: config.smtpUrl, smtpFrom: config.smtpFrom, publicUrl: config.publicUrl, logger });
  const dispatcher = startDispatcher({
    db: database.db,
    clock: systemClock,
    notifier,
    logger,
    publicUrl: config.publicUrl,
    issuerName: profile.issuer.name,
    timeZone: profile.issuer.timeZone,
  });
  const stopBridge = config.databaseUrl ? await bridgeEventsOverPostgres(deps.events, config.databaseUrl, database.pool) : async () => {};
  const jobs = createJobs({ pool: database.pool, engine: database.engine, logger });
  await jobs.start();
  const schedule = scheduleWith(jobs);
  const stopWorkers = await startCaseWorkers(deps, {
    slaSweepSeconds: config.slaSweepSeconds,
    schedule,
  });
  // Account reviews: the start-up hold rule, then the document sweep (reminders, overdue escalation).
  const stopReviewWorkers = await startReviewWorkers(deps, { schedule });
  // Rewards: the posting sweep (due points post; a ledger that disagrees with the rules opens a rewards case).
  const stopRewardsWorkers = await startRewardsWorkers(deps, { schedule });
  // Disputes: warnings on the case before a regulatory clock falls due, when due, and when missed.
  await startDisputeWorkers(withCalendar(caseDepsFrom(deps)), schedule);
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    stopWorkers();
    stopReviewWorkers();
    stopRewardsWorkers();
    await app.close();
    await dispatcher.stop();
    await stopBridge();
    await jobs.stop();
    await notifier.close?.();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  process.stdout.write(
    `\n  Cardcare is running at ${config.publicUrl} (ready in ${seconds} s, ${database.engine})\n` +
      `  API reference: ${config.publicUrl}/api/docs\n\n` +
      `  Demo sign-ins (password "${DEMO_PASSWORD}"):\n` +
      DEMO_CARDHOLDERS.map((e) => `    cardholder   ${e}\n`).join('') +
      DEMO_STAFF.map((s) => `    ${s.role.padEnd(12)} ${s.email}  (${s.displayName}, ${s.agentCode})\n`).join('') +
      `  Staff also need a TOTP code from the secret ${DEMO_TOTP_SECRET} (any authenticator app).\n\n`,
  );
}

main().catch((error: Error) => fail(error.stack ?? error.message));
