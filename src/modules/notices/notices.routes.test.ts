import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { problem, type Session, signIn, type TestApp, buildTestApp } from '../../../test/helpers.ts';
import { pdfText } from './notice-test-pdf.ts';

type Res = Awaited<ReturnType<TestApp['app']['inject']>>;
type Notice = { id: string; kind: string; title: string; htmlUrl: string; pdfUrl: string; messageId: string; subject: { type: string; id: string } | null; issuedOn: string; issuedBy: string };

describe('Written notices: complaint acknowledgment and response letters', () => {
  let t: TestApp;
  let holder: Session;
  let other: Session;
  let agent: Session;
  const post = (url: string, s: Session, payload: unknown): Promise<Res> => t.app.inject({ method: 'POST', url, headers: s.headers, payload: payload as string });
  const get = (url: string, s: Session): Promise<Res> => t.app.inject({ method: 'GET', url, headers: s.headers });
  let complaintId = '';
  let caseId = '';
  let caseNumber = '';
  let holderName = '';

  before(async () => {
    t = await buildTestApp();
    holder = await signIn(t, 'cardholder@example.com');
    other = await signIn(t, 'cardholder2@example.com');
    agent = await signIn(t, 'agent@example.com');
    const filed = await post('/api/v1/complaints', holder, { category: 'fees_interest', description: 'A late fee although I paid on time.', desiredOutcome: 'Refund the late fee' });
    assert.equal(filed.statusCode, 201, filed.body);
    complaintId = filed.json().id;
    caseId = filed.json().caseId;
    caseNumber = (await get(`/api/v1/cases/${caseId}`, holder)).json().number;
    const { rows } = await t.database.pool.query("SELECT c.first_name || ' ' || c.last_name AS name FROM users u JOIN customers c ON c.id = u.customer_id WHERE u.email = 'cardholder@example.com'");
    holderName = rows[0].name;
  });
  after(() => t.close());

  const notices = async (s: Session) => (await get(`/api/v1/cases/${caseId}/notices`, s)).json().items as Notice[];

  it('sends the acknowledgment letter when the complaint is acknowledged: a signed message with the PDF attached', async () => {
    assert.deepEqual(await notices(holder), []);
    const ack = await post(`/api/v1/complaints/${complaintId}/acknowledge`, agent, {});
    assert.equal(ack.statusCode, 200, ack.body);
    const [notice] = await notices(holder);
    assert.ok(notice);
    assert.equal(notice.kind, 'complaint_acknowledgment');
    assert.deepEqual(notice.subject, { type: 'complaint', id: complaintId });
    assert.equal(notice.issuedOn, '2026-06-15');
    assert.equal(notice.issuedBy, 'Jordan Lee');

    const theCase = (await get(`/api/v1/cases/${caseId}`, holder)).json();
    const message = theCase.messages.find((m: { id: string }) => m.id === notice.messageId);
    assert.equal(message.author.agentCode, 'AGT-1042');
    assert.match(message.body, /answer in writing by Tuesday, June 30, 2026/);
    assert.equal(message.attachments.length, 1);
    assert.equal(message.attachments[0].mime, 'application/pdf');
    assert.equal(message.attachments[0].url, notice.pdfUrl);
    assert.ok(theCase.timeline.some((e: { kind: string; data: { noticeId?: string } }) => e.kind === 'notice_issued' && e.data.noticeId === notice.id));
  });

  it('lets the cardholder download the PDF (attachment, nosniff) and open the HTML letter', async () => {
    const [notice] = await notices(holder);
    const pdf = await get(notice!.pdfUrl, holder);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(String(pdf.headers['content-disposition']), /^attachment; filename="complaint-acknowledgment-.+\.pdf"/);
    assert.equal(pdf.headers['x-content-type-options'], 'nosniff');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    for (const fact of [caseNumber, complaintId, `Dear ${holderName},`, 'Tuesday, June 30, 2026', 'Friday, August 14, 2026', 'Jordan Lee', 'AGT-1042', 'American Express']) assert.ok(text.includes(fact), `the PDF prints "${fact}"`);

    const html = await get(notice!.htmlUrl, holder);
    assert.equal(html.statusCode, 200);
    assert.match(String(html.headers['content-type']), /^text\/html/);
    assert.equal(html.headers['x-content-type-options'], 'nosniff');
    assert.match(String(html.headers['content-security-policy']), /default-src 'none'.*sandbox/);
    for (const fact of [caseNumber, complaintId, 'Tuesday, June 30, 2026', 'Refund the late fee']) assert.ok(html.body.includes(fact), `the HTML shows "${fact}"`);

    assert.equal((await get(`/api/v1/notices/${notice!.id}`, holder)).json().kind, 'complaint_acknowledgment');
  });

  it('keeps another customer out (404) and audits staff reads', async () => {
    const [notice] = await notices(holder);
    for (const url of [`/api/v1/cases/${caseId}/notices`, `/api/v1/notices/${notice!.id}`, `/api/v1/notices/${notice!.id}/html`, notice!.pdfUrl]) {
      const res = await get(url, other);
      assert.equal(res.statusCode, 404, url);
      assert.equal(problem(res).code, 'not_found');
    }
    assert.equal((await get(`/api/v1/notices/${notice!.id}/html`, agent)).statusCode, 200);
    const audit = await t.database.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'notice.read' AND actor_role = 'agent' AND target_id = $1", [notice!.id]);
    assert.equal(audit.rows[0].n, 1);
  });

  it('sends no letter for a CFPB complaint: the portal acknowledges it', async () => {
    const compliance = await signIn(t, 'compliance@example.com');
    const { rows } = await t.database.pool.query("SELECT customer_id FROM users WHERE email = 'cardholder@example.com'");
    const recorded = await post('/api/v1/regulator-complaints', compliance, { portalComplaintId: '260615-000123', receivedOn: '2026-06-15', narrative: 'The bank ignored my fee question.', product: 'Credit card', customerId: rows[0].customer_id, caseIds: [] });
    assert.equal(recorded.statusCode, 201, recorded.body);
    const ack = await post(`/api/v1/complaints/${recorded.json().id}/acknowledge`, compliance, {});
    assert.equal(ack.statusCode, 200, ack.body);
    assert.equal(ack.json().status, 'acknowledged');
    assert.deepEqual((await get(`/api/v1/cases/${recorded.json().caseId}/notices`, compliance)).json().items, []);
  });

  it('serves the complaint form\u2019s choices to any signed-in user, not to anonymous visitors', async () => {
    const res = await get('/api/v1/complaints/options', holder);
    assert.equal(res.statusCode, 200);
    assert.ok(res.json().categories.some((c: { id: string }) => c.id === 'fees_interest'));
    assert.deepEqual(res.json().clocks, { acknowledgmentBusinessDays: 1, responseCalendarDays: 15, finalCalendarDays: 60 });
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/complaints/options' })).statusCode, 401);
  });

  it('stores the HTML letter encrypted, never as plain text', async () => {
    const { rows } = await t.database.pool.query('SELECT html FROM notices WHERE case_id = $1', [caseId]);
    assert.equal(rows.length, 1);
    assert.ok(!Buffer.from(rows[0].html).toString('latin1').includes(caseNumber));
  });

  it('refuses a response that asks for a PIN (422) and leaves no letter behind', async () => {
    const res = await post(`/api/v1/complaints/${complaintId}/respond`, agent, { response: 'To refund you, please reply with your card PIN.' });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(problem(res).code, 'outbound_sensitive_request');
    assert.equal((await notices(agent)).length, 1);
  });

  it('sends the response letter, with any card number masked, and closing then succeeds', async () => {
    t.clock.advance(60_000); // a minute later: the list is in issue order
    const res = await post(`/api/v1/complaints/${complaintId}/respond`, agent, { response: 'We refunded the $39.00 late fee to card 4111 1111 1111 1111.\n\nIt will appear on your next statement.' });
    assert.equal(res.statusCode, 200, res.body);
    const list = await notices(holder);
    assert.deepEqual(list.map((n) => n.kind), ['complaint_acknowledgment', 'complaint_response']);
    const response = list[1]!;
    const pdf = (await get(response.pdfUrl, holder)).rawPayload;
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    assert.ok(text.includes('We refunded the $39.00 late fee'));
    assert.ok(text.includes('It will appear on your next statement.'));
    assert.ok(!text.includes('4111 1111'), 'PCI DSS 3.4.1: the letter never shows the full card number');
    const html = (await get(response.htmlUrl, holder)).body;
    assert.ok(html.includes('We refunded the $39.00 late fee') && !html.includes('4111 1111'));

    const complaint = (await get(`/api/v1/complaints/${complaintId}`, holder)).json();
    assert.ok(complaint.timeline.some((e: { kind: string; messageId: string | null; data: { noticeId?: string } }) => e.kind === 'complaint_responded' && e.data.noticeId === response.id));
    const closed = await post(`/api/v1/complaints/${complaintId}/close`, agent, { rootCause: 'process_failure' });
    assert.equal(closed.statusCode, 200, closed.body);
  });
});
