// npm run keys:rotate [-- --generate] [--batch-size=500] [--dry-run]
//
// Re-wraps every data key that is not under the active KEK (CARDCARE_ACTIVE_KEY, or the keyring file's active key
// in embedded mode). Message ciphertexts are not touched. Idempotent and resumable: run it again after an
// interruption, or to pick up data keys written meanwhile by processes that still had the old active key.
//
// With DATABASE_URL it runs beside the live servers. The order for a fleet:
//   1. add the new key to CARDCARE_KEYS on every process (old key stays active) and restart them all;
//   2. set CARDCARE_ACTIVE_KEY to the new id everywhere and restart;
//   3. npm run keys:rotate   (here too with both keys in CARDCARE_KEYS and the new one active);
//   4. once it reports nothing remaining, remove the old key from CARDCARE_KEYS.
//
// Embedded mode (no DATABASE_URL, no CARDCARE_KEYS): the keys live in <dataDir>/keyring.json. PGlite serves one
// process, so re-wrapping needs the server stopped. `--generate` adds a fresh KEK to the keyring file and makes
// it active; it works while the server runs (which keeps reading with either key and re-reads the file when it
// meets a key id it does not know), and the re-wrap then happens at the next run with the server stopped.
import { openConfiguredDatabase } from '../src/platform/boot.ts';
import { type Config, loadConfig } from '../src/platform/config.ts';
import { addFileKey, countDataKeysByKek, keyringFilePath, loadKeyring, rotateDataKeys } from '../src/platform/crypto/index.ts';
import { type Database, DataDirLockedError } from '../src/platform/db.ts';

const USAGE = 'usage: npm run keys:rotate [-- --generate] [--batch-size=N] [--dry-run]';

function fail(message: string, code = 1): never {
  process.stderr.write(`keys:rotate: ${message}\n`);
  process.exit(code);
}

function parseArgs(argv: string[]): { generate: boolean; dryRun: boolean; batchSize: number } {
  const args = { generate: false, dryRun: false, batchSize: 500 };
  for (const arg of argv) {
    if (arg === '--generate') args.generate = true;
    else if (arg === '--dry-run') args.dryRun = true;
    else if (arg.startsWith('--batch-size=')) {
      args.batchSize = Number(arg.slice('--batch-size='.length));
      if (!Number.isInteger(args.batchSize) || args.batchSize < 1 || args.batchSize > 10_000) fail(`--batch-size must be 1-10000\n${USAGE}`, 2);
    } else fail(`unknown argument "${arg}"\n${USAGE}`, 2);
  }
  return args;
}

function generateKey(config: Config): void {
  if (process.env.CARDCARE_KEYS?.trim() || config.databaseUrl || config.env === 'production') {
    fail(
      '--generate only manages the embedded trial keyring file. With CARDCARE_KEYS, create the key yourself ' +
        '(openssl rand -base64 32), add it as <id>:<base64> to CARDCARE_KEYS on every process, restart, then set ' +
        'CARDCARE_ACTIVE_KEY=<id>, restart, and run npm run keys:rotate.',
    );
  }
  const file = keyringFilePath(config.dataDir);
  const { id, previousActive } = addFileKey(file);
  process.stdout.write(`Generated KEK "${id}" in ${file}; it is now the active key${previousActive ? ` (was "${previousActive}")` : ''}.\n`);
}

async function openDatabaseOrExplain(config: Config, generated: boolean): Promise<Database> {
  try {
    return await openConfiguredDatabase(config);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    fail(
      `${error.message}\nEmbedded PostgreSQL serves one process, so data keys are re-wrapped with the server stopped: ` +
        `stop it, then run npm run keys:rotate again.${generated ? ' The new key is already in the keyring file; the running server keeps reading with both keys.' : ''}`,
    );
  }
}

function summary(report: Awaited<ReturnType<typeof rotateDataKeys>>): { text: string; ok: boolean } {
  const from = Object.entries(report.rewrappedFrom).map(([k, n]) => `${n} from "${k}"`);
  const lines = [
    `Re-wrapped ${report.rewrapped} data key(s) under KEK "${report.activeKekId}"${from.length ? ` (${from.join(', ')})` : ''}; record ciphertexts untouched.`,
  ];
  for (const [kekId, n] of Object.entries(report.unknownKeks)) {
    lines.push(`ERROR: ${n} data key(s) are wrapped by KEK "${kekId}", which is not in the keyring: add it to CARDCARE_KEYS (or the keyring file) and run again.`);
  }
  if (report.failureCount > 0) {
    lines.push(`ERROR: ${report.failureCount} data key(s) could not be unwrapped; first ones:`);
    for (const f of report.failures.slice(0, 10)) lines.push(`  ${f.dataKeyId} (KEK "${f.kekId}"): ${f.reason}`);
  }
  const remaining = Object.entries(report.remaining);
  if (remaining.length === 0) {
    lines.push(`Every data key is now under "${report.activeKekId}". Older KEKs can be removed once every process runs with this active key.`);
  } else {
    lines.push(`Still under other KEKs: ${remaining.map(([k, n]) => `${n} under "${k}"`).join(', ')}.`);
    if (Object.keys(report.unknownKeks).length === 0 && report.failureCount === 0) {
      lines.push('These were written meanwhile by processes whose active key is still the old one: restart them with the new CARDCARE_ACTIVE_KEY and run again.');
    }
  }
  return { text: `${lines.join('\n')}\n`, ok: Object.keys(report.unknownKeks).length === 0 && report.failureCount === 0 };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    fail((error as Error).message);
  }
  if (args.generate) generateKey(config);
  const keyring = loadKeyring(config, { warn: (m) => process.stderr.write(`warning: ${m}\n`) });
  const database = await openDatabaseOrExplain(config, args.generate);
  try {
    if (args.dryRun) {
      const counts = await countDataKeysByKek(database.db);
      const listed = [...counts].map(([k, n]) => `${n} under "${k}"${k === keyring.activeId() ? ' (active)' : ''}`);
      process.stdout.write(`Data keys: ${listed.length ? listed.join(', ') : 'none'}. Active KEK: "${keyring.activeId()}". Nothing changed (--dry-run).\n`);
      return;
    }
    let lastPrint = performance.now();
    const report = await rotateDataKeys({
      db: database.db,
      keyring,
      batchSize: args.batchSize,
      onBatch: ({ fromKekId, rewrapped, total }) => {
        if (performance.now() - lastPrint < 1000) return;
        lastPrint = performance.now();
        process.stdout.write(`  "${fromKekId}" → "${keyring.activeId()}": ${rewrapped} of ${total}\n`);
      },
    });
    const { text, ok } = summary(report);
    process.stdout.write(text);
    if (!ok) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: Error) => fail(error.message),
);
