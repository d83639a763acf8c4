import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PhraseIndex } from './phrase-index.ts';
import { PLAIN_TEXT, stem, tokens } from './tokens.ts';

// tokens() skips Unicode folding for plain text and splits words by hand (issue 3); this is the pipeline it
// replaced, kept as the reference it must agree with. The stemmer is shared: it is not what changed.
function referenceTokens(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .split(' ')
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean)
    .map(stem);
}

const PIECES = [
  'Card', 'STOLEN', "don't", "'quoted'", "''", "cardholder's", 'charges', 'Locked', 'ÉTÉ', 'ﬁne', 'Ｃａｒｄ', '①', '٤٢',
  'İstanbul', 'straße', 'ǅ', 'σς', '中文', '😀', '𝐂𝐕𝐕', 'a\u200bb', 'x\u00ady', 'it’s', '‘hi’', 'ʼtis', '•••• 1111', '—', '–',
  '“ok”', '€5', '£3', '…', '\u0301', 'e\u0301', '\ud835', '\n', ' ', '!!', '-', '_', '12', 'T&E', 'c.f.p.b.',
];

describe('tokens', () => {
  it('splits exactly as the Unicode pipeline does, on random text', () => {
    let seed = 7;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let n = 0; n < 5_000; n++) {
      const parts: string[] = [];
      for (let k = Math.floor(next() * 8); k >= 0; k--) parts.push(PIECES[Math.floor(next() * PIECES.length)]!);
      const text = parts.join(next() < 0.5 ? ' ' : '');
      assert.deepEqual(tokens(text), referenceTokens(text), JSON.stringify(text));
    }
  });

  it('stems right past the stem table filling up and emptying', () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}ings`);
    assert.deepEqual(tokens(words.join(' ')), words.map((w) => w.slice(0, -1)));
    assert.deepEqual(tokens('Charges charging CHARGES'), ['charge', 'charg', 'charge']);
  });

  it('takes the plain-text path only for characters that folding leaves alone', () => {
    for (let code = 0; code < 0x3000; code++) {
      const ch = String.fromCharCode(code);
      if (!PLAIN_TEXT.test(ch)) continue;
      assert.equal(ch.normalize('NFKC'), ch, `U+${code.toString(16)}`);
      assert.match(ch.toLowerCase(), /^[^A-Z]$/s);
      assert.doesNotMatch(ch, /[\u2018\u2019\u02bc\u200b-\u200d\u2060\ufeff\u00ad]/);
    }
    assert.ok(PLAIN_TEXT.test('My card •••• 1111 — “twice”'));
    assert.ok(!PLAIN_TEXT.test('it’s'));
  });
});

describe('phrase index', () => {
  const naive = (words: string[], phrase: string[]) =>
    phrase.length > 0 && words.some((_, i) => phrase.every((w, j) => words[i + j] === w));

  it('finds the phrases that occur as consecutive words, as trying each one everywhere does', () => {
    const phrases = [['a'], ['a', 'b'], ['b', 'a', 'b'], [], ['c', 'c'], ['a', 'b'], ['d']];
    const index = new PhraseIndex(phrases);
    let seed = 3;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let n = 0; n < 2_000; n++) {
      const words = Array.from({ length: Math.floor(next() * 7) }, () => 'abc'[Math.floor(next() * 3)]!);
      assert.deepEqual([...index.find(words)], phrases.map((p) => (naive(words, p) ? 1 : 0)), words.join(' '));
    }
  });

  it('never finds a phrase of no words, and finds a phrase at the very end', () => {
    const index = new PhraseIndex([[], ['x', 'y']]);
    assert.deepEqual([...index.find(['w', 'x', 'y'])], [0, 1]);
    assert.deepEqual([...index.find(['w', 'x'])], [0, 0]);
  });
});
