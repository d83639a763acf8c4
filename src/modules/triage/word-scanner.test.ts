import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from './rng.ts';
import { normalizeWords, normalizeWordsGeneral } from './text-features.ts';
import { scanSimpleTokens } from './word-scanner.ts';

// Pieces that meet each rule of the general path: numbers with separators, apostrophes of every kind,
// contractions, currency, case, the characters the scanner accepts beyond ASCII, and some it must refuse.
const PIECES = [
  'a', 'B', 'card', 'CARD', 'Charged', "'", "''", '`', '‘', '’', "can't", 'dont', "it's", "I'M", "won’t", "card's", "rock'n'roll's",
  '0', '7', '12', '1.5', '1,234.56', '1..2', '3.', '.4', ',', '.', '$', '$5', '£', '€', '¥', '₹', '-', '_', '&', '#', '@', '!', '?',
  ' ', ' ', ' ', '  ', '\t', '\n', '\r', '\u0000', '\u007f', '~', '"', '(', ')', '[', '/', '\\', ':', ';', '+', '=', '%', '^', '*', '|',
  '•', '••••', '–', '—', '…', '“', '”', '\u00a0', 'é', 'É', 'Ñ', 'ß', 'ÿ', 'Þ', '×', '÷', 'ª', 'µ', '²', '¼', '¨', 'Ÿ', 'e\u0301', 'Ｃ', 'ﬁ', '①', '٣', '\u200b', '\u00ad', 'İ', 'ß', '🙂', '´', 'ʼ', '·',
];

// Half the texts only from pieces the scanner takes, so that it runs on many long texts, not only short ones.
const SCANNED = PIECES.filter((p) => scanSimpleTokens(p, []) >= 0);

function randomText(rng: ReturnType<typeof createRng>, pieces: readonly string[]): string {
  let text = '';
  for (let k = rng.int(30); k >= 0; k--) text += pieces[rng.int(pieces.length)]!;
  return text;
}

describe('the fast word scanner', () => {
  it('agrees with the general normalization on 20,000 random texts', () => {
    const rng = createRng(7);
    let fast = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = randomText(rng, i % 2 === 0 ? SCANNED : PIECES);
      if (scanSimpleTokens(text, []) >= 0) fast++;
      assert.deepEqual(normalizeWords(text), normalizeWordsGeneral(text), JSON.stringify(text));
    }
    assert.ok(fast > 11_000, `the fast path ran on ${fast} texts`); // the comparison exercised the scanner
  });

  it('splits numbers, currency and words like the general path', () => {
    const table: [string, string[]][] = [
      ['Charged $1,234.56 on 3/4', ['Charged', '$', '0', 'on', '0', '0'].map((t) => t.toLowerCase())],
      ['1..2 x1y', ['0', '0', 'x', '0', 'y']],
      ["It’s my card`s", ["it's", 'my', "card's"]],
      ['card •••• 1111—help…', ['card', '0', 'help']],
      ['CAFÉ×2 Ñandú', ['café', '0', 'ñandú']],
      ['£5 or €10,50 or ¥7₹', ['£', '0', 'or', '€', '0', 'or', '¥', '0', '₹']],
    ];
    for (const [text, expected] of table) {
      const out: string[] = [];
      const n = scanSimpleTokens(text, out);
      assert.deepEqual(out.slice(0, n), expected, text);
    }
  });

  it('gives up on characters it does not handle', () => {
    for (const text of ['e\u0301', 'ª', 'µ', '²', '¼', 'Ÿ', 'ﬁle', '٣', 'a\u200bb', 'İ', '₤', '🙂']) assert.equal(scanSimpleTokens(text, []), -1, text);
  });

  it('expands contractions without tripping over inherited object keys', () => {
    assert.deepEqual(normalizeWords('the constructor of my toString'), ['the', 'constructor', 'of', 'my', 'tostring']);
  });
});
