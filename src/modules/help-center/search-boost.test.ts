import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { createTriage } from '../triage/index.ts';
import { searchHelp, type Suggester, triageSuggester } from './search-help.ts';
import { loadSynonyms } from './synonyms.ts';

// Search uses the triage classifier (issue 7, item 5): articles its confident label suggests are lifted a little.
describe('help search lifts the articles the classifier suggests', () => {
  let t: TestApp;
  let synonyms: ReturnType<typeof loadSynonyms>;
  before(async () => {
    t = await buildTestApp();
    synonyms = loadSynonyms(t.profile, 'config/help-synonyms.json');
  });
  after(() => t.close());

  const slugs = async (q: string, suggest?: Suggester) => (await searchHelp({ db: t.database.db, synonyms, ...(suggest ? { suggest } : {}) }, q)).map((r) => r.slug);

  it('moves a suggested article up among articles that match about as well, and changes nothing else', async () => {
    const plain = await slugs('someone called me');
    const lifted = await slugs('someone called me', () => ['scams-and-phishing']);
    assert.ok(lifted.indexOf('scams-and-phishing') < plain.indexOf('scams-and-phishing'), `${plain} → ${lifted}`);
    assert.deepEqual([...lifted].sort(), [...plain].sort(), 'the same articles, only reordered');
  });

  it('never brings in an article that does not match the words', async () => {
    const plain = await slugs('annual fee');
    assert.deepEqual(await slugs('annual fee', () => ['rewards-points-not-posted']), plain);
  });

  it('does not overturn a clear text match', async () => {
    assert.equal((await slugs('is there an email address', () => ['contact-us']))[0], 'secure-message-center');
  });

  it('with the default model: "someone called me" reads as a scam report and lifts the scams article', async () => {
    const suggest = triageSuggester(createTriage());
    assert.deepEqual(suggest('someone called me').slice(0, 1), ['scams-and-phishing']);
    assert.deepEqual(suggest('Hello there'), [], 'no suggestion below the confidence threshold');
    const plain = await slugs('someone called me');
    assert.ok((await slugs('someone called me', suggest)).indexOf('scams-and-phishing') < plain.indexOf('scams-and-phishing'));
  });
});
