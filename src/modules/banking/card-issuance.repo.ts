import { randomInt } from 'node:crypto';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import './banking.tables.ts';

/**
 * Replacement cards in the built-in ledger (the CoreBanking port's `issueReplacementCard`): a new card on the
 * same account with a new last 4, and the old card marked `replaced` naming its successor, keeping the table's
 * rule CHECK ((status = 'replaced') = (replaced_by IS NOT NULL)). A real processor issues cards itself; its
 * adapter calls the processor instead.
 */
export const CARD_VALID_YEARS = 4;

function expiresFrom(at: Date): string {
  return `${at.getUTCFullYear() + CARD_VALID_YEARS}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A new last 4 that no card on the account has had (the built-in ledger keeps no full numbers to derive it from). */
async function freshLast4(db: Executor, accountId: string): Promise<string> {
  const taken = new Set((await db.selectFrom('cards').select('last4').where('account_id', '=', accountId).execute()).map((r) => r.last4));
  for (;;) {
    const candidate = String(randomInt(0, 10_000)).padStart(4, '0');
    if (!taken.has(candidate)) return candidate;
  }
}

/** Returns the new card's id, or null when the old card is missing or was already replaced (nothing written). */
export async function insertReplacementCard(db: Executor, oldCardId: string, at: Date): Promise<string | null> {
  const old = await db.selectFrom('cards').selectAll().where('id', '=', oldCardId).where('status', '!=', 'replaced').forUpdate().executeTakeFirst();
  if (!old) return null;
  const id = newId('crd');
  const last4 = await freshLast4(db, old.account_id);
  await db
    .insertInto('cards')
    .values({ id, account_id: old.account_id, last4, network: old.network, cardholder_name: old.cardholder_name, expires: expiresFrom(at), status: 'active', status_changed_at: at, replaced_by: null, issued_at: at })
    .execute();
  await db.updateTable('cards').set({ status: 'replaced', replaced_by: id, status_changed_at: at }).where('id', '=', old.id).execute();
  return id;
}
