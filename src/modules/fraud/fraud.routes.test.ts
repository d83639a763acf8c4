import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { problem, type Session, signIn, TEST_AS_OF } from '../../../test/helpers.ts';
import { createLedgerBanking, findDemoScenario } from '../banking/index.ts';
import { US_FEDERAL_RESERVE } from '../calendars/index.ts';
import { evaluateAuthorization, verdictFor } from './evaluate-authorization.ts';
import type { FraudDeps } from './fraud-deps.ts';
import { compileRules, loadFraudRules } from './fraud-rules.ts';
import { buildFraudTestApp } from './fraud-test-app.ts';
import { loadProfile } from './record-authorization.ts';

type Json = Record<string, any>;
const MINUTES = 60_000;

describe('fraud alerts', () => {
  let t: Awaited<ReturnType<typeof buildFraudTestApp>>;
  let goldCardId: string;
  let rewardsCardId: string;
  let plantedTransactionId: string;
  let customerId: string;

  before(async () => {
    t = await buildFraudTestApp();
    const planted = await findDemoScenario(t.database.db, 'foreign_cnp_unusual');
    assert.ok(planted?.transactionId && planted.accountId);
    plantedTransactionId = planted.transactionId;
    customerId = planted.customerId;
    const { rows } = await t.database.pool.query<{ id: string; card_product: string }>(
      'SELECT k.id, a.card_product FROM cards k JOIN accounts a ON a.id = k.account_id WHERE a.customer_id = $1 AND k.status = $2',
      [customerId, 'active'],
    );
    goldCardId = rows.find((r) => r.card_product === 'gold_card')!.id;
    rewardsCardId = rows.find((r) => r.card_product === 'cash_rewards')!.id;
  });
  after(() => t.close());

  const as = (email: string) => signIn(t, email);
  /** Each authorization a little later than the last, so the velocity rule stays out of unrelated tests. */
  async function authorize(session: Session, body: Json) {
    t.clock.advance(11 * MINUTES);
    return t.app.inject({ method: 'POST', url: '/api/v1/authorizations', headers: session.headers, payload: { currency: 'USD', ...body } });
  }
  /** Foreign, card not present, at a kind of merchant this cardholder never used (and a high-risk one). */
  const foreignCnp = (cardId: string, merchantName = 'Lucky Star Casino Online', merchantCountry = 'NG') => ({ cardId, amountCents: 24_999, merchantName, mcc: '7995', merchantCountry, cardPresent: false });
  const post = (url: string, session?: Session) => t.app.inject({ method: 'POST', url, headers: session?.headers ?? {} });
  const get = (url: string, session?: Session) => t.app.inject({ method: 'GET', url, headers: session?.headers ?? {} });

  it('the planted foreign card-not-present charge scores above the alert threshold against the cardholder’s own history', async () => {
    const banking = createLedgerBanking(t.database.db);
    const planted = await banking.findTransaction(plantedTransactionId, { customerId: null });
    const account = await banking.findAccount(planted!.accountId, { customerId: null });
    const rules = compileRules(loadFraudRules());
    const deps = { db: t.database.db, clock: t.clock, banking, rules, calendar: US_FEDERAL_RESERVE } as unknown as FraudDeps;
    const profile = await loadProfile(deps, account!, planted!.authorizedAt, new Set([planted!.id]));
    const result = evaluateAuthorization(rules, profile, { amountCents: planted!.amountCents, mcc: planted!.mcc, merchantCountry: planted!.merchantCountry, cardPresent: false, at: planted!.authorizedAt.getTime() });
    assert.notEqual(verdictFor(rules, result.score), 'clear', `score ${result.score}`);
    assert.ok(profile.countries.has('US') && !profile.countries.has('RO'));
  });

  it('records an authorization, raises an alert with plain reasons, notifies by e-mail and SMS with the one-time link, and shows it to the cardholder only', async () => {
    const agent = await as('agent@example.com');
    const res = await authorize(agent, foreignCnp(goldCardId));
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json() as Json;
    assert.ok(body.alert?.id?.startsWith('fal_'));
    assert.ok(body.reasons.some((r: Json) => r.rule === 'unusual_country'));
    assert.ok(body.score >= 60);
    const { rows: outbox } = await t.database.pool.query("SELECT payload FROM outbox WHERE topic = 'fraud.alert' AND payload::text LIKE $1", [`%${body.alert.id}%`]);
    assert.deepEqual(outbox.map((r) => r.payload.channel).sort(), ['email', 'sms']);
    assert.ok(t.links.has(body.alert.id));
    assert.ok(outbox.every((r) => r.payload.data.token === t.links.get(body.alert.id)), 'the one-time link token reaches the message');
    assert.ok(outbox.every((r) => r.payload.data.linkExpiresAt === body.alert.linkExpiresAt));
    assert.ok(outbox.every((r) => !/Lucky Star|24999|249\.99/.test(JSON.stringify(r.payload))), 'no merchant or amount travels');
    const { rows: stored } = await t.database.pool.query('SELECT token_hash FROM fraud_alerts WHERE id = $1', [body.alert.id]);
    assert.match(stored[0].token_hash, /^[0-9a-f]{64}$/);

    const mine = (await get('/api/v1/fraud-alerts', await as('cardholder@example.com'))).json() as { items: Json[] };
    const shown = mine.items.find((a) => a.id === body.alert.id);
    assert.equal(shown?.status, 'pending');
    assert.equal(shown?.charge.merchantName, 'Lucky Star Casino Online');
    assert.equal(shown?.liability.issuerPromiseCents, 0);
    assert.equal(shown?.liability.regulation, 'reg_z');
    assert.equal(shown?.liability.regulatoryCapCents, 5_000); // 12 CFR 1026.12(b)
    const other = await as('cardholder2@example.com');
    assert.ok(!((await get('/api/v1/fraud-alerts', other)).json() as { items: Json[] }).items.some((a) => a.id === body.alert.id));
    assert.equal(problem(await get(`/api/v1/fraud-alerts/${body.alert.id}`, other)).code, 'not_found');
    assert.equal(problem(await post(`/api/v1/fraud-alerts/${body.alert.id}/deny`, other)).code, 'not_found');
  });

  it('lets only staff feed authorizations, and a usual purchase raises nothing', async () => {
    const cardholder = await as('cardholder@example.com');
    assert.equal((await authorize(cardholder, foreignCnp(goldCardId))).statusCode, 403);
    const res = await authorize(await as('agent@example.com'), { cardId: goldCardId, amountCents: 2_450, merchantName: 'Corner Market', mcc: '5411', merchantCountry: 'US', cardPresent: true });
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().alert, null);
    assert.equal(res.json().status, 'authorized');
  });

  it('"it was me" through the one-time link releases the alert, quiets the merchant, and the link cannot be used again (410)', async () => {
    const agent = await as('agent@example.com');
    const raised = (await authorize(agent, foreignCnp(goldCardId, 'Lagos Bets Ltd', 'SN'))).json() as Json;
    const id = raised.alert.id as string;
    const token = t.links.get(id)!;
    assert.equal(problem(await post(`/api/v1/fraud-alerts/${id}/confirm?token=${'x'.repeat(43)}`)).code, 'not_found');
    const viewed = await get(`/api/v1/fraud-alerts/${id}?token=${token}`);
    assert.equal(viewed.statusCode, 200);
    const confirmed = await post(`/api/v1/fraud-alerts/${id}/confirm?token=${token}`);
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json().status, 'confirmed');
    assert.equal(confirmed.json().decidedVia, 'link');
    assert.ok(confirmed.json().outcome.sameMerchantQuietUntil > TEST_AS_OF.toISOString());
    const again = problem(await post(`/api/v1/fraud-alerts/${id}/confirm?token=${token}`));
    assert.deepEqual([again.status, again.code], [410, 'alert_link_used']);
    const cardholder = await as('cardholder@example.com');
    const denied = problem(await post(`/api/v1/fraud-alerts/${id}/deny`, cardholder));
    assert.deepEqual([denied.status, denied.code], [409, 'alert_already_decided']);
    assert.equal((await post(`/api/v1/fraud-alerts/${id}/confirm`, cardholder)).statusCode, 200, 'the same answer again is a replay');
    // The same merchant again, from yet another country: it would alert, but the cardholder vouched for it.
    const repeat = (await authorize(agent, foreignCnp(goldCardId, 'Lagos Bets Ltd', 'GH'))).json() as Json;
    assert.equal(repeat.alert, null);
    assert.equal(repeat.suppressedByEarlierConfirmation, true);
    const { rows } = await t.database.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'fraud_alert.confirm' AND target_id = $1", [id]);
    assert.equal(rows[0].n, 1);
  });

  it('an expired link answers 410 and changes nothing', async () => {
    const raised = (await authorize(await as('agent@example.com'), foreignCnp(goldCardId, 'Nairobi Lottery', 'KE'))).json() as Json;
    const id = raised.alert.id as string;
    const back = t.clock.now();
    t.clock.advance(49 * 60 * MINUTES);
    try {
      const res = problem(await post(`/api/v1/fraud-alerts/${id}/deny?token=${t.links.get(id)}`));
      assert.deepEqual([res.status, res.code], [410, 'alert_link_expired']);
    } finally {
      t.clock.set(back);
    }
    const { rows } = await t.database.pool.query('SELECT status FROM fraud_alerts WHERE id = $1', [id]);
    assert.equal(rows[0].status, 'pending');
  });

  it('"it wasn’t me" blocks and replaces the card, opens an urgent fraud case with the charges, and lists recurring merchants', async () => {
    const agent = await as('agent@example.com');
    const raised = (await authorize(agent, foreignCnp(rewardsCardId, 'QuickSpin Slots'))).json() as Json;
    const id = raised.alert.id as string;
    const later = (await authorize(agent, { cardId: rewardsCardId, amountCents: 3_999, merchantName: 'Gift Cards Online', mcc: '5999', merchantCountry: 'US', cardPresent: false })).json() as Json;
    const cardholder = await as('cardholder@example.com');
    const res = await post(`/api/v1/fraud-alerts/${id}/deny`, cardholder);
    assert.equal(res.statusCode, 200, res.body);
    const view = res.json() as Json;
    assert.equal(view.status, 'denied');
    const outcome = view.outcome as Json;
    assert.equal(outcome.blockedCard.id, rewardsCardId);
    assert.match(outcome.replacementCard.last4, /^[0-9]{4}$/);
    assert.notEqual(outcome.replacementCard.last4, outcome.blockedCard.last4);
    assert.deepEqual(outcome.unauthorizedCharges.map((c: Json) => c.id), [raised.transactionId, later.transactionId]);
    assert.ok(outcome.recurringMerchants.some((m: Json) => m.merchantName === 'StreamFlix'));
    assert.equal(outcome.liability.issuerPromiseCents, 0);

    const { rows: cards } = await t.database.pool.query('SELECT id, status, replaced_by, last4 FROM cards WHERE id IN ($1, $2)', [rewardsCardId, outcome.replacementCard.id]);
    const old = cards.find((c) => c.id === rewardsCardId);
    const fresh = cards.find((c) => c.id === outcome.replacementCard.id);
    assert.deepEqual([old.status, old.replaced_by], ['replaced', fresh.id]);
    assert.equal(fresh.status, 'active');
    const { rows: cases } = await t.database.pool.query('SELECT id, number, type, priority, transaction_id, links, customer_id FROM cases WHERE id = $1', [outcome.case.id]);
    assert.deepEqual([cases[0].type, cases[0].priority, cases[0].transaction_id, cases[0].customer_id], ['fraud', 'urgent', raised.transactionId, customerId]);
    assert.equal(cases[0].links.unauthorizedTransactionId2, later.transactionId);
    const { rows: events } = await t.database.pool.query("SELECT kind, data FROM case_events WHERE case_id = $1 AND kind = 'fraud_reported'", [outcome.case.id]);
    assert.deepEqual(events[0].data.transactionIds, [raised.transactionId, later.transactionId]);
    const { rows: audits } = await t.database.pool.query("SELECT action FROM audit_log WHERE target_id IN ($1, $2) AND action <> 'fraud_alert.create' ORDER BY id", [rewardsCardId, id]);
    assert.deepEqual(audits.map((a) => a.action), ['card.block', 'card.reissue', 'fraud_alert.deny']);

    const replay = await post(`/api/v1/fraud-alerts/${id}/deny`, cardholder);
    assert.equal(replay.json().outcome.case.id, outcome.case.id, 'a second deny returns the first answer');
    const confirmByLink = problem(await post(`/api/v1/fraud-alerts/${id}/confirm?token=${t.links.get(id)}`));
    assert.deepEqual([confirmByLink.status, confirmByLink.code], [409, 'alert_already_decided']);

    const onOldCard = (await authorize(agent, { cardId: rewardsCardId, amountCents: 1_000, merchantName: 'Corner Market', mcc: '5411', merchantCountry: 'US', cardPresent: true })).json() as Json;
    assert.deepEqual([onOldCard.status, onOldCard.declineReason], ['declined', 'card_replaced']);
  });

  it('holds a charge that scores above the decline threshold until the cardholder confirms; the retry then goes through', async () => {
    const agent = await as('agent@example.com');
    const big = { ...foreignCnp(goldCardId, 'Marina Bay Casino', 'SG'), amountCents: 900_000 };
    const held = (await authorize(agent, big)).json() as Json;
    assert.deepEqual([held.status, held.declineReason], ['declined', 'suspected_fraud_pending']);
    assert.ok(held.score >= 100 && held.alert);
    const cardholder = await as('cardholder@example.com');
    const why = (await get(`/api/v1/transactions/${held.transactionId}/decline-reason`, cardholder)).json() as Json;
    assert.equal(why.code, 'suspected_fraud_pending');
    assert.match(why.whatToDo, /It was me/);
    const confirmed = (await post(`/api/v1/fraud-alerts/${held.alert.id}/confirm`, cardholder)).json() as Json;
    assert.deepEqual([confirmed.status, confirmed.decidedVia], ['confirmed', 'portal']);
    assert.match(confirmed.outcome.nextStep, /try it again/);
    const retry = (await authorize(agent, big)).json() as Json;
    assert.deepEqual([retry.status, retry.alert, retry.suppressedByEarlierConfirmation], ['authorized', null, true]);
  });

  it('a retried authorization with the same Idempotency-Key records one transaction and one alert', async () => {
    const agent = await as('agent@example.com');
    t.clock.advance(11 * MINUTES);
    const send = () => t.app.inject({ method: 'POST', url: '/api/v1/authorizations', headers: { ...agent.headers, 'idempotency-key': 'feed-42' }, payload: { currency: 'USD', ...foreignCnp(goldCardId, 'Macau Nights', 'MO') } });
    const first = await send();
    const second = await send();
    assert.equal(first.statusCode, 201);
    assert.deepEqual(second.json(), first.json());
    const { rows } = await t.database.pool.query("SELECT count(*)::int AS n FROM fraud_alerts WHERE merchant_key = '7995:macau nights'");
    assert.equal(rows[0].n, 1);
  });

  it('two "it wasn’t me" answers at once open one case and one replacement card', async () => {
    const { rows } = await t.database.pool.query<{ id: string }>(
      "SELECT k.id FROM cards k JOIN accounts a ON a.id = k.account_id WHERE a.customer_id = $1 AND a.card_product = 'everyday_credit' AND k.status = 'active'",
      [customerId],
    );
    const cardId = rows[0]!.id;
    const raised = (await authorize(await as('agent@example.com'), foreignCnp(cardId, 'Twin Spins', 'PE'))).json() as Json;
    const cardholder = await as('cardholder@example.com');
    const [a, b] = await Promise.all([post(`/api/v1/fraud-alerts/${raised.alert.id}/deny`, cardholder), post(`/api/v1/fraud-alerts/${raised.alert.id}/deny?token=${t.links.get(raised.alert.id)}`)]);
    const answered = [a, b].filter((r) => r.statusCode === 200);
    assert.ok(answered.length >= 1);
    assert.ok([a, b].every((r) => r.statusCode === 200 || r.statusCode === 410), `${a.statusCode} ${b.statusCode}`);
    const { rows: cases } = await t.database.pool.query("SELECT count(*)::int AS n FROM cases WHERE links->>'fraudAlertId' = $1", [raised.alert.id]);
    const { rows: cards } = await t.database.pool.query('SELECT count(*)::int AS n FROM cards WHERE replaced_by IS NOT NULL AND id = $1', [cardId]);
    assert.deepEqual([cases[0].n, cards[0].n], [1, 1]);
  });

  it('validates the feed: unknown card 404, bad fields 400', async () => {
    const agent = await as('agent@example.com');
    assert.equal(problem(await authorize(agent, { ...foreignCnp('crd_0000000000000000') })).code, 'not_found');
    assert.equal((await authorize(agent, { ...foreignCnp(goldCardId), mcc: '57' })).statusCode, 400);
    assert.equal((await authorize(agent, { ...foreignCnp(goldCardId), amountCents: 0 })).statusCode, 400);
  });
});
