import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slaEventsFrom } from './case-sla.ts';
import type { SlaEvent } from './sla/index.ts';

const at = (hhmm: string, day = 15) => new Date(`2026-06-${day}T${hhmm}:00Z`);
type E = { kind: string; at: Date; data: Record<string, unknown> };
const opened = (t: Date): E => ({ kind: 'opened', at: t, data: {} });
const msg = (t: Date, authorRole: string): E => ({ kind: 'message', at: t, data: { authorRole } });
const state = (t: Date, from: string, to: string): E => ({ kind: 'state_changed', at: t, data: { from, to } });
const escalated = (t: Date): E => ({ kind: 'escalated', at: t, data: { to: 'supervisor', reason: 'x' } });
const types = (events: SlaEvent[]) => events.map((e) => `${e.type}@${e.at.toISOString().slice(8, 16)}`);

describe('supervisor SLA history: the clocks start at the escalation', () => {
  const table: Array<[string, E[], string[]]> = [
    ['never escalated: the whole timeline', [opened(at('09:00')), msg(at('09:00'), 'cardholder'), msg(at('10:00'), 'agent')], ['opened@15T09:00', 'customer_message@15T09:00', 'agent_reply@15T10:00']],
    [
      'escalated after an agent reply: that reply does not count as the supervisor\u2019s first response',
      [opened(at('09:00')), msg(at('09:00'), 'cardholder'), msg(at('10:00'), 'agent'), escalated(at('09:00', 17))],
      ['opened@17T09:00'],
    ],
    [
      'escalated days later, then answered by the supervisor',
      [opened(at('09:00')), msg(at('09:00'), 'cardholder'), escalated(at('09:00', 18)), msg(at('10:30', 18), 'supervisor')],
      ['opened@18T09:00', 'agent_reply@18T10:30'],
    ],
    [
      'escalated while waiting for the cardholder: paused until the case leaves that state',
      [opened(at('09:00')), msg(at('10:00'), 'agent'), state(at('10:00'), 'open', 'pending_customer'), escalated(at('11:00')), state(at('12:00'), 'pending_customer', 'open')],
      ['opened@15T11:00', 'paused@15T11:00', 'resumed@15T12:00'],
    ],
    [
      'a resolved case is reopened before it is escalated: running, not paused',
      [opened(at('09:00')), state(at('10:00'), 'open', 'resolved'), state(at('11:00'), 'resolved', 'open'), escalated(at('11:00'))],
      ['opened@15T11:00'],
    ],
    ['an escalated event to anything else is not a restart', [opened(at('09:00')), { kind: 'escalated', at: at('10:00'), data: { to: 'legal' } }], ['opened@15T09:00']],
  ];
  for (const [name, events, expected] of table) {
    it(name, () => assert.deepEqual(types(slaEventsFrom(events)), expected));
  }
});
