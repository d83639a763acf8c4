import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { problem, type Session, signIn } from '../../../test/helpers.ts';
import { findDemoScenario } from '../banking/index.ts';
import { buildFraudTestApp } from '../fraud/fraud-test-app.ts';
import { explainDecline } from './decline-reasons.ts';

type Json = Record<string, any>;

describe('card controls', () => {
  let t: Awaited<ReturnType<typeof buildFraudTestApp>>;
  let everydayCardId: string;
  let goldCardId: string;
  let otherCustomersCardId: string;
  let heldDeclineId: string;

  before(async () => {
    t = await buildFraudTestApp();
    const duplicate = await findDemoScenario(t.database.db, 'duplicate_charge');
    const hold = await findDemoScenario(t.database.db, 'account_on_hold');
    assert.ok(duplicate?.accountId && hold?.accountId);
    const cards = async (sql: string, params: unknown[]) => (await t.database.pool.query<{ id: string }>(sql, params)).rows;
    everydayCardId = (await cards("SELECT id FROM cards WHERE account_id = $1 AND status = 'active'", [duplicate.accountId]))[0]!.id;
    goldCardId = (await cards("SELECT k.id FROM cards k JOIN accounts a ON a.id = k.account_id WHERE a.customer_id = $1 AND a.card_product = 'gold_card' AND k.status = 'active'", [duplicate.customerId]))[0]!.id;
    otherCustomersCardId = (
      await cards("SELECT k.id FROM cards k JOIN accounts a ON a.id = k.account_id JOIN users u ON u.customer_id = a.customer_id WHERE u.email = 'cardholder2@example.com' AND k.status = 'active'", [])
    )[0]!.id;
    heldDeclineId = (await cards("SELECT id FROM transactions WHERE account_id = $1 AND decline_reason = 'account_on_hold' ORDER BY authorized_at DESC", [hold.accountId]))[0]!.id;
  });
  after(() => t.close());

  const post = (url: string, session: Session, payload?: Json, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers: { ...session.headers, ...headers }, ...(payload ? { payload } : {}) });
  const get = (url: string, session: Session) => t.app.inject({ method: 'GET', url, headers: session.headers });
  const authorize = async (cardId: string) => {
    t.clock.advance(11 * 60_000);
    const res = await post('/api/v1/authorizations', await signIn(t, 'agent@example.com'), { cardId, amountCents: 1_250, currency: 'USD', merchantName: 'Corner Market', mcc: '5411', merchantCountry: 'US', cardPresent: true });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as Json;
  };

  it('locks and unlocks the cardholder’s own card; purchases on a locked card are declined and explained', async () => {
    const me = await signIn(t, 'cardholder@example.com');
    const locked = await post(`/api/v1/cards/${everydayCardId}/lock`, me);
    assert.equal(locked.statusCode, 200, locked.body);
    assert.equal(locked.json().status, 'locked');
    assert.equal((await post(`/api/v1/cards/${everydayCardId}/lock`, me)).json().status, 'locked', 'locking twice changes nothing');
    const declined = await authorize(everydayCardId);
    assert.deepEqual([declined.status, declined.declineReason], ['declined', 'card_locked']);
    const why = await get(`/api/v1/transactions/${declined.transactionId}/decline-reason`, me);
    assert.equal(why.statusCode, 200);
    assert.equal(why.json().title, 'Your card was locked');
    const unlocked = await post(`/api/v1/cards/${everydayCardId}/unlock`, me);
    assert.equal(unlocked.json().status, 'active');
    assert.equal((await authorize(everydayCardId)).status, 'authorized');
    const { rows } = await t.database.pool.query("SELECT action, actor_role FROM audit_log WHERE target_id = $1 AND action IN ('card.lock', 'card.unlock') ORDER BY id", [everydayCardId]);
    assert.deepEqual(rows.map((r) => r.action), ['card.lock', 'card.unlock']);
  });

  it('answers 404 for another customer’s card or transaction, and 403 when staff try to lock', async () => {
    const me = await signIn(t, 'cardholder@example.com');
    assert.equal(problem(await post(`/api/v1/cards/${otherCustomersCardId}/lock`, me)).code, 'not_found');
    assert.equal(problem(await post(`/api/v1/cards/${otherCustomersCardId}/unlock`, me)).code, 'not_found');
    assert.equal(problem(await get(`/api/v1/transactions/${heldDeclineId}/decline-reason`, me)).code, 'not_found'); // the hold is cardholder2's
    assert.equal((await post(`/api/v1/cards/${everydayCardId}/lock`, await signIn(t, 'agent@example.com'))).statusCode, 403);
    assert.equal((await post(`/api/v1/cards/${everydayCardId}/block`, me, { reason: 'stolen' })).statusCode, 403);
  });

  it('explains the account-on-hold decline in plain words, and a charge that was not declined', async () => {
    const held = (await get(`/api/v1/transactions/${heldDeclineId}/decline-reason`, await signIn(t, 'cardholder2@example.com'))).json() as Json;
    const me = await signIn(t, 'cardholder@example.com');
    assert.deepEqual([held.declined, held.code, held.title], [true, 'account_on_hold', 'Your account is on hold']);
    const fine = await authorize(goldCardId);
    const answer = (await get(`/api/v1/transactions/${fine.transactionId}/decline-reason`, me)).json() as Json;
    assert.equal(answer.declined, false);
    const staffRead = await get(`/api/v1/transactions/${heldDeclineId}/decline-reason`, await signIn(t, 'agent@example.com'));
    assert.equal(staffRead.statusCode, 200);
    const { rows } = await t.database.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'transaction.read' AND target_id = $1", [heldDeclineId]);
    assert.equal(rows[0].n, 1);
  });

  it('every decline code has plain words; unknown codes still offer the human path', () => {
    for (const code of ['card_locked', 'card_blocked', 'card_replaced', 'account_on_hold', 'insufficient_credit', 'insufficient_funds', 'suspected_fraud', 'suspected_fraud_pending', 'incorrect_security_code', 'expired_card_entered', 'do_not_honor']) {
      const e = explainDecline(code);
      if (code !== 'do_not_honor') assert.notEqual(e.title, explainDecline('zz_new_code').title, code);
      assert.ok(e.explanation.length > 20 && e.whatToDo.length > 10);
    }
    assert.match(explainDecline('zz_new_code').whatToDo, /person/);
  });

  it('staff block a card (it cannot be unlocked: 409) and reissue it with a new last 4, idempotently', async () => {
    const agent = await signIn(t, 'agent@example.com');
    assert.equal((await post(`/api/v1/cards/${goldCardId}/block`, agent, {})).statusCode, 400);
    const blocked = await post(`/api/v1/cards/${goldCardId}/block`, agent, { reason: 'Cardholder reported the card stolen by phone' });
    assert.equal(blocked.json().status, 'blocked');
    const me = await signIn(t, 'cardholder@example.com');
    const unlock = problem(await post(`/api/v1/cards/${goldCardId}/unlock`, me));
    assert.deepEqual([unlock.status, unlock.code], [409, 'invalid_state_transition']);
    assert.equal((await authorize(goldCardId)).declineReason, 'card_blocked');

    const key = { 'idempotency-key': 'reissue-gold-1' };
    const first = await post(`/api/v1/cards/${goldCardId}/reissue`, agent, { reason: 'stolen' }, key);
    assert.equal(first.statusCode, 201, first.body);
    const body = first.json() as Json;
    assert.equal(body.replaced.status, 'replaced');
    assert.equal(body.replaced.replacedBy, body.replacement.id);
    assert.notEqual(body.replacement.last4, body.replaced.last4);
    assert.equal(body.replacement.status, 'active');
    const retry = await post(`/api/v1/cards/${goldCardId}/reissue`, agent, { reason: 'stolen' }, key);
    assert.deepEqual(retry.json(), body);
    const again = problem(await post(`/api/v1/cards/${goldCardId}/reissue`, agent, { reason: 'stolen' }));
    assert.equal(again.status, 409);
    assert.equal(problem(await post(`/api/v1/cards/${goldCardId}/unlock`, me)).status, 409);
    const { rows } = await t.database.pool.query("SELECT count(*)::int AS n FROM cards WHERE replaced_by = $1", [body.replacement.id]);
    assert.equal(rows[0].n, 1);
  });
});
