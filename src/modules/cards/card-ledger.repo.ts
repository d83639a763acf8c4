import { randomInt } from 'node:crypto';
import type { Card } from '../banking/index.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import '../banking/banking.tables.ts';

// LIMITATION: the CoreBanking port (modules/banking) can change a card's status but cannot issue a card, so
// the replacement is written to the built-in ledger's `cards` table here, keeping its rule that a replaced card
// names its successor (CHECK (status = 'replaced') = (replaced_by IS NOT NULL)). It belongs in the port as
// `issueReplacementCard(cardId, at): Promise<{ replaced: Card; replacement: Card }>`.

export const CARD_VALID_YEARS = 4;

function expiresFrom(at: Date): string {
  return `${at.getUTCFullYear() + CARD_VALID_YEARS}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A new last 4 that no card on the account has had (the demo ledger has no full numbers to derive it from). */
async function freshLast4(db: Executor, accountId: string): Promise<string> {
  const taken = new Set((await db.selectFrom('cards').select('last4').where('account_id', '=', accountId).execute()).map((r) => r.last4));
  for (;;) {
    const candidate = String(randomInt(0, 10_000)).padStart(4, '0');
    if (!taken.has(candidate)) return candidate;
  }
}

export async function insertReplacementCard(db: Executor, old: Card, at: Date): Promise<{ id: string; last4: string; expires: string }> {
  const id = newId('crd');
  const last4 = await freshLast4(db, old.accountId);
  const expires = expiresFrom(at);
  await db
    .insertInto('cards')
    .values({ id, account_id: old.accountId, last4, network: old.network, cardholder_name: old.cardholderName, expires, status: 'active', status_changed_at: at, replaced_by: null, issued_at: at })
    .execute();
  const updated = await db
    .updateTable('cards')
    .set({ status: 'replaced', replaced_by: id, status_changed_at: at })
    .where('id', '=', old.id)
    .where('status', '!=', 'replaced')
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw new Error(`card ${old.id} was replaced concurrently`);
  return { id, last4, expires };
}
