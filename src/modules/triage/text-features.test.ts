import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSpeller, withinOneEdit } from './speller.ts';
import { normalizeWords, stem } from './text-features.ts';
import { stratifiedFolds, score } from './metrics.ts';

describe('text normalization', () => {
  it('lower-cases, expands contractions (with or without the apostrophe), folds numbers, keeps currency signs', () => {
    assert.deepEqual(normalizeWords("I can't see the £25.50 refund, it's been 3 days & I DONT know why"), [
      'i', 'can', 'not', 'see', 'the', '£', '0', 'refund', 'it', 'is', 'been', '0', 'days', 'i', 'do', 'not', 'know', 'why',
    ]);
    assert.deepEqual(normalizeWords('Where’s my card?!'), ['where', 'is', 'my', 'card']);
    assert.deepEqual(normalizeWords("the card's PIN"), ['the', 'card', 'pin']);
  });

  it('stems lightly', () => {
    assert.deepEqual(['charges', 'charged', 'charging', 'policies', 'address', 'status', 'card'].map(stem), ['charge', 'charg', 'charg', 'policy', 'address', 'status', 'card']);
  });
});

describe('spelling normalization', () => {
  const speller = createSpeller(['received', 'receive', 'transfer', 'card', 'account', 'rare'], [12, 5, 30, 50, 40, 1]);
  it('maps an unknown word to the most frequent known word one edit away', () => {
    assert.equal(speller.correct('recieved'), 'received'); // swapped letters
    assert.equal(speller.correct('transfr'), 'transfer'); // missing letter
    assert.equal(speller.correct('accounnt'), 'account'); // extra letter
    assert.equal(speller.correct('trensfer'), 'transfer'); // wrong letter
  });
  it('leaves known, short, numeric and far-away words alone; words seen once are not "known"', () => {
    for (const w of ['transfer', 'crd', 'abc1', 'completely', 'rares']) assert.equal(speller.correct(w), w);
  });
  it('measures one edit', () => {
    const table: [string, string, boolean][] = [['card', 'card', true], ['card', 'cards', true], ['card', 'crad', true], ['card', 'cord', true], ['card', 'cd', false], ['card', 'drac', false]];
    for (const [a, b, expected] of table) assert.equal(withinOneEdit(a, b), expected, `${a} ~ ${b}`);
  });
});

describe('metrics', () => {
  it('stratified folds keep each label in every fold in proportion', () => {
    const labels = Int32Array.from([...Array(50).fill(0), ...Array(10).fill(1), ...Array(5).fill(2)]);
    const fold = stratifiedFolds(labels, 5, 1);
    for (let f = 0; f < 5; f++) {
      const members = [...labels].filter((_, i) => fold[i] === f);
      assert.equal(members.filter((l) => l === 0).length, 10);
      assert.equal(members.filter((l) => l === 1).length, 2);
      assert.equal(members.filter((l) => l === 2).length, 1);
    }
    assert.deepEqual(stratifiedFolds(labels, 5, 1), fold, 'seeded');
  });
  it('computes accuracy, macro-F1 and balanced accuracy', () => {
    const s = score([0, 0, 0, 1], [0, 0, 1, 1], 2);
    assert.equal(s.accuracy, 0.75);
    assert.equal(s.balancedAccuracy, (2 / 3 + 1) / 2);
    assert.ok(Math.abs(s.macroF1 - (0.8 + 2 / 3) / 2) < 1e-12);
  });
});
