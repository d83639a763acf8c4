import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.ts';
import type { CipherService } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db.ts';
import type { BlobStore } from '../attachments/index.ts';
import type { CoreBanking } from '../banking/index.ts';
import type { IssuerProfile } from '../directory/index.ts';
import type { Prioritizer } from './prioritize.ts';
import type { ServicePolicy } from './service-policy.ts';

/** A change other parts of the process want to hear about after commit (live updates, assignment). */
export type CaseChange = { type: 'case.updated' | 'message.created'; caseId: string; customerId?: string; internal?: boolean; staffOnly?: boolean };

export type CaseDeps = {
  db: Db;
  clock: Clock;
  cipher: CipherService;
  profile: IssuerProfile;
  policy: ServicePolicy;
  prioritize: Prioritizer;
  blobs: BlobStore;
  banking: CoreBanking;
  logger: Logger;
  /** Called after commit for every change. */
  publish: (change: CaseChange) => void;
};

export type RequestMeta = { requestId: string; ip: string | null };
