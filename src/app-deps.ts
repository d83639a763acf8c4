import type { Logger } from 'pino';
import type { CoreBanking } from './modules/banking/index.ts';
import type { IssuerProfile } from './modules/directory/index.ts';
import type { Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import type { CipherService } from './platform/crypto/index.ts';
import type { EventBus } from './platform/events.ts';
import type { BlobStore } from './modules/attachments/index.ts';
import type { Prioritizer, ServicePolicy } from './modules/cases/index.ts';
import type { Triage } from './modules/triage/index.ts';
import type { Db, Engine } from './platform/db.ts';

/** What every module's plugin receives: the database, the clock, configuration and the issuer profile. */
export type AppDeps = {
  db: Db;
  engine: Engine;
  clock: Clock;
  config: Config;
  profile: IssuerProfile;
  logger: Logger;
  cipher: CipherService;
  servicePolicy: ServicePolicy;
  blobs: BlobStore;
  events: EventBus;
  /** The issuer's processor adapter; the built-in ledger when absent. */
  banking?: CoreBanking;
  /** The triage classifier (config/triage), loaded once at start; completeDeps loads the default. */
  triage?: Triage;
  /** The Secure Message Center's priority hook; completeDeps puts the classifier in front of the phrase rules. */
  prioritize?: Prioritizer;
};
