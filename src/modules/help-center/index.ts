/**
 * Help center (DESIGN capability 10): articles in the database with versions, server-rendered pages with
 * structured data, full-text search with synonyms and typo tolerance, "Was this helpful?" feedback.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { helpApiRoutes } from './help.routes.ts';
import { helpPageRoutes } from './pages.routes.ts';
import { createLexicon, triageSuggester } from './search-help.ts';
import { createTriage } from '../triage/index.ts';
import { DEFAULT_SYNONYMS_PATH, loadSynonyms } from './synonyms.ts';
import './help.tables.ts';

export type { ArticleDraft } from './article-content.ts';
export { parseArticleFile, readArticleFile, readArticleFiles } from './article-file.ts';
export { HELP_EDITOR_ROLES } from './help.routes.ts';
export { ensureHelpArticles, insertHelpArticles, type SeedResult, seedHelpArticles } from './seed-articles.ts';
export { createLexicon, type Lexicon, searchHelp, type Suggester, triageSuggester } from './search-help.ts';
export { loadSynonyms, SynonymsError } from './synonyms.ts';

/**
 * The API (/api/v1/help/…) and the pages (/help, /help/:slug, /sitemap.xml, /robots.txt). Synonyms are read
 * once, at start, from config/help-synonyms.json (or CARDCARE_HELP_SYNONYMS); a broken file stops start-up.
 */
export const helpCenterRoutes: FastifyPluginAsync<AppDeps> = async (app, deps) => {
  const synonyms = loadSynonyms(deps.profile, process.env.CARDCARE_HELP_SYNONYMS || DEFAULT_SYNONYMS_PATH);
  const search = { synonyms, lexicon: createLexicon(deps.db), suggest: triageSuggester(deps.triage ?? createTriage()) };
  await app.register(helpApiRoutes, { ...deps, ...search });
  await app.register(helpPageRoutes, { ...deps, ...search });
};
