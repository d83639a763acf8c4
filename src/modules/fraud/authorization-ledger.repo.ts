import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import '../banking/banking.tables.ts';

// LIMITATION: the CoreBanking port (modules/banking) has no way to record an incoming authorization, so this
// writes the built-in ledger's `transactions` table directly, with the same columns and checks the ledger uses.
// This is the simulated processor feed (POST /api/v1/authorizations), the one remaining direct write from the
// fraud module; card blocks and replacements go through the port (setCardStatus, issueReplacementCard). It
// belongs in the port as `recordAuthorization(input): Promise<Transaction>` (the ledger adapter would hold this
// insert; a real processor adapter would only read, since the processor records authorizations itself).

export type NewAuthorization = {
  accountId: string;
  cardId: string;
  amountCents: number;
  currency: string;
  merchantName: string;
  mcc: string;
  merchantCountry: string;
  cardPresent: boolean;
  at: Date;
  /** null: authorized (pending); otherwise declined with this reason code. */
  declineReason: string | null;
};

export async function insertAuthorization(db: Executor, a: NewAuthorization): Promise<string> {
  const id = newId('txn');
  await db
    .insertInto('transactions')
    .values({
      id,
      account_id: a.accountId,
      card_id: a.cardId,
      kind: 'purchase',
      direction: 'debit',
      status: a.declineReason ? 'declined' : 'authorized',
      amount_cents: a.amountCents,
      currency: a.currency,
      description: a.merchantName,
      merchant_name: a.merchantName,
      mcc: a.mcc,
      merchant_country: a.merchantCountry,
      card_present: a.cardPresent,
      authorized_at: a.at,
      decline_reason: a.declineReason,
      created_at: a.at,
    })
    .execute();
  return id;
}
