import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { escapeHtml } from './markdown.ts';
import { correctable, planSearch, QUERY_MAX_CHARS, queryWords } from './search-query.ts';
import { findCorrections, lexiconWords, MARK_END, MARK_START, searchArticles } from './search.repo.ts';
import { expandWords, type Synonyms } from './synonyms.ts';
import { type Triage, TriageError } from '../triage/index.ts';

export const DEFAULT_RESULTS = 10;
export const MAX_RESULTS = 20;

export type SearchResult = { slug: string; title: string; snippet: string };

const LEXICON_MAX_AGE_MS = 60_000;

/**
 * The words articles use, kept in memory for a minute: a query whose words are all known needs no spelling
 * lookup, which saves a round trip on most searches. A stale copy only costs that round trip (a word added
 * since is looked up and found), never a wrong answer.
 */
export type Lexicon = { unknown(words: string[]): Promise<string[]> };

export function createLexicon(db: Db, maxAgeMs = LEXICON_MAX_AGE_MS): Lexicon {
  let words: Set<string> | null = null;
  let loadedAt = 0;
  let loading: Promise<Set<string>> | null = null;
  const current = async () => {
    if (words && performance.now() - loadedAt < maxAgeMs) return words;
    loading ??= lexiconWords(db)
      .then((list) => {
        words = new Set(list);
        loadedAt = performance.now();
        return words;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  };
  return {
    async unknown(list) {
      if (list.length === 0) return [];
      const known = await current();
      return list.filter((w) => !known.has(w));
    },
  };
}

/** Help articles for a query's topic, e.g. from the triage classifier; [] when it has no confident guess. */
export type Suggester = (q: string) => readonly string[];

/** The triage classifier as a suggester: the confident label's articles (issue 7, item 5: search uses it). */
export function triageSuggester(triage: Triage): Suggester {
  return (q) => {
    try {
      const result = triage.classify(q);
      return result.fallbackToHuman ? [] : result.articles;
    } catch (error) {
      if (error instanceof TriageError) return [];
      throw error;
    }
  };
}

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
 * Full-text search with synonyms and spelling correction, ranked (see search.repo.ts): the spelling lookup
 * (only for words the lexicon does not know), then the ranked search with snippets.
 */
export async function searchHelp(deps: { db: Db; synonyms: Synonyms; lexicon?: Lexicon; suggest?: Suggester }, q: string, limit = DEFAULT_RESULTS): Promise<SearchResult[]> {
  const query = checkQuery(q);
  const groups = expandWords(queryWords(query), deps.synonyms);
  const candidates = correctable(groups);
  const corrections = await findCorrections(deps.db, deps.lexicon ? await deps.lexicon.unknown(candidates) : candidates);
  const plan = planSearch(query, deps.synonyms, corrections);
  const rows = await searchArticles(deps.db, plan, Math.min(Math.max(1, limit), MAX_RESULTS), deps.suggest?.(query) ?? []);
  return rows.map((r) => ({ slug: r.slug, title: r.title, snippet: snippetHtml(r.snippet) }));
}
