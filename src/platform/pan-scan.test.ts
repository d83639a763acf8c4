import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPans, luhnValid, type PanMatch } from './pan.ts';

// findPans scans for digit runs by hand (issue 3); this is the regular-expression version it replaced,
// kept as the reference it must agree with on every input.
const RUN = /(?<![\p{Nd}])\p{Nd}+(?:[ \t\u00a0.\-\u2010-\u2015]\p{Nd}+)*(?![\p{Nd}])/gu;
const GROUP = /\p{Nd}+/gu;

function referenceFindPans(text: string): PanMatch[] {
  const toAscii = (s: string) =>
    s.replace(/\p{Nd}/gu, (d) => {
      const code = d.codePointAt(0) ?? 48;
      if (code >= 48 && code <= 57) return d;
      const value = Number.parseInt(d.normalize('NFKC'), 10);
      return Number.isNaN(value) ? d : String(value);
    });
  const found: PanMatch[] = [];
  for (const run of text.matchAll(RUN)) {
    const groups = [...run[0].matchAll(GROUP)].map((g) => ({ start: run.index + g.index, end: run.index + g.index + g[0].length, digits: toAscii(g[0]) }));
    let i = 0;
    while (i < groups.length) {
      let matched = -1;
      let digits = '';
      for (let j = i; j < groups.length; j++) {
        digits += groups[j]!.digits;
        if (digits.length > 19) break;
        if (digits.length >= 13 && luhnValid(digits)) matched = j;
      }
      if (matched >= 0) {
        found.push({ start: groups[i]!.start, end: groups[matched]!.end, last4: groups.slice(i, matched + 1).map((g) => g.digits).join('').slice(-4) });
        i = matched + 1;
      } else {
        i++;
      }
    }
  }
  return found;
}

// Characters that matter to the scan: ASCII and other scripts' digits (one and two UTF-16 units), digits
// without a decimal value to NFKC (Osmanya), separators of a run and characters that are not, lone halves of
// surrogate pairs, letters and an emoji.
const ALPHABET = [
  ...'0123456789012345678901234567890123456789',
  '٤', '४', '４', '𝟒', '𝟿', '𐒠', '𐒩', ' ', '\t', '\u00a0', '.', '-', '\u2010', '\u2015', '\u2212', '_', '/', ',', '\n',
  'a', 'x', '\ud835', '\udfd2', '😀',
];

function randomText(next: () => number): string {
  let text = '';
  const length = 1 + Math.floor(next() * 60);
  for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return text;
}

describe('PAN scan by hand', () => {
  it('finds exactly what the regular-expression scan finds, on random text', () => {
    let seed = 42;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    let withPan = 0;
    for (let n = 0; n < 20_000; n++) {
      const text = randomText(next);
      const expected = referenceFindPans(text);
      if (expected.length > 0) withPan++;
      assert.deepEqual(findPans(text), expected, JSON.stringify(text));
    }
    assert.ok(withPan > 100, `only ${withPan} texts held a PAN: the test would prove little`);
  });

  const table: Array<[string, string]> = [
    ['4111111111111111', '[{"start":0,"end":16,"last4":"1111"}]'],
    ['x4111 1111 1111 1111x', '[{"start":1,"end":20,"last4":"1111"}]'],
    ['𝟒111111111111111', '[{"start":0,"end":17,"last4":"1111"}]'], // an astral digit is two units
    ['4111111111111111\u2212', '[{"start":0,"end":16,"last4":"1111"}]'], // a minus sign ends the run
    ['411111111111 1111', '[{"start":0,"end":17,"last4":"1111"}]'], // groups of 12 + 4 digits
    ['411111111111 1112', '[]'], // not Luhn-valid
    ['12 34 56', '[]'],
    ['\ud8354111111111111111', '[{"start":1,"end":17,"last4":"1111"}]'], // a lone high surrogate before
  ];
  for (const [text, expected] of table) {
    it(`scans ${JSON.stringify(text)}`, () => {
      assert.equal(JSON.stringify(findPans(text)), expected);
      assert.deepEqual(findPans(text), referenceFindPans(text));
    });
  }
});
