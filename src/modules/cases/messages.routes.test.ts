import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, problem, type Session, signIn, type TestApp } from '../../../test/helpers.ts';
import { pngOfSize, tinyPng } from '../attachments/attachment-fixtures.ts';
import { verifyAuditChain } from '../../platform/audit.ts';

function form(fields: Record<string, string>, files: Array<{ name: string; bytes: Buffer; type?: string }> = []): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const f of files) fd.append("files", new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/octet-stream' }), f.name);
  return fd;
}

describe('Secure Message Center', () => {
  let t: TestApp;
  let holder: Session;
  let other: Session;
  let agent: Session;
  before(async () => {
    t = await buildTestApp();
    holder = await signIn(t, 'cardholder@example.com');
    other = await signIn(t, 'cardholder2@example.com');
    agent = await signIn(t, 'agent@example.com');
  });
  after(() => t.close());

  const post = (url: string, s: Session, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, headers: { ...s.headers, ...headers }, payload: payload as string });
  const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: s.headers });

  let caseId = '';
  let caseNumber = '';

  it('opens a case with a number, priority from the urgent words and a product-line queue', async () => {
    const res = await post('/api/v1/messages', holder, { subject: 'urgent: unauthorized charge', body: 'There is a charge I did not make yesterday.' });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.match(body.number, /^AX-\d{6}$/);
    assert.equal(body.priority, 'high');
    assert.equal(body.queue, 'personal.fraud');
    assert.equal(body.status, 'new');
    assert.equal(body.message.author.role, 'cardholder');
    caseId = body.id;
    caseNumber = body.number;
  });

  it('removes card numbers and security codes, tells the cardholder, and stores no plaintext', async () => {
    const res = await post('/api/v1/messages', holder, { subject: 'card 4111 1111 1111 1111', body: 'My card 4111-1111-1111-1111 cvv 123 was declined at order 55521.' });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.doesNotMatch(JSON.stringify(body), /4111[ -]?1111[ -]?1111[ -]?1111|cvv 123/);
    assert.match(body.message.body, /•••• 1111/);
    assert.match(body.message.body, /order 55521/);
    assert.ok(body.notice && /never/.test(body.notice));
    const dump = await t.database.pool.query("SELECT encode(body, 'escape') AS b FROM messages");
    assert.ok(dump.rows.length >= 2);
    for (const row of dump.rows) assert.doesNotMatch(row.b, /declined at order|charge I did not make/);
    const subjects = await t.database.pool.query('SELECT subject FROM cases');
    for (const row of subjects.rows) assert.doesNotMatch(row.subject, /4111 1111/);
  });

  it('lists and shows the cardholder\u2019s own cases and hides them from another cardholder', async () => {
    const list = (await get('/api/v1/cases', holder)).json();
    assert.ok(list.items.some((c: { id: string }) => c.id === caseId));
    const detail = (await get(`/api/v1/cases/${caseId}`, holder)).json();
    assert.equal(detail.number, caseNumber);
    assert.equal(detail.messages[0].body, 'There is a charge I did not make yesterday.');
    assert.equal(detail.messages[0].author.displayName.length > 0, true);
    const foreign = await get(`/api/v1/cases/${caseId}`, other);
    assert.equal(foreign.statusCode, 404);
    assert.equal(problem(foreign).code, 'not_found');
    const replyForeign = await post(`/api/v1/cases/${caseId}/messages`, other, { body: 'hi' });
    assert.equal(replyForeign.statusCode, 404);
    assert.equal((await get('/api/v1/cases', other)).json().items.some((c: { id: string }) => c.id === caseId), false);
  });

  it('signs every agent reply with the representative\u2019s name and agent ID; notes stay internal', async () => {
    const note = await post(`/api/v1/cases/${caseId}/messages`, agent, { body: 'Checked: merchant is a known fraud pattern.', internal: true });
    assert.equal(note.statusCode, 201, note.body);
    const reply = await post(`/api/v1/cases/${caseId}/messages`, agent, { body: 'We have blocked the charge and are looking into it.' });
    assert.equal(reply.statusCode, 201, reply.body);
    assert.deepEqual(reply.json().message.author, { role: 'agent', displayName: 'Jordan Lee', agentCode: 'AGT-1042' });
    const seen = (await get(`/api/v1/cases/${caseId}`, holder)).json();
    assert.equal(seen.messages.length, 2);
    assert.ok(seen.messages.every((m: { body: string }) => !m.body.includes('known fraud pattern')));
    assert.ok(!JSON.stringify(seen).includes('known fraud pattern'));
    assert.deepEqual(seen.messages[1].author, { role: 'agent', displayName: 'Jordan Lee', agentCode: 'AGT-1042' });
    assert.deepEqual(seen.assignee, { displayName: 'Jordan Lee', agentCode: 'AGT-1042' });
    const staffView = (await get(`/api/v1/cases/${caseId}`, agent)).json();
    assert.equal(staffView.messages.filter((m: { internal: boolean }) => m.internal).length, 1);
    assert.equal(staffView.sla.firstResponse.met, true);
    const { rows } = await t.database.pool.query("SELECT topic, payload::text AS payload FROM outbox WHERE topic IN ('case.opened', 'case.message.agent_reply') ORDER BY id");
    const reply1 = rows.find((r) => r.topic === 'case.message.agent_reply');
    assert.ok(rows.some((r) => r.topic === 'case.opened' && r.payload.includes(caseNumber)), 'the cardholder is told the case number');
    assert.ok(reply1 && reply1.payload.includes(caseNumber), 'the new-reply notice carries the case number');
    assert.ok(rows.every((r) => !/blocked the charge|known fraud pattern/.test(r.payload)), 'never the message content');
    assert.equal(rows.filter((r) => r.topic === 'case.message.agent_reply').length, 1, 'internal notes notify nobody');
  });

  it('refuses an agent reply that asks for a CVV, and allows the warning', async () => {
    const bad = await post(`/api/v1/cases/${caseId}/messages`, agent, { body: 'Please reply with the CVV on the back of your card.' });
    assert.equal(bad.statusCode, 422);
    assert.equal(problem(bad).code, 'outbound_sensitive_request');
    const ok = await post(`/api/v1/cases/${caseId}/messages`, agent, { body: 'We will never ask for your CVV or PIN.' });
    assert.equal(ok.statusCode, 201);
  });

  it('marks read receipts for the other side\u2019s messages', async () => {
    const before = (await get('/api/v1/cases', holder)).json().items.find((c: { id: string }) => c.id === caseId);
    assert.ok(before.unreadCount >= 2);
    const read = await post(`/api/v1/cases/${caseId}/read`, holder, {});
    assert.equal(read.statusCode, 204);
    const detail = (await get(`/api/v1/cases/${caseId}`, holder)).json();
    assert.ok(detail.messages.filter((m: { author: { role: string } }) => m.author.role === 'agent').every((m: { readAt: string | null }) => m.readAt));
    assert.equal(detail.messages[0].readAt, null, 'own messages are marked by the other side, not by reading them');
  });

  it('accepts a screenshot by content and serves it only to the case\u2019s cardholder and staff', async () => {
    const res = await post('/api/v1/messages', holder, form({ subject: 'Screenshot of the charge', body: 'See attached.' }, [{ name: 'screen.txt', bytes: tinyPng() }]));
    assert.equal(res.statusCode, 201, res.body);
    const att = res.json().message.attachments[0];
    assert.equal(att.mime, 'image/png');
    assert.match(att.fileName, /\.png$/);
    const download = await get(att.url, holder);
    assert.equal(download.statusCode, 200);
    assert.match(String(download.headers['content-disposition']), /^attachment;/);
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual(download.rawPayload, tinyPng());
    assert.equal((await get(att.url, other)).statusCode, 404);
    assert.equal((await get(att.url, agent)).statusCode, 200);
  });

  it('refuses disguised, oversized and too many attachments with the reason, writing nothing', async () => {
    const before = (await t.database.pool.query('SELECT count(*)::int AS n FROM messages')).rows[0].n;
    const html = await post('/api/v1/messages', holder, form({ subject: 's', body: 'b' }, [{ name: 'photo.png', bytes: Buffer.from('<html><script>alert(1)</script></html>'), type: 'image/png' }]));
    assert.equal(html.statusCode, 415);
    assert.equal(problem(html).code, 'attachment_type_refused');
    assert.match(problem(html).detail ?? '', /photo/);
    const big = await post('/api/v1/messages', holder, form({ subject: 's', body: 'b' }, [{ name: 'big.png', bytes: pngOfSize(10 * 1024 * 1024 + 1) }]));
    assert.equal(big.statusCode, 413);
    const six = await post('/api/v1/messages', holder, form({ subject: 's', body: 'b' }, Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.png`, bytes: tinyPng() }))));
    assert.equal(six.statusCode, 400);
    assert.equal(problem(six).code, 'too_many_attachments');
    const after = (await t.database.pool.query('SELECT count(*)::int AS n FROM messages')).rows[0].n;
    assert.equal(after, before);
  });

  it('answers empty and over-long bodies with a 400 naming the limit', async () => {
    const empty = await post('/api/v1/messages', holder, { subject: 'x', body: '   ' });
    assert.equal(empty.statusCode, 400);
    assert.match(problem(empty).detail ?? '', /body/);
    const long = await post('/api/v1/messages', holder, { subject: 'x', body: 'a'.repeat(20_001) });
    assert.equal(long.statusCode, 400);
    assert.match(JSON.stringify(problem(long).errors), /20000/);
    const unknown = await post('/api/v1/messages', holder, { subject: 'x', body: 'y', priority: 'urgent' });
    assert.equal(problem(unknown).code, 'unknown_field');
  });

  it('replays a retried POST with the same Idempotency-Key and creates one message under concurrency', async () => {
    const headers = { 'idempotency-key': 'retry-1' };
    const payload = { subject: 'Twice', body: 'Sent twice by a flaky network.' };
    const [a, b] = await Promise.all([post('/api/v1/messages', holder, payload, headers), post('/api/v1/messages', holder, payload, headers)]);
    const c = await post('/api/v1/messages', holder, payload, headers);
    assert.equal(a.statusCode, 201);
    assert.equal(b.statusCode, 201);
    assert.equal(a.json().id, b.json().id);
    assert.equal(a.json().id, c.json().id);
    const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM cases WHERE subject = $1', ['Twice']);
    assert.equal(rows[0].n, 1);
    const reused = await post('/api/v1/messages', holder, { ...payload, body: 'different' }, headers);
    assert.equal(reused.statusCode, 422);
    assert.equal(problem(reused).code, 'idempotency_key_reused');
  });

  it('opens every case of a burst whole, each with its own number, timeline, outbox row and audit row (group commit)', async () => {
    const sessions = [holder, other];
    const posts = Array.from({ length: 24 }, (_, i) =>
      post('/api/v1/messages', sessions[i % 2]!, { subject: `Burst ${i}`, body: `Message ${i}: card 4111 1111 1111 1111 was charged twice.` }, i % 3 === 0 ? { 'idempotency-key': `burst-${i}` } : {}),
    );
    // Two retries of keyed requests in the same burst: answered with their first response, nothing written twice.
    posts.push(post('/api/v1/messages', holder, { subject: 'Burst 0', body: 'Message 0: card 4111 1111 1111 1111 was charged twice.' }, { 'idempotency-key': 'burst-0' }));
    posts.push(post('/api/v1/messages', other, { subject: 'Burst 3', body: 'Message 3: card 4111 1111 1111 1111 was charged twice.' }, { 'idempotency-key': 'burst-3' }));
    const answers = await Promise.all(posts);
    for (const res of answers) assert.equal(res.statusCode, 201, res.body);
    const cases = answers.map((res) => res.json() as { id: string; number: string; message: { body: string } });
    assert.equal(cases[24]!.id, cases[0]!.id);
    assert.equal(cases[25]!.id, cases[3]!.id);
    assert.equal(new Set(cases.map((c) => c.number)).size, 24);
    for (const c of cases) assert.ok(!c.message.body.includes('4111 1111 1111 1111'));
    const ids = cases.slice(0, 24).map((c) => c.id);
    const { rows } = await t.database.pool.query<{ id: string; messages: number; events: number; audits: number; outbox: number }>(
      `SELECT c.id,
              (SELECT count(*)::int FROM messages m WHERE m.case_id = c.id) AS messages,
              (SELECT count(*)::int FROM case_events e WHERE e.case_id = c.id) AS events,
              (SELECT count(*)::int FROM audit_log a WHERE a.target_id = c.id AND a.action = 'case.create') AS audits,
              (SELECT count(*)::int FROM outbox o WHERE o.topic = 'case.opened' AND o.payload::text LIKE '%' || c.number || '%') AS outbox
         FROM cases c WHERE c.id = ANY($1)`,
      [ids],
    );
    assert.equal(rows.length, 24);
    for (const row of rows) assert.deepEqual([row.messages, row.events, row.audits, row.outbox], [1, 2, 1, 1], row.id);
    assert.equal((await verifyAuditChain(t.database.pool)).ok, true);
  });

  it('answers a burst of replies: each lands once, concurrent replies on one case both land, another customer\u2019s case is 404', async () => {
    const mine = await Promise.all([0, 1, 2].map((i) => post('/api/v1/messages', holder, { subject: `Reply burst ${i}`, body: 'First message.' })));
    const ids = mine.map((res) => (res.json() as { id: string }).id);
    const answers = await Promise.all([
      ...ids.map((id) => post(`/api/v1/cases/${id}/messages`, holder, { body: 'A reply in the burst.' })),
      post(`/api/v1/cases/${ids[0]}/messages`, holder, { body: 'A second reply on the same case, at the same time.' }),
      post(`/api/v1/cases/${ids[0]}/messages`, holder, { body: 'A third one.' }),
      post(`/api/v1/cases/${ids[1]}/messages`, other, { body: 'Not my case.' }),
      post(`/api/v1/cases/${ids[2]}/messages`, agent, { body: 'Hello from the bank.' }),
    ]);
    assert.deepEqual(answers.map((res) => res.statusCode), [201, 201, 201, 201, 201, 404, 201]);
    const counts = await t.database.pool.query<{ case_id: string; n: number }>(
      'SELECT case_id, count(*)::int AS n FROM messages WHERE case_id = ANY($1) GROUP BY case_id ORDER BY case_id',
      [ids],
    );
    assert.deepEqual(Object.fromEntries(counts.rows.map((r) => [r.case_id, r.n])), { [ids[0]!]: 4, [ids[1]!]: 2, [ids[2]!]: 3 });
    const events = await t.database.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND kind = 'message'", [ids[0]]);
    assert.equal(events.rows[0]!.n, 4, 'every reply on the busy case is on its timeline');
    assert.deepEqual(answers[6]!.json().message.author, { role: 'agent', displayName: 'Jordan Lee', agentCode: 'AGT-1042' });
  });

  it('moves through states as data: illegal moves are 409; a closed case refuses replies; a resolved one reopens', async () => {
    const illegal = await post(`/api/v1/cases/${caseId}/reopen`, agent, {});
    assert.equal(illegal.statusCode, 409);
    assert.equal(problem(illegal).code, 'invalid_state_transition');
    const resolved = await post(`/api/v1/cases/${caseId}/resolve`, agent, { note: 'Refunded.' });
    assert.equal(resolved.statusCode, 200, resolved.body);
    assert.equal(resolved.json().status, 'resolved');
    const reopened = await post(`/api/v1/cases/${caseId}/messages`, holder, { body: 'It came back again.' });
    assert.equal(reopened.statusCode, 201);
    assert.equal(reopened.json().status, 'open');
    await post(`/api/v1/cases/${caseId}/resolve`, agent, {});
    const closed = await post(`/api/v1/cases/${caseId}/close`, agent, {});
    assert.equal(closed.json().status, 'closed');
    const late = await post(`/api/v1/cases/${caseId}/messages`, holder, { body: 'One more thing' });
    assert.equal(late.statusCode, 409);
    assert.equal(problem(late).code, 'case_closed');
    const timeline = (await get(`/api/v1/cases/${caseId}`, agent)).json().timeline.map((e: { kind: string }) => e.kind);
    assert.ok(timeline.includes('state_changed') && timeline.includes('assigned') && timeline.includes('note'));
  });

  it('writes one reply for concurrent duplicates, and a retry after the case closed still gets the first answer', async () => {
    const opened = await post('/api/v1/messages', holder, { subject: 'Reply retry', body: 'First message.' });
    const id = opened.json().id as string;
    const headers = { 'idempotency-key': 'reply-retry-1' };
    const payload = { body: 'My answer, sent twice.' };
    const [a, b] = await Promise.all([post(`/api/v1/cases/${id}/messages`, holder, payload, headers), post(`/api/v1/cases/${id}/messages`, holder, payload, headers)]);
    assert.deepEqual([a.statusCode, b.statusCode], [201, 201]);
    assert.equal(a.json().message.id, b.json().message.id);
    const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM messages WHERE case_id = $1', [id]);
    assert.equal(rows[0].n, 2, 'the opening message and one reply');
    await post(`/api/v1/cases/${id}/resolve`, agent, {});
    assert.equal((await post(`/api/v1/cases/${id}/close`, agent, {})).json().status, 'closed');
    const retry = await post(`/api/v1/cases/${id}/messages`, holder, payload, headers);
    assert.equal(retry.statusCode, 201);
    assert.equal(retry.json().message.id, a.json().message.id);
    const fresh = await post(`/api/v1/cases/${id}/messages`, holder, payload, { 'idempotency-key': 'reply-retry-2' });
    assert.equal(problem(fresh).code, 'case_closed');
  });

  it('keeps staff actions for staff', async () => {
    const res = await post(`/api/v1/cases/${caseId}/resolve`, holder, {});
    assert.equal(res.statusCode, 403);
    const internal = await post(`/api/v1/cases/${caseId}/messages`, holder, { body: 'x', internal: true });
    assert.equal(internal.statusCode, 403);
  });
});
