import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toE164 } from './callback-page.tsx';

describe('phone numbers as typed → E.164', () => {
  const table: Array<[string, string]> = [
    ['(212) 555-0123', '+12125550123'],
    ['212.555.0123', '+12125550123'],
    ['1 212 555 0123', '+12125550123'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+1 (212) 555-0123', '+12125550123'],
    ['555-0123', '5550123'], // too short: left for the form to refuse
    ['', ''],
  ];
  for (const [typed, e164] of table) it(`"${typed}" → "${e164}"`, () => assert.equal(toE164(typed), e164));
});
