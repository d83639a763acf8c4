import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, problem, type Session, signIn, type TestApp } from '../../../test/helpers.ts';
import { findDemoScenario } from './index.ts';

type Json = Record<string, unknown>;
type Page = { items: Array<Json & { id: string; authorizedAt: string; status: string }>; nextCursor: string | null };

describe('banking routes', () => {
  let t: TestApp;
  let cardholder: Session;
  let cardholder2: Session;
  let agent: Session;
  let primaryCustomerId: string;
  let everydayAccountId: string;
  let heldAccountId: string;

  before(async () => {
    t = await buildTestApp();
    [cardholder, cardholder2, agent] = [await signIn(t, 'cardholder@example.com'), await signIn(t, 'cardholder2@example.com'), await signIn(t, 'agent@example.com')];
    const duplicate = await findDemoScenario(t.database.db, 'duplicate_charge');
    const hold = await findDemoScenario(t.database.db, 'account_on_hold');
    assert.ok(duplicate?.accountId && hold?.accountId);
    primaryCustomerId = duplicate.customerId;
    everydayAccountId = duplicate.accountId;
    heldAccountId = hold.accountId;
  });
  after(() => t.close());

  const get = (url: string, session?: Session) => t.app.inject({ method: 'GET', url, headers: session?.headers ?? {} });
  const auditRows = async (action: string, targetId: string | null) => {
    const { rows } = await t.database.pool.query('SELECT * FROM audit_log WHERE action = $1 AND target_id IS NOT DISTINCT FROM $2', [action, targetId]);
    return rows as Array<{ actor_role: string; request_id: string; ip: string; payload: string }>;
  };

  it('answers 401 without a sign-in', async () => {
    for (const url of ['/api/v1/accounts', `/api/v1/accounts/${everydayAccountId}`, `/api/v1/accounts/${everydayAccountId}/transactions`, '/api/v1/customers?q=maya']) {
      const res = await get(url);
      assert.equal(res.statusCode, 401, url);
      assert.equal(problem(res).code, 'unauthenticated');
    }
  });

  it('lists the cardholder’s own accounts with balances and no card numbers', async () => {
    const res = await get('/api/v1/accounts', cardholder);
    assert.equal(res.statusCode, 200);
    const { items } = res.json() as { items: Array<Json & { customerId: string; cardProduct: string }> };
    assert.ok(items.length >= 3);
    assert.ok(items.every((a) => a.customerId === primaryCustomerId));
    assert.deepEqual(new Set(items.map((a) => a.cardProduct)), new Set(['gold_card', 'cash_rewards', 'everyday_credit', 'high_yield_savings']));
    const gold = items.find((a) => a.cardProduct === 'gold_card');
    assert.equal(gold?.annualFeeCents, 32500);
    assert.equal(gold?.balanceSense, 'owed');
    assert.equal(typeof gold?.balanceCents, 'number');
  });

  it('shows one account with its cards as last 4 only', async () => {
    const res = await get(`/api/v1/accounts/${everydayAccountId}`, cardholder);
    assert.equal(res.statusCode, 200);
    const account = res.json() as { cards: Json[]; status: string };
    assert.equal(account.status, 'active');
    assert.ok(account.cards.length >= 1);
    for (const card of account.cards) {
      assert.match(String(card.last4), /^[0-9]{4}$/);
      assert.deepEqual(Object.keys(card).sort(), ['cardholderName', 'expires', 'id', 'last4', 'network', 'replacedBy', 'status', 'statusChangedAt']);
    }
    assert.doesNotMatch(res.body, /\d{13,19}/);
  });

  it('answers 404, not 403, for the other demo cardholder’s account and for unknown ids', async () => {
    for (const url of [`/api/v1/accounts/${heldAccountId}`, `/api/v1/accounts/${heldAccountId}/transactions`, `/api/v1/accounts/${heldAccountId}/statements`, '/api/v1/accounts/acc_0000000000000000']) {
      const res = await get(url, cardholder);
      assert.equal(res.statusCode, 404, url);
      assert.equal(problem(res).code, 'not_found');
    }
    assert.equal((await get(`/api/v1/accounts?customerId=${primaryCustomerId}`, cardholder2)).statusCode, 404);
    const own = await get(`/api/v1/accounts/${heldAccountId}`, cardholder2);
    assert.equal(own.statusCode, 200);
    assert.equal((own.json() as Json).status, 'on_hold');
  });

  it('walks every transaction page by page without duplicates or gaps, newest first', async () => {
    const seen: Page['items'] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`/api/v1/accounts/${everydayAccountId}/transactions?limit=37${cursor ? `&cursor=${cursor}` : ''}`, cardholder);
      assert.equal(res.statusCode, 200);
      const page = res.json() as Page;
      assert.ok(page.items.length <= 37);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    const { rows } = await t.database.pool.query<{ id: string }>('SELECT id FROM transactions WHERE account_id = $1 ORDER BY authorized_at DESC, id DESC', [everydayAccountId]);
    assert.ok(rows.length > 37, 'needs more than one page');
    assert.deepEqual(seen.map((x) => x.id), rows.map((r) => r.id));
    assert.equal(new Set(seen.map((x) => x.id)).size, seen.length);
  });

  it('uses 25 items as the default page size', async () => {
    const page = (await get(`/api/v1/accounts/${everydayAccountId}/transactions`, cardholder)).json() as Page;
    assert.equal(page.items.length, 25);
    assert.ok(page.nextCursor);
  });

  it('filters by date range (inclusive, issuer time zone) and by status', async () => {
    const res = await get(`/api/v1/accounts/${everydayAccountId}/transactions?from=2026-05-01&to=2026-05-31&limit=100`, cardholder);
    assert.equal(res.statusCode, 200);
    const page = res.json() as Page;
    assert.ok(page.items.length > 0);
    // 2026-05-01 00:00 in New York is 04:00 UTC; 2026-06-01 00:00 is 04:00 UTC.
    for (const item of page.items) assert.ok(item.authorizedAt >= '2026-05-01T04:00:00.000Z' && item.authorizedAt < '2026-06-01T04:00:00.000Z', item.authorizedAt);
    const { rows } = await t.database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM transactions WHERE account_id = $1 AND authorized_at >= '2026-05-01T04:00Z' AND authorized_at < '2026-06-01T04:00Z'`,
      [everydayAccountId],
    );
    assert.equal(page.items.length, rows[0]?.n);
    const posted = (await get(`/api/v1/accounts/${everydayAccountId}/transactions?status=posted&limit=100`, cardholder)).json() as Page;
    assert.ok(posted.items.length > 0 && posted.items.every((x) => x.status === 'posted'));
  });

  it('refuses bad queries with 400', async () => {
    const cases: Array<[string, string]> = [
      ['from=2026-06-01&to=2026-05-01', 'validation_failed'],
      ['limit=0', 'validation_failed'],
      ['limit=101', 'validation_failed'],
      ['from=2026-13-01', 'validation_failed'],
      ['cursor=bm90LWEtY3Vyc29y', 'validation_failed'],
      ['status=pending', 'validation_failed'],
      ['colour=blue', 'unknown_field'],
    ];
    for (const [query, code] of cases) {
      const res = await get(`/api/v1/accounts/${everydayAccountId}/transactions?${query}`, cardholder);
      assert.equal(res.statusCode, 400, query);
      assert.equal(problem(res).code, code, query);
    }
    assert.equal((await get('/api/v1/accounts/not-an-id', cardholder)).statusCode, 400);
  });

  it('lists statements newest first with consistent balances', async () => {
    const res = await get(`/api/v1/accounts/${everydayAccountId}/statements`, cardholder);
    assert.equal(res.statusCode, 200);
    const { items } = res.json() as { items: Array<{ closingDate: string; openingBalanceCents: number; debitsCents: number; creditsCents: number; closingBalanceCents: number }> };
    assert.equal(items.length, 12);
    for (let i = 0; i < items.length; i++) {
      const s = items[i];
      assert.ok(s);
      assert.equal(s.closingBalanceCents, s.openingBalanceCents + s.debitsCents - s.creditsCents);
      if (i > 0) assert.ok(s.closingDate < (items[i - 1]?.closingDate ?? ''));
    }
  });

  it('requires staff to name the customer and audits every staff read', async () => {
    assert.equal(problem(await get('/api/v1/accounts', agent)).code, 'validation_failed');
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/accounts?customerId=${primaryCustomerId}`, headers: { ...agent.headers, 'x-request-id': 'req-audit-list-1' } });
    assert.equal(list.statusCode, 200);
    const rows = await auditRows('account.list', primaryCustomerId);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.actor_role, 'agent');
    assert.equal(rows[0]?.request_id, 'req-audit-list-1');
    assert.ok(rows[0]?.ip);
    await get(`/api/v1/accounts/${everydayAccountId}/transactions?limit=5`, agent);
    await get(`/api/v1/accounts/${everydayAccountId}/statements`, agent);
    await get(`/api/v1/accounts/${everydayAccountId}`, agent);
    for (const action of ['transaction.list', 'statement.list', 'account.read']) assert.equal((await auditRows(action, everydayAccountId)).length, 1, action);
    // A cardholder reading their own records leaves no audit row.
    await get(`/api/v1/accounts/${everydayAccountId}/statements`, cardholder);
    assert.equal((await auditRows('statement.list', everydayAccountId)).length, 1);
  });

  it('lets staff search customers by name, e-mail, phone and card last 4, and audits the search', async () => {
    const byName = (await get('/api/v1/customers?q=maya%20thompson', agent)).json() as { items: Array<{ id: string; phone: string }> };
    assert.deepEqual(byName.items.map((c) => c.id), [primaryCustomerId]);
    const phone = byName.items[0]?.phone ?? '';
    const byPhone = (await get(`/api/v1/customers?q=${encodeURIComponent(`(${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`)}`, agent)).json() as { items: Array<{ id: string }> };
    assert.ok(byPhone.items.some((c) => c.id === primaryCustomerId));
    const byEmail = (await get('/api/v1/customers?q=cardholder@example.com', agent)).json() as { items: Array<{ id: string }> };
    assert.deepEqual(byEmail.items.map((c) => c.id), [primaryCustomerId]);
    const { rows } = await t.database.pool.query<{ last4: string }>('SELECT k.last4 FROM cards k JOIN accounts a ON a.id = k.account_id WHERE a.customer_id = $1 LIMIT 1', [primaryCustomerId]);
    const last4 = rows[0]?.last4 ?? '';
    const byCard = (await get(`/api/v1/customers?q=${last4}`, agent)).json() as { items: Array<{ id: string; matchedCardLast4: string | null }> };
    assert.ok(byCard.items.some((c) => c.id === primaryCustomerId && c.matchedCardLast4 === last4));
    const searches = await auditRows('customer.search', null);
    assert.equal(searches.length, 4);
    assert.ok(searches.every((r) => r.actor_role === 'agent'));
  });

  it('never writes a full card number typed into the search box to the audit log', async () => {
    const res = await get('/api/v1/customers?q=4111%201111%201111%201111', agent);
    assert.equal(res.statusCode, 200);
    const { rows } = await t.database.pool.query<{ payload: string }>(`SELECT payload FROM audit_log WHERE action = 'customer.search'`);
    assert.ok(rows.every((r) => !r.payload.includes('4111 1111 1111 1111') && !r.payload.includes('4111111111111111')));
  });

  it('shows staff a customer with accounts, audited; 404 for an unknown customer', async () => {
    const res = await get(`/api/v1/customers/${primaryCustomerId}`, agent);
    assert.equal(res.statusCode, 200);
    const customer = res.json() as { displayName: string; accounts: Json[]; postalAddress: string };
    assert.equal(customer.displayName, 'Maya Thompson');
    assert.ok(customer.accounts.length >= 3);
    assert.match(customer.postalAddress, /Austin, TX \d{5}/);
    assert.equal((await auditRows('customer.read', primaryCustomerId)).length, 1);
    assert.equal((await get('/api/v1/customers/cus_0000000000000000', agent)).statusCode, 404);
  });

  it('refuses cardholders on the staff customer endpoints with 403', async () => {
    for (const url of ['/api/v1/customers?q=maya', `/api/v1/customers/${primaryCustomerId}`]) {
      const res = await get(url, cardholder);
      assert.equal(res.statusCode, 403, url);
      assert.equal(problem(res).code, 'forbidden');
    }
  });

  it('rejects a search shorter than 2 characters', async () => {
    assert.equal((await get('/api/v1/customers?q=a', agent)).statusCode, 400);
  });
});
