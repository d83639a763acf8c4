import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { loadProfile } from '../directory/index.ts';
import { AppError } from '../../platform/errors.ts';
import { prepareArticle } from './article-content.ts';
import { parseArticleFile, readArticleFiles } from './article-file.ts';

const profile = loadProfile('config/issuer-profile.json');
const articles = readArticleFiles();

// The seed document's topics (DESIGN capability 10) and the article that answers each.
const TOPICS: Record<string, string> = {
  'contacting us and hours': 'contact-us',
  'talking to a live person': 'talk-to-a-live-person',
  'the Secure Message Center': 'secure-message-center',
  'fraud alerts and declined cards': 'fraud-alerts-and-declined-cards',
  disputes: 'dispute-a-charge',
  "refunds that don't show": 'refund-not-showing',
  "rewards that don't post": 'rewards-points-not-posted',
  'annual fees and refunds': 'annual-fee-refund',
  'account holds and documents': 'account-on-hold',
  'escalation and complaints': 'escalation-and-complaints',
  'scams and what we never ask for': 'scams-and-phishing',
  'tips for faster help': 'get-help-faster',
};

describe('starter articles', () => {
  it('cover every topic of the seed document', () => {
    const slugs = new Set(articles.map((a) => a.slug));
    for (const [topic, slug] of Object.entries(TOPICS)) assert.ok(slugs.has(slug), `no article for ${topic} (${slug})`);
  });

  it('are valid against the issuer profile, each with a summary that fits a meta description and an FAQ', () => {
    for (const draft of articles) {
      const article = prepareArticle(draft, profile);
      assert.ok(article.summary.length <= 200, `${draft.slug}: summary is ${article.summary.length} characters`);
      assert.ok(article.faq.length >= 3, `${draft.slug}: ${article.faq.length} FAQ pairs`);
      assert.equal(article.status, 'published');
      assert.ok(!/\{\{/.test(article.bodyText), `${draft.slug}: every token filled`);
      assert.ok(!/\{\{/.test(article.title + article.summary), `${draft.slug}: title and summary are plain text`);
    }
  });

  it('write no phone number into article text: hotlines come from the profile', () => {
    for (const file of ['01-contact-us.md', '02-talk-to-a-person.md', '07-rewards-not-posted.md']) {
      const text = readFileSync(new URL(`./articles/${file}`, import.meta.url), 'utf8');
      assert.doesNotMatch(text, /\d{3}-\d{3}-\d{4}/, file);
    }
    const contact = prepareArticle(articles.find((a) => a.slug === 'contact-us')!, profile);
    for (const line of profile.productLines) assert.ok(contact.bodyText.includes(line.hotline.display), `${line.id} on the contact page`);
  });

  it('say what we never ask for, and link the regulator from the profile', () => {
    const scams = prepareArticle(articles.find((a) => a.slug === 'scams-and-phishing')!, profile).bodyText;
    for (const word of ['CVV', 'PIN', 'one-time code', 'full card number']) assert.ok(scams.includes(word), word);
    const escalation = prepareArticle(articles.find((a) => a.slug === 'escalation-and-complaints')!, profile).bodyText;
    assert.ok(escalation.includes(profile.regulator.complaintUrl));
  });

  it('refuses a token the profile cannot fill and an unknown product line, naming them', () => {
    const draft = { ...articles[0]!, body: 'Call {{phone:yachts}} or {{hotline}}.' };
    assert.throws(() => prepareArticle(draft, profile), (error: AppError) => {
      assert.equal(error.code, 'validation_failed');
      assert.match(error.message, /\{\{phone:yachts\}\}, \{\{hotline\}\}/);
      return true;
    });
    assert.throws(() => prepareArticle({ ...articles[0]!, productLine: 'yachts' }, profile), /productLine is not a product line/);
    assert.throws(() => prepareArticle({ ...articles[0]!, body: 'See {{hotlines}} inline' }, profile), /\{\{hotlines\}\}/);
  });

  it('names what is wrong in an article file', () => {
    assert.throws(() => parseArticleFile('no front matter', 'x.md'), /x\.md: no front matter/);
    assert.throws(() => parseArticleFile('---\nslug: a\ntitle: T\n---\nbody', 'y.md'), /y\.md: front matter needs "summary"/);
    assert.throws(() => parseArticleFile('---\nslug: a\ntitle: T\nsummary: S\n---\nbody\n## FAQ\n### Q?\n', 'z.md'), /z\.md: the FAQ question "Q\?" has no answer/);
    const parsed = parseArticleFile('---\nslug: a\ntitle: T\nsummary: S\n---\nBody.\n\n## FAQ\n### Why?\nBecause\nit is.\n### How?\nLike this.');
    assert.equal(parsed.body, 'Body.');
    assert.deepEqual(parsed.faq, [
      { q: 'Why?', a: 'Because it is.' },
      { q: 'How?', a: 'Like this.' },
    ]);
  });
});
