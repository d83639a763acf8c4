import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTestDatabase, TEST_AS_OF } from '../../../test/helpers.ts';
import { loadProfile } from '../directory/index.ts';
import type { Database } from '../../platform/db.ts';
import { readArticleFiles } from './article-file.ts';
import { ensureHelpArticles, seedHelpArticles } from './seed-articles.ts';

describe('starter articles in the database', () => {
  let database: Database;
  let drop: () => Promise<void>;
  const profile = loadProfile('config/issuer-profile.json');
  before(async () => {
    ({ database, drop } = await openTestDatabase());
  });
  after(async () => {
    await database.close();
    await drop();
  });

  it('are in the demo database, each with version 1 in its history', async () => {
    const rows = await database.db.selectFrom('help_articles').select(['slug', 'version', 'status']).execute();
    const slugs = readArticleFiles().map((a) => a.slug);
    for (const slug of slugs) assert.ok(rows.some((r) => r.slug === slug && r.status === 'published'), slug);
    const versions = await database.db.selectFrom('help_article_versions').select(['slug', 'version']).where('slug', 'in', slugs).execute();
    assert.equal(versions.length, slugs.length);
    assert.ok(versions.every((v) => v.version === 1));
  });

  it('are not seeded again over existing articles, whatever editors changed', async () => {
    await database.db.updateTable('help_articles').set({ title: 'Edited by staff' }).where('slug', '=', 'contact-us').execute();
    assert.deepEqual(await ensureHelpArticles(database.db, { profile, now: TEST_AS_OF }), { created: 0, skipped: [] });
    const again = await seedHelpArticles(database.db, { profile, now: TEST_AS_OF });
    assert.equal(again.created, 0);
    const contact = await database.db.selectFrom('help_articles').select('title').where('slug', '=', 'contact-us').executeTakeFirstOrThrow();
    assert.equal(contact.title, 'Edited by staff');
  });

  it('are seeded on the first start of an empty help center, skipping what this issuer\u2019s profile cannot fill', async () => {
    await database.db.deleteFrom('help_article_feedback').execute();
    await database.db.deleteFrom('help_article_versions').execute();
    await database.db.deleteFrom('help_articles').execute();
    const noPlatinum = structuredClone(profile);
    noPlatinum.productLines = noPlatinum.productLines.filter((l) => l.id !== 'platinum');
    const result = await ensureHelpArticles(database.db, { profile: noPlatinum, now: TEST_AS_OF });
    assert.equal(result.created, readArticleFiles().length - 1);
    assert.deepEqual(
      result.skipped.map((s) => s.slug),
      ['annual-fee-refund'],
    );
    assert.match(result.skipped[0]!.reason, /\{\{phone:platinum\}\}/);
  });
});
