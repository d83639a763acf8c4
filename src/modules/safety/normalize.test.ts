import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fold, originalRange } from './normalize.ts';

describe('folding text for matching', () => {
  const table: Array<[string, string, string]> = [
    ['lower case', 'CVV Pin', 'cvv pin'],
    ['full-width letters and digits', 'ＣＶＶ １２３', 'cvv 123'],
    ['zero-width and soft hyphen removed', 'c\u200bv\u00adv\u2060', 'cvv'],
    ['other scripts\' digits', '٤٨٢١ ४८२१ 𝟒𝟖𝟐𝟏', '4821 4821 4821'],
    ['look-alike letters', 'СVV ΡΙΝ оtр', 'cvv pin otp'],
    ['accents removed', 'cvv̈ pín', 'cvv pin'],
    ['spaces, dashes and quotes', 'a\u00a0b\u2013c\u2019d', "a b-c'd"],
    ['line breaks', 'a\r\nb\rc\u2028d', 'a\nb\nc\nd'],
    ['separator runs between digits', '4111 - 1111__2222•3333', '4111 1111 2222 3333'],
    ['separators elsewhere kept', 'a - b __ c', 'a - b __ c'],
    ['odd separators between digit groups', '4111/1111|2222,3333 11/26/2026 1,234', '4111 1111 2222 3333 11/26/2026 1,234'],
    ['spelled-out digits, three or more', 'pin four-eight two, one; one time', 'pin 4 8 2 1; one time'],
  ];
  for (const [name, input, expected] of table) {
    it(`folds ${name}`, () => assert.equal(fold(input).text, expected));
  }

  it('maps folded ranges back to the original text', () => {
    const input = 'pin: ４\u200b８２１ ok';
    const folded = fold(input);
    const at = folded.text.indexOf('4821');
    const [start, end] = originalRange(folded, at, at + 4);
    assert.equal(input.slice(start, end), '４\u200b８２１');
  });

  it('keeps ASCII text one unit for one unit, without building a map', () => {
    const folded = fold('Card\tNo `x`\r4111');
    assert.equal(folded.text, "card no 'x'\n4111");
    assert.equal(folded.start, null);
    assert.deepEqual(originalRange(folded, 8, 13), [8, 13]);
  });

  it('maps through a dropped "\\r" of "\\r\\n" and through separator runs', () => {
    const input = 'A\r\nB 4111 - 1111';
    const folded = fold(input);
    assert.equal(folded.text, 'a\nb 4111 1111');
    assert.deepEqual(originalRange(folded, 1, 2), [2, 3]);
    assert.deepEqual(originalRange(folded, 8, 9), [9, 12]); // the one space stands for " - "
    assert.equal(input.slice(...originalRange(folded, 9, 13)), '1111');
  });

  it('maps characters that fold to several units or to none', () => {
    const input = 'ﬁ\u200b½ é';
    const folded = fold(input);
    assert.equal(folded.text, 'fi1⁄2 e');
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((i) => originalRange(folded, i, i + 1)), [[0, 1], [0, 1], [2, 3], [2, 3], [2, 3], [3, 4], [4, 5]]);
  });

  it('maps astral characters by their whole UTF-16 pair', () => {
    const input = 'x𝟒y';
    const folded = fold(input);
    assert.equal(folded.text, 'x4y');
    assert.deepEqual(originalRange(folded, 1, 2), [1, 3]);
  });
});
