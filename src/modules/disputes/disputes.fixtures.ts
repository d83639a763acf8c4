/** Test data picked from the seeded demo ledger (as of TEST_AS_OF) by SQL, for the disputes tests. */
import type { TestApp } from '../../../test/helpers.ts';

export type Charge = { id: string; accountId: string; amountCents: number; cardPresent: boolean | null; merchantCountry: string | null; billingCycleDay: number; openedOn: string };

const PLANTED = ['Northwind Home Online', 'Harbor & Vine Bistro'];

export async function customerOf(t: TestApp, email: string): Promise<string> {
  const { rows } = await t.database.pool.query('SELECT customer_id FROM users WHERE email = $1', [email]);
  return rows[0].customer_id;
}

/** The n-th newest posted purchase without a refund on the customer's account of that kind, posted in [from, to). */
export async function pickCharge(t: TestApp, customerId: string, kind: string, from: string, to: string, n = 0): Promise<Charge> {
  const { rows } = await t.database.pool.query(
    `SELECT t.id, t.account_id, t.amount_cents, t.card_present, t.merchant_country, a.billing_cycle_day, a.opened_on::text AS opened_on
       FROM transactions t JOIN accounts a ON a.id = t.account_id
      WHERE a.customer_id = $1 AND a.account_kind = $2 AND t.status = 'posted' AND t.kind = 'purchase' AND t.direction = 'debit'
        AND t.posted_at >= $3 AND t.posted_at < $4 AND NOT (t.merchant_name = ANY($5))
        AND NOT EXISTS (SELECT 1 FROM transactions r WHERE r.refund_of = t.id)
      ORDER BY t.posted_at DESC, t.id OFFSET $6 LIMIT 1`,
    [customerId, kind, from, to, PLANTED, n],
  );
  const r = rows[0];
  if (!r) throw new Error(`no ${kind} charge for ${customerId} in [${from}, ${to}) at offset ${n}`);
  return { id: r.id, accountId: r.account_id, amountCents: Number(r.amount_cents), cardPresent: r.card_present, merchantCountry: r.merchant_country, billingCycleDay: r.billing_cycle_day, openedOn: r.opened_on };
}

export async function scenario(t: TestApp, key: string): Promise<{ transactionId: string; detail: Record<string, unknown> }> {
  const { rows } = await t.database.pool.query('SELECT transaction_id, detail FROM demo_scenarios WHERE key = $1', [key]);
  return { transactionId: rows[0].transaction_id, detail: rows[0].detail };
}

/** A charge of the customer that the merchant really refunded (refund_of), with its refund. */
export async function refundedCharge(t: TestApp, customerId: string): Promise<{ chargeId: string; refundId: string }> {
  const { rows } = await t.database.pool.query(
    `SELECT c.id AS charge_id, r.id AS refund_id FROM transactions r JOIN transactions c ON c.id = r.refund_of JOIN accounts a ON a.id = c.account_id
      WHERE a.customer_id = $1 AND c.status = 'posted' AND r.amount_cents = c.amount_cents ORDER BY c.posted_at DESC LIMIT 1`,
    [customerId],
  );
  return { chargeId: rows[0].charge_id, refundId: rows[0].refund_id };
}

export async function ledgerPostings(t: TestApp, disputeId: string): Promise<Array<{ reference: string; direction: string; amount_cents: number; kind: string }>> {
  const { rows } = await t.database.pool.query("SELECT reference, direction, amount_cents::int AS amount_cents, kind FROM transactions WHERE reference LIKE $1 ORDER BY reference", [`${disputeId}:%`]);
  return rows;
}
