import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { openTestDatabase, TEST_AS_OF } from '../../../test/helpers.ts';
import { PROFILE_PATH } from '../../../test/template.ts';
import type { Database } from '../../platform/db.ts';
import { loadProfile } from '../directory/index.ts';
import { BONUS_CAP_CENTS, type DemoScenario, findDemoScenario } from './index.ts';

// The seeded demo ledger (the test template, as of TEST_AS_OF): volume, spread, internal consistency and
// every planted scenario.

const DAY_MS = 86_400_000;

describe('demo ledger', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let pool: pg.Pool;
  const profile = loadProfile(PROFILE_PATH);
  const scenario = async (key: string): Promise<DemoScenario> => {
    const found = await findDemoScenario(database.db, key);
    assert.ok(found, `scenario ${key} is planted`);
    return found;
  };
  const one = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T> => {
    const { rows } = await pool.query<T>(text, values);
    assert.ok(rows[0], text);
    return rows[0];
  };

  before(async () => {
    ({ database, drop } = await openTestDatabase());
    pool = database.pool;
  });
  after(async () => {
    await database.close();
    await drop();
  });

  it('has at least 240 customers with unique e-mails, E.164 phones and US addresses', async () => {
    const r = await one<{ n: number; emails: number; bad_phone: number; bad_zip: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT lower(email))::int AS emails,
              count(*) FILTER (WHERE phone !~ '^\\+1[2-9][0-9]{9}$')::int AS bad_phone,
              count(*) FILTER (WHERE postal_code !~ '^[0-9]{5}$' OR country <> 'US')::int AS bad_zip FROM customers`,
    );
    assert.ok(r.n >= 240, `${r.n} customers`);
    assert.equal(r.emails, r.n);
    assert.equal(r.bad_phone, 0);
    assert.equal(r.bad_zip, 0);
  });

  it('spreads accounts over every product line and card product of the profile', async () => {
    const { rows } = await pool.query<{ product_line: string; card_product: string; n: number }>('SELECT product_line, card_product, count(*)::int AS n FROM accounts GROUP BY 1, 2');
    for (const line of profile.productLines) assert.ok(rows.some((r) => r.product_line === line.id && r.n >= 5), `product line ${line.id}`);
    for (const product of profile.cardProducts) assert.ok(rows.some((r) => r.card_product === product.id && r.n >= 5), `card product ${product.id}`);
  });

  it('holds 40k–80k transactions, mostly domestic, mixing card-present and not', async () => {
    const r = await one<{ n: number; us: number; present: number; absent: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE merchant_country = 'US')::int AS us,
              count(*) FILTER (WHERE card_present)::int AS present, count(*) FILTER (WHERE card_present = false)::int AS absent
         FROM transactions WHERE kind = 'purchase'`,
    );
    const total = await one<{ n: number }>('SELECT count(*)::int AS n FROM transactions');
    assert.ok(total.n >= 40_000 && total.n <= 80_000, `${total.n} transactions`);
    assert.ok(r.us / r.n > 0.9, 'mostly domestic');
    assert.ok(r.present > r.n * 0.3 && r.absent > r.n * 0.1, 'both card-present and card-not-present');
  });

  it('uses real merchant category codes for everyday spending', async () => {
    const { rows } = await pool.query<{ mcc: string }>(`SELECT DISTINCT mcc FROM transactions WHERE kind = 'purchase'`);
    const codes = new Set(rows.map((r) => r.mcc));
    for (const mcc of ['5411', '5812', '5541', '4511', '7011', '5942', '5999', '4899']) assert.ok(codes.has(mcc), mcc);
  });

  it('gives every account 12 consecutive monthly statements closing on its cycle day, due 25 days later', async () => {
    const bad = await one<{ accounts: number; wrong_count: number; wrong_day: number; wrong_due: number; gaps: number; breaks: number }>(`
      WITH s AS (
        SELECT s.*, a.billing_cycle_day,
               lag(closing_date) OVER (PARTITION BY s.account_id ORDER BY closing_date) AS prev_closing,
               lag(closing_balance_cents) OVER (PARTITION BY s.account_id ORDER BY closing_date) AS prev_balance
          FROM statements s JOIN accounts a ON a.id = s.account_id)
      SELECT (SELECT count(*)::int FROM accounts) AS accounts,
             (SELECT count(*)::int FROM (SELECT a.id FROM accounts a LEFT JOIN statements st ON st.account_id = a.id GROUP BY a.id HAVING count(st.id) <> 12) x) AS wrong_count,
             count(*) FILTER (WHERE extract(day FROM closing_date) <> billing_cycle_day)::int AS wrong_day,
             count(*) FILTER (WHERE due_date <> closing_date + 25)::int AS wrong_due,
             count(*) FILTER (WHERE prev_closing IS NOT NULL AND period_start <> prev_closing + 1)::int AS gaps,
             count(*) FILTER (WHERE prev_balance IS NOT NULL AND opening_balance_cents <> prev_balance)::int AS breaks
        FROM s`);
    assert.deepEqual({ ...bad, accounts: 0 }, { accounts: 0, wrong_count: 0, wrong_day: 0, wrong_due: 0, gaps: 0, breaks: 0 });
    const last = await one<{ latest: string; earliest: string }>('SELECT max(closing_date)::text AS latest, min(closing_date)::text AS earliest FROM statements');
    assert.ok(last.latest < TEST_AS_OF.toISOString().slice(0, 10));
    assert.ok(Date.parse(last.earliest) < TEST_AS_OF.getTime() - 330 * DAY_MS, '12 months of history');
  });

  it('makes statement balances add up to the posted transactions on them', async () => {
    const r = await one<{ mismatched: number; misplaced: number; minimum_over: number }>(`
      WITH sums AS (
        SELECT s.id, a.account_kind, s.opening_balance_cents, s.closing_balance_cents, s.debits_cents, s.credits_cents, s.minimum_due_cents,
               COALESCE(sum(t.amount_cents) FILTER (WHERE t.direction = 'debit'), 0) AS debits,
               COALESCE(sum(t.amount_cents) FILTER (WHERE t.direction = 'credit'), 0) AS credits
          FROM statements s JOIN accounts a ON a.id = s.account_id LEFT JOIN transactions t ON t.statement_id = s.id
         GROUP BY s.id, a.account_kind)
      SELECT count(*) FILTER (WHERE debits <> debits_cents OR credits <> credits_cents
               OR closing_balance_cents <> opening_balance_cents + CASE WHEN account_kind IN ('credit', 'charge') THEN debits - credits ELSE credits - debits END)::int AS mismatched,
             (SELECT count(*)::int FROM transactions t JOIN statements s ON s.id = t.statement_id
               WHERE (t.posted_at AT TIME ZONE 'UTC')::date NOT BETWEEN s.period_start AND s.closing_date) AS misplaced,
             count(*) FILTER (WHERE minimum_due_cents > greatest(closing_balance_cents, 0))::int AS minimum_over
        FROM sums`);
    assert.deepEqual(r, { mismatched: 0, misplaced: 0, minimum_over: 0 });
    const unbilled = await one<{ n: number }>(`
      SELECT count(*)::int AS n FROM transactions t
       WHERE t.status = 'posted' AND t.statement_id IS NULL
         AND (t.posted_at AT TIME ZONE 'UTC')::date <= (SELECT max(closing_date) FROM statements s WHERE s.account_id = t.account_id)`);
    assert.equal(unbilled.n, 0, 'every posting in a closed period is on its statement');
  });

  it('has payments, once-a-year annual fees, linked refunds, recent pending authorizations and declines', async () => {
    const r = await one<{ payments: number; fees_twice: number; refunds: number; bad_refunds: number; pending: number; old_pending: number; declined: number; no_reason: number }>(`
      SELECT (SELECT count(*)::int FROM transactions WHERE kind = 'payment') AS payments,
             (SELECT count(*)::int FROM (SELECT t.account_id FROM transactions t JOIN accounts a ON a.id = t.account_id
                WHERE t.kind = 'fee' AND a.account_kind <> 'merchant' GROUP BY t.account_id, extract(year FROM t.posted_at) HAVING count(*) > 1) x) AS fees_twice,
             (SELECT count(*)::int FROM transactions WHERE refund_of IS NOT NULL) AS refunds,
             (SELECT count(*)::int FROM transactions r JOIN transactions c ON c.id = r.refund_of
               WHERE r.amount_cents > c.amount_cents OR r.merchant_name IS DISTINCT FROM c.merchant_name OR r.authorized_at <= c.authorized_at OR r.account_id <> c.account_id) AS bad_refunds,
             (SELECT count(*)::int FROM transactions WHERE status = 'authorized' AND posted_at IS NULL) AS pending,
             (SELECT count(*)::int FROM transactions WHERE status = 'authorized' AND authorized_at < $1::timestamptz - interval '3 days') AS old_pending,
             (SELECT count(*)::int FROM transactions WHERE status = 'declined') AS declined,
             (SELECT count(*)::int FROM transactions WHERE status = 'declined' AND decline_reason IS NULL) AS no_reason`,
      [TEST_AS_OF.toISOString()],
    );
    assert.ok(r.payments > 1_000);
    assert.equal(r.fees_twice, 0);
    assert.ok(r.refunds >= 20);
    assert.equal(r.bad_refunds, 0);
    assert.ok(r.pending >= 3);
    assert.equal(r.old_pending, 0);
    assert.ok(r.declined >= 3);
    assert.equal(r.no_reason, 0);
    const anniversaries = await one<{ off: number }>(`
      SELECT count(*)::int AS off FROM transactions t JOIN accounts a ON a.id = t.account_id
       WHERE t.kind = 'fee' AND a.annual_fee_cents > 0
         AND (extract(month FROM t.posted_at), extract(day FROM t.posted_at)) <> (extract(month FROM a.opened_on), extract(day FROM a.opened_on))`);
    assert.equal(anniversaries.off, 0, 'annual fees post on the card anniversary');
  });

  it('plants refund_not_posted: an online purchase, a merchant confirmation ~10 days ago, and no refund', async () => {
    const s = await scenario('refund_not_posted');
    const charge = await one<{ card_present: boolean; amount_cents: number; status: string; customer_id: string }>(
      'SELECT t.*, a.customer_id FROM transactions t JOIN accounts a ON a.id = t.account_id WHERE t.id = $1',
      [s.transactionId],
    );
    assert.equal(charge.card_present, false);
    assert.equal(charge.status, 'posted');
    assert.equal(charge.amount_cents, s.detail.amountCents);
    assert.match(String(s.detail.merchantConfirmation), /^[A-Z]+-[A-Z]+-\d{6}$/);
    assert.equal(s.detail.refundConfirmedOn, new Date(TEST_AS_OF.getTime() - 10 * DAY_MS).toISOString().slice(0, 10));
    const refunds = await one<{ n: number }>(`SELECT count(*)::int AS n FROM transactions WHERE refund_of = $1 OR (account_id = $2 AND kind = 'refund' AND merchant_name = $3)`, [s.transactionId, s.accountId, s.detail.merchantName]);
    assert.equal(refunds.n, 0);
  });

  it('plants duplicate_charge: the same merchant, amount and day on the primary’s credit card, minutes apart', async () => {
    const s = await scenario('duplicate_charge');
    const { rows } = await pool.query<{ id: string; merchant_name: string; amount_cents: number; authorized_at: Date; status: string; account_id: string }>(
      'SELECT * FROM transactions WHERE id = ANY($1) ORDER BY authorized_at',
      [[s.detail.originalTransactionId, s.transactionId]],
    );
    const [first, second] = rows;
    assert.ok(first && second);
    assert.equal(second.id, s.transactionId);
    assert.equal(first.merchant_name, second.merchant_name);
    assert.equal(first.amount_cents, second.amount_cents);
    assert.equal(first.account_id, second.account_id);
    assert.ok(first.status === 'posted' && second.status === 'posted');
    const minutes = (second.authorized_at.getTime() - first.authorized_at.getTime()) / 60_000;
    assert.ok(minutes > 0 && minutes <= 10);
    assert.equal(first.authorized_at.toISOString().slice(0, 10), second.authorized_at.toISOString().slice(0, 10));
    const account = await one<{ account_kind: string; customer_id: string }>('SELECT * FROM accounts WHERE id = $1', [first.account_id]);
    assert.equal(account.account_kind, 'credit');
  });

  it('plants foreign_cnp_unusual: a recent foreign card-not-present charge by an all-domestic cardholder', async () => {
    const s = await scenario('foreign_cnp_unusual');
    const t = await one<{ merchant_country: string; card_present: boolean; authorized_at: Date }>('SELECT * FROM transactions WHERE id = $1', [s.transactionId]);
    assert.ok(['RO', 'NG'].includes(t.merchant_country));
    assert.equal(t.card_present, false);
    assert.ok(TEST_AS_OF.getTime() - t.authorized_at.getTime() < 2 * DAY_MS && t.authorized_at <= TEST_AS_OF);
    const others = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM transactions t JOIN accounts a ON a.id = t.account_id
        WHERE a.customer_id = $1 AND t.merchant_country IS NOT NULL AND t.merchant_country <> 'US' AND t.id <> $2`,
      [s.customerId, s.transactionId],
    );
    assert.equal(others.n, 0);
  });

  it('plants bonus_cap_reached: US supermarket spend crosses $6,000 in the quarter on the crossing transaction', async () => {
    const s = await scenario('bonus_cap_reached');
    assert.equal(s.detail.capCents, BONUS_CAP_CENTS);
    const crossing = await one<{ authorized_at: Date; mcc: string; merchant_country: string }>('SELECT * FROM transactions WHERE id = $1', [s.transactionId]);
    assert.equal(crossing.authorized_at.toISOString().slice(0, 10), s.detail.crossedOn);
    const sums = await one<{ before: number; through: number }>(
      `SELECT COALESCE(sum(amount_cents) FILTER (WHERE (authorized_at, id) < ($2::timestamptz, $3)), 0)::int AS before,
              COALESCE(sum(amount_cents) FILTER (WHERE (authorized_at, id) <= ($2::timestamptz, $3)), 0)::int AS through
         FROM transactions WHERE account_id = $1 AND kind = 'purchase' AND status = 'posted' AND mcc = '5411' AND merchant_country = 'US'
          AND authorized_at >= $4::date AND authorized_at < $5::date + 1`,
      [s.accountId, crossing.authorized_at, s.transactionId, s.detail.quarterStart, s.detail.quarterEnd],
    );
    assert.ok(sums.before < BONUS_CAP_CENTS && sums.through >= BONUS_CAP_CENTS, JSON.stringify(sums));
    assert.equal(sums.before, s.detail.spendBeforeCents);
    const quarterStart = Date.parse(String(s.detail.quarterStart));
    const crossed = crossing.authorized_at.getTime();
    assert.ok(crossed - quarterStart > 30 * DAY_MS && crossed - quarterStart < 60 * DAY_MS, 'mid-quarter');
    const product = await one<{ card_product: string }>('SELECT card_product FROM accounts WHERE id = $1', [s.accountId]);
    assert.equal(product.card_product, 'cash_rewards');
  });

  it('plants annual_fee_recent: a fee exactly 20 days before asOf on a fee-carrying card, on a statement', async () => {
    const s = await scenario('annual_fee_recent');
    const fee = await one<{ kind: string; amount_cents: number; posted_at: Date; statement_id: string | null; annual_fee_cents: number; card_product: string }>(
      'SELECT t.*, a.annual_fee_cents, a.card_product FROM transactions t JOIN accounts a ON a.id = t.account_id WHERE t.id = $1',
      [s.transactionId],
    );
    assert.equal(fee.kind, 'fee');
    assert.equal(fee.card_product, 'gold_card');
    assert.equal(fee.amount_cents, 32_500);
    assert.equal(fee.amount_cents, fee.annual_fee_cents);
    assert.equal(TEST_AS_OF.getTime() - fee.posted_at.getTime(), 20 * DAY_MS);
    assert.ok(fee.statement_id);
    assert.equal(fee.statement_id, s.detail.statementId);
  });

  it('plants account_on_hold on the secondary cardholder, who also has a prepaid account', async () => {
    const s = await scenario('account_on_hold');
    const held = await one<{ status: string; hold_reason: string; hold_placed_at: Date; customer_id: string }>('SELECT * FROM accounts WHERE id = $1', [s.accountId]);
    assert.equal(held.status, 'on_hold');
    assert.match(held.hold_reason, /income verification/);
    assert.ok(held.hold_placed_at < TEST_AS_OF);
    const primary = await scenario('duplicate_charge');
    assert.notEqual(held.customer_id, primary.customerId);
    const prepaid = await one<{ n: number }>(`SELECT count(*)::int AS n FROM accounts WHERE customer_id = $1 AND account_kind = 'prepaid' AND status = 'active'`, [held.customer_id]);
    assert.equal(prepaid.n, 1);
    const afterHold = await one<{ n: number; declined: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'declined')::int AS declined FROM transactions WHERE account_id = $1 AND kind = 'purchase' AND authorized_at >= $2`,
      [s.accountId, held.hold_placed_at],
    );
    assert.ok(afterHold.n >= 1);
    assert.equal(afterHold.declined, afterHold.n, 'nothing is authorized while the account is on hold');
  });

  it('gives the demo cardholders the users seed-demo expects', async () => {
    const { rows } = await pool.query<{ email: string; customer_id: string }>(`SELECT email, customer_id FROM users WHERE email IN ('cardholder@example.com', 'cardholder2@example.com')`);
    const byEmail = new Map(rows.map((r) => [r.email, r.customer_id]));
    assert.equal(byEmail.get('cardholder@example.com'), (await scenario('duplicate_charge')).customerId);
    assert.equal(byEmail.get('cardholder2@example.com'), (await scenario('account_on_hold')).customerId);
  });
});
