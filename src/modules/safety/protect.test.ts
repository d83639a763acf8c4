import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inboundCorpus } from './inbound-corpus.fixtures.ts';
import { fold } from './normalize.ts';
import { PROTECTED_PATTERNS, protectedRanges } from './protect.ts';

// protectedRanges skips a pattern when the text holds none of the strings it "needs" (issue 3). That is only
// right if every match of the pattern holds one of them: checked here match by match, on the corpus.
const texts = [
  ...inboundCorpus().map((t) => fold(t).text),
  'last 4 1234', 'ending in 1234', 'xxxx-1234', '2026-11-26', '26.11.26', '11/26/2026', '12 / 27', 'nov 26', '26th of november',
  '10:30', '9am', '9 p.m.', '$1,234.56', '€5', '1234.56 usd', '5 euros', '1,234', '12.50', '15 %', '555-0199', '79998-1535', ', tx 79998',
];

describe('protected ranges', () => {
  it('every match of a pattern holds one of the strings it needs', () => {
    let checked = 0;
    for (const { re, needs } of PROTECTED_PATTERNS) {
      if (!needs) continue;
      for (const text of texts) {
        for (const m of text.matchAll(re)) {
          checked++;
          assert.ok(needs.some((n) => m[0].includes(n)), `${re.source} matched ${JSON.stringify(m[0])} without any of ${needs.join(' ')}`);
        }
      }
    }
    assert.ok(checked > 1000, `only ${checked} matches checked`);
  });

  it('gives the ranges of running every pattern', () => {
    for (const text of texts) {
      const all = PROTECTED_PATTERNS.flatMap(({ re }) => [...text.matchAll(re)].map((m): [number, number] => [m.index, m.index + m[0].length]));
      assert.deepEqual(protectedRanges(text), all, text);
    }
  });
});
