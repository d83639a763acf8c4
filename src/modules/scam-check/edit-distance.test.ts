import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editDistance, substringDistance } from './edit-distance.ts';

describe('editDistance (optimal string alignment)', () => {
  const rows: Array<[string, string, number]> = [
    ['americanexpress', 'americanexpress', 0],
    ['americanexpress', 'americanexpresss', 1], // insertion
    ['americanexpress', 'amercanexpress', 1], // deletion
    ['americanexpress', 'americanexpreso', 1], // substitution
    ['americanexpress', 'amreicanexpress', 1], // neighbours swapped
    ['18005284800', '18005824800', 1],
    ['americanexpress', 'amercanexpres', 2],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['ca', 'abc', 3], // OSA, not unrestricted Damerau-Levenshtein (which gives 2)
  ];
  for (const [a, b, d] of rows) it(`${a || '""'} ↔ ${b || '""'} = ${d}`, () => assert.equal(editDistance(a, b), d));

  it('stops early past the limit and says so with max + 1', () => {
    assert.equal(editDistance('americanexpress', 'zzzzzzzzzzzzzzz', 2), 3);
    assert.equal(editDistance('short', 'a much longer string', 2), 3);
  });
});

describe('substringDistance (approximate substring)', () => {
  it('finds the name inside a longer label', () => {
    assert.equal(substringDistance('americanexpress', 'secure-americanexpress-login'), 0);
    assert.equal(substringDistance('americanexpress', 'secureamericanexpreslogin'), 1);
    assert.equal(substringDistance('americanexpress', 'secureamreicanexpresslogin'), 1);
  });
  it('does not find what is not there', () => {
    assert.ok(substringDistance('americanexpress', 'americanairlines', 2) > 2);
  });
});
