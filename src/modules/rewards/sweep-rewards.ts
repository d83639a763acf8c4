/**
 * The posting sweep: runs the posting sync (post-points.ts) for every account that has points postings, so
 * due points post (e.g. at statement close) and a disagreement between the ledger and the rules opens its
 * rewards case without anyone looking at the account. An account with no postings at all has nothing to
 * disagree with; it is synced the first time its rewards are read.
 * LIMITATION: accounts are found from the ledger, because the CoreBanking port cannot list accounts by product.
 */
import { inUnit } from '../../platform/unit-of-work.ts';
import type { CaseDeps } from '../cases/index.ts';
import { syncRewards } from './post-points.ts';
import { listLedgerAccounts } from './rewards.repo.ts';

const BATCH = 200;

export async function sweepRewards(deps: CaseDeps): Promise<{ accounts: number; failed: number }> {
  let after: string | null = null;
  let accounts = 0;
  let failed = 0;
  for (;;) {
    const ids = await listLedgerAccounts(deps.db, after, BATCH);
    for (const id of ids) {
      try {
        await inUnit(deps.db, async (unit) => {
          const account = await deps.banking.withTransaction(unit.tx).findAccount(id, { customerId: null });
          if (account) await syncRewards(deps, unit, account, { requestId: 'rewards-sweep', ip: null });
        });
        accounts += 1;
      } catch (error) {
        failed += 1; // one account's trouble must not stop the others
        deps.logger.error({ err: error, accountId: id }, 'rewards posting sweep failed for an account');
      }
    }
    if (ids.length < BATCH) return { accounts, failed };
    after = ids[ids.length - 1] ?? null;
  }
}
