/** Test data picked from the seeded demo ledger (as of TEST_AS_OF) by SQL, for the rewards tests. */
import type { TestApp } from '../../../test/helpers.ts';

export type CapScenario = { accountId: string; crossingId: string; crossedOn: string; spendBeforeCents: number; spendAfterCents: number; quarter: string };

export async function capScenario(t: TestApp): Promise<CapScenario> {
  const { rows } = await t.database.pool.query("SELECT account_id, detail FROM demo_scenarios WHERE key = 'bonus_cap_reached'");
  const d = rows[0].detail;
  return { accountId: rows[0].account_id, crossingId: d.crossingTransactionId, crossedOn: d.crossedOn, spendBeforeCents: d.spendBeforeCents, spendAfterCents: d.spendAfterCents, quarter: d.quarter };
}

/** Supermarket purchases after the crossing one in the cap's quarter, oldest first. */
export async function cappedGroceries(t: TestApp, s: CapScenario): Promise<Array<{ id: string; amountCents: number; status: string }>> {
  const { rows } = await t.database.pool.query(
    `SELECT t.id, t.amount_cents::int AS amount_cents, t.status FROM transactions t, transactions c
      WHERE c.id = $1 AND t.account_id = c.account_id AND t.mcc = '5411' AND t.authorized_at > c.authorized_at AND t.status IN ('posted', 'authorized')
      ORDER BY t.authorized_at`,
    [s.crossingId],
  );
  return rows.map((r) => ({ id: r.id, amountCents: r.amount_cents, status: r.status }));
}

/** A transaction of an account matching a SQL condition on `t` (newest first). */
export async function pickTransaction(t: TestApp, accountId: string, where: string, params: unknown[] = []): Promise<string> {
  const { rows } = await t.database.pool.query(`SELECT t.id FROM transactions t WHERE t.account_id = $1 AND ${where} ORDER BY t.authorized_at DESC LIMIT 1`, [accountId, ...params]);
  if (!rows[0]) throw new Error(`no transaction on ${accountId} where ${where}`);
  return rows[0].id;
}

export async function accountOf(t: TestApp, email: string, cardProduct: string): Promise<string> {
  const { rows } = await t.database.pool.query('SELECT a.id FROM accounts a JOIN users u ON u.customer_id = a.customer_id WHERE u.email = $1 AND a.card_product = $2', [email, cardProduct]);
  if (!rows[0]) throw new Error(`${email} has no ${cardProduct} account`);
  return rows[0].id;
}

export async function rewardsCases(t: TestApp, transactionId: string): Promise<Array<{ id: string; number: string }>> {
  const { rows } = await t.database.pool.query("SELECT id, number FROM cases WHERE type = 'rewards' AND transaction_id = $1", [transactionId]);
  return rows;
}
