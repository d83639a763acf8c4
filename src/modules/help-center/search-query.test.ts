import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadProfile } from '../directory/index.ts';
import { correctable, planSearch } from './search-query.ts';
import { buildSynonyms, expandWords, loadSynonyms, SynonymsError, wordsOf } from './synonyms.ts';

const profile = loadProfile('config/issuer-profile.json');
const synonyms = loadSynonyms(profile);

describe('search synonyms and query plan', () => {
  it('splits words the way the database does, without operators', () => {
    assert.deepEqual(wordsOf("Didn't my  points post?! (amex) & | !x:*"), ['didn', 't', 'my', 'points', 'post', 'amex', 'x']);
  });

  it('expands configured phrases, longest first', () => {
    const groups = expandWords(wordsOf('talk to a live person'), synonyms);
    assert.deepEqual(
      groups.map((g) => g.typed.join(' ')),
      ['talk', 'to', 'a', 'live person'],
    );
    const live = groups[3]!.alternatives.map((a) => a.join(' '));
    assert.ok(live.includes('agent') && live.includes('representative'), live.join(', '));
  });

  it('maps "amex" to every name of the issuer in the profile, and those names to each other', () => {
    const amex = expandWords(['amex'], synonyms)[0]!.alternatives.map((a) => a.join(' '));
    assert.ok(amex.includes('american express') && amex.includes('axp'), amex.join(', '));
    const other = structuredClone(profile);
    other.issuer = { ...other.issuer, name: 'Example Credit Union', alsoKnownAs: ['ECU'] };
    const own = buildSynonyms({ version: 1, expansions: { bank: ['$issuer'] } }, other);
    assert.deepEqual(expandWords(['ecu'], own)[0]!.alternatives, [['ecu'], ['example', 'credit', 'union']]);
    assert.deepEqual(expandWords(['bank'], own)[0]!.alternatives, [['bank'], ['example', 'credit', 'union'], ['ecu']]);
  });

  it('builds a tsquery of OR-ed groups without stop words, phrases with <->, the last word also as a prefix while typing', () => {
    const plan = planSearch('my points didnt pos', synonyms);
    assert.equal(plan.query, '(points | rewards | membership <-> rewards) | (didnt) | (pos)');
    assert.equal(plan.groups.length, 3);
    assert.equal(plan.prefix, 'pos:*');
    assert.equal(plan.groups.at(-1)!.simple, 'pos:*');
    assert.equal(planSearch('my points ', synonyms).prefix, '', 'a trailing space means the word is finished');
  });

  it('leaves nothing for to_tsquery when every word is a stop word, but keeps the typed text for titles', () => {
    const plan = planSearch('how do i ', synonyms);
    assert.equal(plan.query, '');
    assert.equal(plan.prefix, '');
    assert.deepEqual(plan.groups, []);
    assert.equal(plan.text, 'how do i');
    const typing = planSearch('how do i wri', synonyms);
    assert.equal(typing.query, '(wri)');
    assert.equal(typing.prefix, 'wri:*');
  });

  it('adds spelling corrections as alternatives, only for words without synonyms', () => {
    const groups = expandWords(wordsOf('dispoot a charge amex'), synonyms);
    assert.deepEqual(correctable(groups), ['dispoot', 'charge']);
    const plan = planSearch('dispoot a charge', synonyms, new Map([['dispoot', 'dispute']]));
    assert.equal(plan.query, '(dispoot | dispute) | (charge)');
  });

  it('refuses a broken synonyms file, naming the problem', () => {
    assert.throws(() => buildSynonyms({ version: 1, expansions: { x: [] } }, profile), SynonymsError);
    assert.throws(() => buildSynonyms({ version: 2, expansions: {} }, profile), /invalid/);
    assert.throws(() => loadSynonyms(profile, 'config/nope.json'), /Cannot read the help synonyms/);
  });
});
