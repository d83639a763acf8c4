import type { Config } from '../config.ts';
import { KeyringError } from './errors.ts';
import { keyringFilePath, openFileKeyring } from './keyring-file.ts';
import { KEY_HINT, type Keyring, keyringOf, parseKeySpec } from './keyring.ts';

const HOW_TO =
  'Set CARDCARE_KEYS to one or more comma-separated id:base64 entries of 32 random bytes and CARDCARE_ACTIVE_KEY ' +
  `to the id that wraps new data keys, e.g. CARDCARE_KEYS="k2026a:$(openssl rand -base64 32)" CARDCARE_ACTIVE_KEY=k2026a (${KEY_HINT}). ` +
  'Keep them in a secret store, not in the database or its backups.';

/**
 * The keyring for this process, decided once at start:
 *  - CARDCARE_KEYS set: the keys from the environment (any mode);
 *  - NODE_ENV=production without them: a start-up error (PCI DSS v4.0 3.6.1.2: KEKs stored apart from the data);
 *  - otherwise (trial and development, embedded or DATABASE_URL): <dataDir>/keyring.json, created on first use,
 *    with a warning. Processes on one machine share that file; processes on several machines sharing one
 *    database must be given CARDCARE_KEYS, or each would invent its own key.
 */
export function loadKeyring(
  config: Pick<Config, 'env' | 'databaseUrl' | 'dataDir'>,
  options: { env?: NodeJS.ProcessEnv; warn?: (message: string) => void; minReloadMs?: number } = {},
): Keyring {
  const env = options.env ?? process.env;
  const keys = env.CARDCARE_KEYS?.trim();
  if (keys) return keyringOf(parseKeySpec(keys, env.CARDCARE_ACTIVE_KEY), 'env');
  if (env.CARDCARE_ACTIVE_KEY?.trim()) {
    throw new KeyringError(`CARDCARE_ACTIVE_KEY is set but CARDCARE_KEYS is empty. ${HOW_TO}`);
  }
  if (config.env === 'production') {
    throw new KeyringError(
      `NODE_ENV=production requires encryption keys from configuration: message bodies and attachments are encrypted at rest. ${HOW_TO}`,
    );
  }
  if (config.databaseUrl) {
    options.warn?.(
      `DATABASE_URL is set but CARDCARE_KEYS is not: using the development keyring ${keyringFilePath(config.dataDir)}. ` +
        `Every process on this database must read the same file; production refuses this. ${HOW_TO}`,
    );
  }
  return openFileKeyring(keyringFilePath(config.dataDir), { warn: options.warn, minReloadMs: options.minReloadMs });
}
