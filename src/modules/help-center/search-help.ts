import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { escapeHtml } from './markdown.ts';
import { correctable, planSearch, QUERY_MAX_CHARS, queryWords } from './search-query.ts';
import { findCorrections, MARK_END, MARK_START, searchArticles } from './search.repo.ts';
import { expandWords, type Synonyms } from './synonyms.ts';

export const DEFAULT_RESULTS = 10;
export const MAX_RESULTS = 20;

export type SearchResult = { slug: string; title: string; snippet: string };

/** The 400 for a query that is blank, too long, or has no letters or digits. */
export function checkQuery(q: string): string {
  const trimmed = q.trim();
  if (trimmed.length === 0 || trimmed.length > QUERY_MAX_CHARS) {
    throw new AppError('validation_failed', `q must be 1 to ${QUERY_MAX_CHARS} characters (got ${trimmed.length})`, {
      errors: [{ field: 'q', message: `must be 1 to ${QUERY_MAX_CHARS} characters` }],
    });
  }
  if (queryWords(trimmed).length === 0) {
    throw new AppError('validation_failed', 'q must contain at least one letter or digit', { errors: [{ field: 'q', message: 'must contain a letter or digit' }] });
  }
  return q.replace(/^\s+/, '');
}

/** A ts_headline snippet as HTML: everything escaped, then our own marks turned into <mark>. */
export function snippetHtml(raw: string): string {
  return escapeHtml(raw.replace(/\s+/g, ' ').trim())
    .replaceAll(MARK_START, '<mark>')
    .replaceAll(MARK_END, '</mark>');
}

/**
 * Full-text search with synonyms and spelling correction, ranked (see search.repo.ts). Two round trips: the
 * spelling lookup, then the ranked search with snippets.
 */
export async function searchHelp(deps: { db: Db; synonyms: Synonyms }, q: string, limit = DEFAULT_RESULTS): Promise<SearchResult[]> {
  const query = checkQuery(q);
  const groups = expandWords(queryWords(query), deps.synonyms);
  const corrections = await findCorrections(deps.db, correctable(groups));
  const plan = planSearch(query, deps.synonyms, corrections);
  const rows = await searchArticles(deps.db, plan, Math.min(Math.max(1, limit), MAX_RESULTS));
  return rows.map((r) => ({ slug: r.slug, title: r.title, snippet: snippetHtml(r.snippet) }));
}
