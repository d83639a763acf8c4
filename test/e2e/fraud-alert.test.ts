import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDemoScenario } from '../../src/modules/banking/index.ts';
import { type Session, signIn, type TestApp } from '../helpers.ts';
import { assertAccessible, newPage, signInThroughUi, useWebApp } from './browser.ts';

// The fraud-alert prompt, the denial (card blocked, replacement ordered, recurring merchants, liability), card
// lock/unlock, "why was my card declined?" and the public one-time link. The test feeds authorizations and
// reads the link token from the outbox (through the test app), as the e-mail would carry it.

let t: TestApp;
let agent: Session;
let goldCardId: string;
let rewardsCardId: string;
let goldAccountId: string;
let rewardsAccountId: string;

const { web, browser } = useWebApp(async (app) => {
  t = app.web.testApp;
  agent = await signIn(t, 'agent@example.com');
  const planted = await findDemoScenario(t.database.db, 'foreign_cnp_unusual');
  assert.ok(planted?.customerId);
  const { rows } = await t.database.pool.query<{ id: string; account_id: string; card_product: string }>(
    'SELECT k.id, k.account_id, a.card_product FROM cards k JOIN accounts a ON a.id = k.account_id WHERE a.customer_id = $1 AND k.status = $2',
    [planted.customerId, 'active'],
  );
  const gold = rows.find((r) => r.card_product === 'gold_card');
  const rewards = rows.find((r) => r.card_product === 'cash_rewards');
  assert.ok(gold && rewards, 'the demo cardholder has a gold and a rewards card');
  goldCardId = gold.id;
  goldAccountId = gold.account_id;
  rewardsCardId = rewards.id;
  rewardsAccountId = rewards.account_id;
});

/** The processor feed (staff): a foreign, card-not-present charge at a gambling site, a little later each time. */
async function authorize(cardId: string, merchantName: string, merchantCountry: string): Promise<{ transactionId: string; status: string; alert: { id: string } | null }> {
  t.clock.advance(11 * 60_000); // past the velocity window of the previous one
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/authorizations',
    headers: agent.headers,
    payload: { cardId, amountCents: 24_999, currency: 'USD', merchantName, mcc: '7995', merchantCountry, cardPresent: false },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

test('a cardholder denies a fraud alert: the card is blocked, a replacement is ordered, and declines are explained', async () => {
  const raised = await authorize(goldCardId, 'Lucky Star Casino Online', 'NG');
  assert.ok(raised.alert, 'the charge raises an alert');
  const { rows: cards } = await t.database.pool.query<{ last4: string }>('SELECT last4 FROM cards WHERE id = $1', [goldCardId]);
  const oldLast4 = cards[0]?.last4 ?? '';

  const { context, page } = await newPage(browser(), web().baseUrl);
  await signInThroughUi(page, web(), 'cardholder@example.com');
  await page.getByRole('heading', { level: 1, name: 'Your accounts' }).waitFor();
  const prompt = page.getByRole('region', { name: 'Fraud alerts' });
  const alert = prompt.getByRole('region', { name: 'Did you make this purchase?' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /Lucky Star Casino Online/);
  assert.match(await alert.innerText(), /\$249\.99/);
  assert.match(await alert.innerText(), /country where you have not used this card/);
  await assertAccessible(page, 'home with a fraud alert', { noSidewaysScroll: true });

  await alert.getByRole('button', { name: 'It wasn’t me' }).click();
  const blocked = page.getByText(`Your card ending ${oldLast4} is blocked.`);
  await blocked.waitFor();
  const replacement = await page.getByText(/A replacement card ending \d{4} has been ordered/).innerText();
  const newLast4 = /ending (\d{4})/.exec(replacement)?.[1] ?? '';
  assert.match(newLast4, /^\d{4}$/);
  assert.notEqual(newLast4, oldLast4, 'the replacement has a new last 4');
  await page.getByRole('heading', { name: 'Merchants to give your new card to' }).waitFor();
  await page.getByRole('heading', { name: 'What you pay' }).waitFor();
  await page.getByText(/You pay nothing for charges you did not make/).waitFor();
  await page.getByText(/the law limits what you could owe to \$50\.00 \(12 CFR 1026\.12\(b\)\(1\)\(ii\)\)/).waitFor();
  await page.getByText(/We opened fraud case \S+ for these charges/).waitFor();
  await assertAccessible(page, 'home after denying', { noSidewaysScroll: true });

  // The ledger agrees: the old card is out of use and the new one is active.
  const { rows: after } = await t.database.pool.query<{ status: string; replaced_by: string | null }>('SELECT status, replaced_by FROM cards WHERE id = $1', [goldCardId]);
  assert.equal(after[0]?.status, 'replaced');
  const { rows: fresh } = await t.database.pool.query<{ status: string; last4: string }>('SELECT status, last4 FROM cards WHERE id = $1', [after[0]?.replaced_by]);
  assert.deepEqual(fresh[0], { status: 'active', last4: newLast4 });

  // A purchase on the old card is now declined, and the account page says why in plain words.
  const declined = await authorize(goldCardId, 'Corner Market', 'US');
  assert.equal(declined.status, 'declined');
  await page.goto(`/accounts/${goldAccountId}`);
  const controls = page.getByRole('region', { name: 'Lock or unlock a card' });
  await controls.waitFor();
  await controls.getByRole('button', { name: `Lock card ending ${newLast4}` }).click();
  await controls.getByText(`Card ending ${newLast4} is locked.`, { exact: false }).waitFor();
  await controls.getByRole('button', { name: `Unlock card ending ${newLast4}` }).click();
  await controls.getByText(`Card ending ${newLast4} is unlocked and ready to use.`).waitFor();
  const row = page.getByRole('list', { name: 'Transactions' }).getByRole('listitem').filter({ hasText: 'Corner Market' }).first();
  await row.getByRole('button', { name: 'Why was my card declined?' }).click();
  await row.getByText(/This card was replaced|Your card was blocked/).waitFor();
  await assertAccessible(page, 'account page with card controls', { noSidewaysScroll: true });
  await context.close();
});

test('the one-time link answers an alert without signing in, once; a used link says so', async () => {
  const raised = await authorize(rewardsCardId, 'Lagos Bets Ltd', 'SN');
  assert.ok(raised.alert);
  const { rows } = await t.database.pool.query<{ payload: { channel: string; data: { token?: string } } }>(
    "SELECT payload FROM outbox WHERE topic = 'fraud.alert' AND payload->'data'->>'alertId' = $1",
    [raised.alert.id],
  );
  const token = rows.find((r) => r.payload.channel === 'email')?.payload.data.token;
  assert.ok(token, 'the e-mail carries the one-time token');
  const link = `/alerts/${raised.alert.id}?token=${encodeURIComponent(token)}`;

  const { context, page } = await newPage(browser(), web().baseUrl);
  await page.goto(link);
  await page.getByRole('heading', { level: 1, name: 'Was this you?' }).waitFor();
  const alert = page.getByRole('region', { name: 'Did you make this purchase?' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /Lagos Bets Ltd/);
  await assertAccessible(page, 'one-time link page', { noSidewaysScroll: true });
  await alert.getByRole('button', { name: 'It was me' }).click();
  await page.getByText('Thank you for confirming it was you.').waitFor();
  await page.getByText(/We will not ask again about this merchant until/).waitFor();

  await page.goto(link);
  await page.getByText('This link can’t be used any more.').waitFor();
  await page.getByRole('link', { name: 'Sign in to see your alerts' }).waitFor();
  await assertAccessible(page, 'used one-time link', { noSidewaysScroll: true });
  const { rows: stored } = await t.database.pool.query<{ status: string; decided_via: string }>('SELECT status, decided_via FROM fraud_alerts WHERE id = $1', [raised.alert.id]);
  assert.deepEqual(stored[0], { status: 'confirmed', decided_via: 'link' });
  await context.close();
});

test('an agent blocks and reissues a card from the staff account page, and both are audited', async () => {
  const { rows } = await t.database.pool.query<{ last4: string }>('SELECT last4 FROM cards WHERE id = $1', [rewardsCardId]);
  const last4 = rows[0]?.last4 ?? '';
  const { context, page } = await newPage(browser(), web().baseUrl, { width: 1280, height: 900 });
  await signInThroughUi(page, web(), 'agent@example.com');
  await page.getByRole('heading', { level: 1, name: 'Staff console' }).waitFor();
  await page.goto(`/staff/accounts/${rewardsAccountId}`);
  const section = page.getByRole('region', { name: 'Block or reissue a card' });
  await section.waitFor();
  await section.getByRole('button', { name: `Block card ending ${last4}` }).click();
  await section.getByText(/Write why, in a few words/).waitFor(); // no reason, no block
  await section.getByLabel(`Reason (card ending ${last4})`).fill('Cardholder called: card stolen');
  await section.getByRole('button', { name: `Block card ending ${last4}` }).click();
  await section.getByText(`Card ending ${last4} is blocked.`).waitFor();
  await section.getByLabel(`Reason (card ending ${last4})`).fill('Replacement after theft');
  await section.getByRole('button', { name: `Reissue card ending ${last4}` }).click();
  const done = await section.getByText(/is replaced by a new card ending \d{4}\./).innerText();
  const newLast4 = /new card ending (\d{4})/.exec(done)?.[1];
  assert.ok(newLast4 && newLast4 !== last4);
  await assertAccessible(page, 'staff account page with card actions', { noSidewaysScroll: true });
  const { rows: audit } = await t.database.pool.query<{ action: string }>("SELECT action FROM audit_log WHERE target_id = $1 AND action IN ('card.block', 'card.reissue') ORDER BY action", [rewardsCardId]);
  assert.deepEqual(audit.map((r) => r.action), ['card.block', 'card.reissue']);
  await context.close();
});
