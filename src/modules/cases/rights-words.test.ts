import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectRightsInvoked, nextStepsFor } from './rights-words.ts';

describe('words that invoke dispute or complaint rights', () => {
  const table: Array<[string, 'supervisor' | 'complaint' | 'dispute' | null]> = [
    ['I dispute this', 'dispute'],
    ['I DISPUTE THIS CHARGE!!!', 'dispute'],
    ['I have disputed this twice already', 'dispute'],
    ['These are disputes about two charges', 'dispute'],
    ['I want a chargeback.', 'dispute'],
    ['This is a billing error', 'dispute'],
    ['I want to file a complaint', 'complaint'],
    ['I am filing a complaint with the C.F.P.B.', 'complaint'],
    ['cfpb', 'complaint'],
    ['I will go to the Consumer Financial Protection Bureau', 'complaint'],
    ['this is unacceptable', 'complaint'],
    ['This is UNACCEPTABLE...', 'complaint'],
    ['I want to speak to a supervisor', 'supervisor'],
    ['Let me talk to your supervisors, now', 'supervisor'],
    ['Please escalate this', 'supervisor'],
    ['This needs to be escalated', 'supervisor'],
    ['sp\u200beak to a super\u200bvisor', 'supervisor'], // zero-width characters folded
    ['\uff33\uff35\uff30\uff25\uff32\uff36\uff29\uff33\uff2f\uff32 please', 'supervisor'], // full-width letters (NFKC)
    ['I dispute this and want a supervisor', 'supervisor'], // the strongest kind wins
    ['Thanks, the card works now', null],
    ['What is my statement balance?', null],
    ['I have no issue with the service', null],
  ];
  for (const [text, kind] of table) {
    it(`${JSON.stringify(text)} → ${kind ?? 'nothing'}`, () => {
      const found = detectRightsInvoked(text);
      assert.equal(found?.kind ?? null, kind);
      if (found) assert.equal(found.escalate, kind !== 'dispute');
    });
  }

  it('lists every phrase it found, of every kind', () => {
    assert.deepEqual(detectRightsInvoked('I dispute this, it is unacceptable; get me a supervisor')?.matched, ['supervisor', 'unacceptable', 'dispute']);
  });

  it('tells the cardholder what happens next, with one-step ways to a person', () => {
    const steps = nextStepsFor(detectRightsInvoked('speak to a supervisor')!, 'AX-100001', true);
    assert.match(steps.message, /AX-100001 is now with a supervisor/);
    assert.ok(steps.actions.some((a) => a.href === '/callbacks/new'));
    const dispute = nextStepsFor(detectRightsInvoked('I dispute this')!, 'AX-100001', false);
    assert.equal(dispute.escalated, false);
    assert.match(dispute.message, /dispute/);
  });
});
