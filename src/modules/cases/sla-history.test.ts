import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { useTestDatabase } from '../../../test/helpers.ts';
import { slaEventsFrom } from './case-sla.ts';
import { insertCase, insertEvents, listEvents, slaHistory } from './cases.repo.ts';

describe('SLA history (the lean read a reply re-plans from)', () => {
  const testDb = useTestDatabase();

  it('gives slaEventsFrom exactly what the whole timeline gives it, and leaves other entries out', async () => {
    const customer = await sql<{ id: string }>`SELECT id FROM customers ORDER BY id LIMIT 1`.execute(testDb.database.db);
    const caseId = 'case_slahistory0001';
    const t = (minutes: number) => new Date(Date.UTC(2026, 5, 15, 9, minutes));
    await insertCase(testDb.database.db, {
      id: caseId, number: 'AX-990001', customer_id: customer.rows[0]!.id, account_id: null, transaction_id: null, subject: 'S', type: 'general',
      status: 'open', priority: 'normal', product_line: 'consumer_cards', queue: 'consumer_cards:general', channel: 'secure_message', sla_policy: 'normal',
      first_response_due_at: null, next_response_due_at: null, resolution_due_at: null, created_at: t(0), updated_at: t(0),
    });
    const who = { actor_id: null, actor_role: 'system', actor_name: 'System', visible_to_cardholder: true, message_id: null };
    const timeline: Array<[string, Record<string, unknown>]> = [
      ['opened', { number: 'AX-990001', priority: 'normal', queue: 'q', matched: ['urgent'], triage: { label: 'x', confidence: 0.9 } }],
      ['message', { authorRole: 'cardholder', attachments: 1, redactions: ['card_number'] }],
      ['assigned', { assigneeId: 'usr_x', to: 'someone' }], // a `to` on another kind must not count
      ['message', { authorRole: 'agent', attachments: 0, redactions: [] }],
      ['note', { authorRole: 'agent' }],
      ['state_changed', { from: 'open', to: 'pending_customer' }],
      ['message', { authorRole: 'cardholder' }],
      ['state_changed', { from: 'pending_customer', to: 'open', reason: 'cardholder replied' }],
      ['state_changed', { from: 'open', to: 'resolved' }],
      ['state_changed', { from: 'resolved', to: 'open' }],
      ['escalated', { to: 'legal' }],
      ['sla_warning', { track: 'firstResponse' }],
      ['escalated', { to: 'supervisor', reason: 'asked' }],
      ['message', { authorRole: 'supervisor' }],
    ];
    await insertEvents(testDb.database.db, timeline.map(([kind, data], i) => ({ case_id: caseId, at: t(i + 1), kind, data, ...who })));
    const lean = await slaHistory(testDb.database.db, caseId);
    const full = await listEvents(testDb.database.db, caseId, false);
    assert.deepEqual(slaEventsFrom(lean), slaEventsFrom(full));
    assert.deepEqual(slaEventsFrom(full).map((e) => e.type), ['opened', 'agent_reply']); // the supervisor escalation restarts the clocks
    assert.deepEqual(lean.map((e) => e.kind), full.map((e) => e.kind).filter((k) => ['opened', 'message', 'state_changed', 'escalated'].includes(k)));
  });
});
