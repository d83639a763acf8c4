// npm run seed — creates the demo issuer in an empty database (refuses to mix demo data into real data).
import { isDatabaseEmpty, seedDemo } from '../src/demo/seed-demo.ts';
import { loadConfiguredProfile, openConfiguredDatabase } from '../src/platform/boot.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';

try {
  const config = loadConfig();
  const profile = loadConfiguredProfile(config);
  const database = await openConfiguredDatabase(config);
  try {
    if (!(await isDatabaseEmpty(database.db))) {
      console.error('seed: the database already has users; demo data goes only into an empty database.');
      process.exitCode = 1;
    } else {
      const started = performance.now();
      const summary = await seedDemo(database.db, { asOf: systemClock.now(), profile });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`seeded ${summary.customers} cardholders, ${summary.accounts} accounts, ${summary.transactions} transactions in ${seconds} s`);
    }
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(`seed failed: ${(error as Error).message}`);
  process.exit(1);
}
