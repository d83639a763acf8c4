import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMixedScript, joined, latinize, scriptsOf, skeleton } from './skeleton.ts';

describe('skeleton: strings that look alike share one', () => {
  const same: Array<[string, string]> = [
    ['americanexpress', 'аmericanexpress'], // Cyrillic а
    ['americanexpress', 'americаnеxprеss'], // Cyrillic а, е
    ['paypal', 'раураl'], // Cyrillic р, а, у
    ['americanexpress', 'arnericanexpress'], // rn for m
    ['westbank', 'vvestbank'], // vv for w
    ['goodbank', 'g00dbank'], // zero for o
    ['citibank', 'c1t1bank'], // one for i
    ['global', 'g1oba1'], // one for l
    ['bold', 'bolcl'], // cl for d
    ['americanexpress', 'ａｍｅｒｉｃａｎｅｘｐｒｅｓｓ'], // full width
    ['americanexpress', 'américanexpress'], // accent
    ['amex', 'αmεx'], // Greek α, ε
    ['amex', 'AMEX'],
    ['amex', 'am\u200bex'], // zero-width space
  ];
  for (const [a, b] of same) it(`${a} ~ ${b}`, () => assert.equal(skeleton(a), skeleton(b)));

  it('keeps different names apart', () => {
    assert.notEqual(skeleton('americanexpress'), skeleton('americanairlines'));
    assert.notEqual(skeleton('amex'), skeleton('apex'));
  });
  it('joined drops separators', () => assert.equal(joined('american-express'), joined('americanexpress')));
});

describe('scripts', () => {
  it('names the scripts of a label', () => assert.deepEqual(scriptsOf('аmericanexpress').sort(), ['Cyrillic', 'Latin']));
  it('flags Latin mixed with Cyrillic or Greek', () => {
    assert.equal(isMixedScript('аmericanexpress'), true);
    assert.equal(isMixedScript('αmex'), true);
  });
  it('accepts one script, and Japanese or Korean mixes (TR39 §5.1)', () => {
    assert.equal(isMixedScript('americanexpress'), false);
    assert.equal(isMixedScript('пример'), false);
    assert.equal(isMixedScript('日本語ひらがなカタカナ'), false);
    assert.equal(isMixedScript('한국어漢字'), false);
  });
});

describe('latinize', () => {
  it('reads look-alike letters in running text as Latin', () => {
    assert.equal(latinize('Ꭺccount ѕuspended'), 'account suspended');
    assert.equal(latinize('Your a\u200bccount'), 'your account');
    assert.equal(latinize('ＵＲＧＥＮＴ: call now'), 'urgent: call now');
  });
});
