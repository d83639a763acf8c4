import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestDatabase, TEST_AS_OF } from '../../../test/helpers.ts';
import type { Database } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { type CoreBanking, createLedgerBanking, type DemoScenario, findDemoScenario } from './index.ts';

describe('ledger adapter (CoreBanking over the built-in tables)', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let banking: CoreBanking;
  let duplicate: DemoScenario;
  let hold: DemoScenario;

  before(async () => {
    ({ database, drop } = await openTestDatabase());
    banking = createLedgerBanking(database.db);
    const d = await findDemoScenario(database.db, 'duplicate_charge');
    const h = await findDemoScenario(database.db, 'account_on_hold');
    assert.ok(d?.accountId && h?.accountId);
    duplicate = d;
    hold = h;
  });
  after(async () => {
    await database.close();
    await drop();
  });

  const accountId = () => duplicate.accountId ?? '';
  const at = new Date(TEST_AS_OF.getTime() + 60_000);

  it('reads several customers in one call, as findCustomer reads each; unknown ids are simply absent', async () => {
    const a = duplicate.customerId;
    const b = hold.customerId;
    assert.ok(a && b && a !== b);
    const found = await banking.findCustomers([a, b, a, 'cus_0000000000000000']);
    assert.deepEqual([...found.keys()].sort(), [a, b].sort());
    assert.deepEqual(found.get(a), await banking.findCustomer(a));
    assert.deepEqual(found.get(b), await banking.findCustomer(b));
    assert.equal((await banking.findCustomers([])).size, 0);
  });

  it('posts an issuer credit once per reference and lowers the balance once', async () => {
    const before = (await banking.balances([accountId()])).get(accountId());
    const input = { accountId: accountId(), amountCents: 8_640, description: 'Provisional credit – duplicate charge', reference: 'test:provisional:1', at, relatedTo: duplicate.transactionId };
    const first = await banking.postCredit(input);
    const again = await banking.postCredit(input);
    assert.equal(first.replayed, false);
    assert.equal(again.replayed, true);
    assert.equal(again.transaction.id, first.transaction.id);
    assert.equal(first.transaction.kind, 'credit');
    assert.equal(first.transaction.direction, 'credit');
    assert.equal(first.transaction.status, 'posted');
    assert.equal(first.transaction.relatedTo, duplicate.transactionId);
    const afterwards = (await banking.balances([accountId()])).get(accountId());
    assert.equal(afterwards?.postedBalanceCents, (before?.postedBalanceCents ?? 0) - 8_640);
  });

  it('refuses a reference reused for a different amount', async () => {
    await assert.rejects(
      banking.postCredit({ accountId: accountId(), amountCents: 1, description: 'x', reference: 'test:provisional:1', at }),
      (error: unknown) => error instanceof AppError && error.code === 'conflict',
    );
  });

  it('posts adjustments either way, inside a caller’s transaction, and rolls back with it', async () => {
    await assert.rejects(
      database.db.transaction().execute(async (tx) => {
        const result = await banking.withTransaction(tx).postAdjustment({ accountId: accountId(), direction: 'debit', amountCents: 500, description: 'Reversal', reference: 'test:rollback', at });
        assert.equal(result.transaction.direction, 'debit');
        throw new Error('abort');
      }),
      /abort/,
    );
    const page = await banking.listTransactions(accountId(), { limit: 5, kind: 'adjustment' });
    assert.equal(page.items.length, 0);
  });

  it('rejects amounts that are not positive whole cents', async () => {
    for (const amountCents of [0, -5, 1.5]) {
      await assert.rejects(banking.postCredit({ accountId: accountId(), amountCents, description: 'x', reference: `test:bad:${amountCents}`, at }), (e: unknown) => e instanceof AppError && e.code === 'validation_failed');
    }
  });

  it('scopes reads by customer', async () => {
    assert.ok(await banking.findAccount(accountId(), { customerId: duplicate.customerId }));
    assert.equal(await banking.findAccount(accountId(), { customerId: hold.customerId }), null);
    assert.ok(await banking.findTransaction(duplicate.transactionId ?? '', { customerId: null }));
    assert.equal(await banking.findTransaction(duplicate.transactionId ?? '', { customerId: hold.customerId }), null);
  });

  it('finds the statement a posting is on, and merchant refunds of a charge', async () => {
    const fee = await findDemoScenario(database.db, 'annual_fee_recent');
    const statement = await banking.statementFor(fee?.accountId ?? '', String(fee?.detail.postedOn));
    assert.equal(statement?.id, fee?.detail.statementId);
    const { rows } = await database.pool.query<{ refund_of: string }>('SELECT refund_of FROM transactions WHERE refund_of IS NOT NULL LIMIT 1');
    const refunds = await banking.listRefundsOf(rows[0]?.refund_of ?? '');
    assert.equal(refunds.length >= 1 && refunds.every((r) => r.kind === 'refund'), true);
  });

  it('locks and blocks cards, and places and releases holds', async () => {
    const [card] = await banking.listCards(accountId());
    assert.ok(card);
    const locked = await banking.setCardStatus(card.id, 'locked', at);
    assert.equal(locked.status, 'locked');
    assert.equal(locked.statusChangedAt?.getTime(), at.getTime());
    const released = await banking.releaseHold(hold.accountId ?? '', at);
    assert.equal(released.status, 'active');
    assert.equal(released.holdReason, null);
    const placed = await banking.placeHold(hold.accountId ?? '', 'Returned payment', at);
    assert.equal(placed.status, 'on_hold');
    assert.equal(placed.holdReason, 'Returned payment');
  });
});
