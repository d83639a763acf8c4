import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeSla, isAtRisk, type RiskThreshold, type SlaEvent, type SlaEventType, type SlaPolicy } from './index.ts';
import { NEW_YORK_FED } from './test-calendars.ts';

const policy: SlaPolicy = { id: 'standard', calendarId: 'test', targets: { firstResponse: 60 } };
const e = (type: SlaEventType, at: string): SlaEvent => ({ type, at: new Date(at) });
const opened = e('opened', '2026-11-24T14:00:00Z'); // Tue 09:00 EST; first response due 10:00 EST (15:00Z)

const firstResponseAt = (history: SlaEvent[], now: string) => computeSla(policy, NEW_YORK_FED, history, new Date(now)).firstResponse;

describe('isAtRisk', () => {
  // [why, history, now (clock computed at it), threshold, at risk?]
  const table: Array<[string, SlaEvent[], string, RiskThreshold | undefined, boolean]> = [
    ['47 of 60 minutes used (78 %) is below the default 80 %', [opened], '2026-11-24T14:47:00Z', undefined, false],
    ['48 of 60 used is exactly 80 %', [opened], '2026-11-24T14:48:00Z', undefined, true],
    ['at the due minute (0 left) it is at risk, not breached', [opened], '2026-11-24T15:00:00Z', undefined, true],
    ['warnMinutes 15: 16 left is fine', [opened], '2026-11-24T14:44:00Z', { warnMinutes: 15 }, false],
    ['warnMinutes 15: 15 left warns', [opened], '2026-11-24T14:45:00Z', { warnMinutes: 15 }, true],
    ['warnFraction 0.5: 30 used warns', [opened], '2026-11-24T14:30:00Z', { warnFraction: 0.5 }, true],
    ['breached is reported as a breach, not a risk', [opened], '2026-11-24T15:01:00Z', undefined, false],
    ['met is not at risk', [opened, e('agent_reply', '2026-11-24T14:50:00Z')], '2026-11-24T14:55:00Z', undefined, false],
    ['paused is not at risk (the clock does not move)', [opened, e('paused', '2026-11-24T14:50:00Z')], '2026-11-24T14:55:00Z', undefined, false],
    ['idle (not opened) is not at risk', [], '2026-11-24T14:55:00Z', undefined, false],
    // Working time, not wall time: opened Fri 20 Nov 16:30 EST, 30 used by Fri 17:00; Mon 09:18 EST is 48 used.
    ['Fri 16:30 → Fri 16:59: 29 of 60 used', [e('opened', '2026-11-20T21:30:00Z')], '2026-11-20T21:59:00Z', undefined, false],
    ['Fri 16:30 → Sat noon: still 30 of 60 used', [e('opened', '2026-11-20T21:30:00Z')], '2026-11-21T17:00:00Z', undefined, false],
    ['Fri 16:30 → Mon 09:18: 48 of 60 used', [e('opened', '2026-11-20T21:30:00Z')], '2026-11-23T14:18:00Z', undefined, true],
  ];
  for (const [why, history, now, threshold, expected] of table) {
    it(why, () => assert.equal(isAtRisk(firstResponseAt(history, now), new Date(now), threshold), expected));
  }

  it('refuses a meaningless threshold', () => {
    const clock = firstResponseAt([opened], '2026-11-24T14:10:00Z');
    assert.throws(() => isAtRisk(clock, new Date('2026-11-24T14:10:00Z'), { warnFraction: 1.5 }), RangeError);
    assert.throws(() => isAtRisk(clock, new Date('2026-11-24T14:10:00Z'), { warnMinutes: -5 }), RangeError);
  });

  it('a clock computed earlier whose due time has come counts as at risk', () => {
    const clock = firstResponseAt([opened], '2026-11-24T14:10:00Z'); // 50 left at 09:10
    assert.equal(isAtRisk(clock, new Date('2026-11-24T14:10:00Z')), false);
    assert.equal(isAtRisk(clock, new Date('2026-11-24T15:00:00Z')), true);
  });
});
