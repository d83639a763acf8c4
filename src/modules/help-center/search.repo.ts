import { sql } from 'kysely';
import type { Executor } from '../../platform/db.ts';
import type { SearchPlan } from './search-query.ts';

/** Highlight marks ts_headline puts around matches (STX/ETX: stripped from article text when it is saved). */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';
const MIN_CORRECTION_SIMILARITY = 0.3;

/**
 * Best lexicon word for each typed word that the articles never use ("dispoot" → "dispute"), by trigram
 * similarity over help_search_words (GIN trigram index). Words the articles use are left alone.
 */
export async function findCorrections(db: Executor, words: string[]): Promise<Map<string, string>> {
  if (words.length === 0) return new Map();
  const { rows } = await sql<{ typed: string; correction: string }>`
    SELECT w.word AS typed, best.word AS correction
      FROM unnest(${words}::text[]) AS w(word)
      CROSS JOIN LATERAL (
        SELECT s.word FROM help_search_words s
         WHERE s.word % w.word AND similarity(s.word, w.word) >= ${MIN_CORRECTION_SIMILARITY}
         ORDER BY similarity(s.word, w.word) DESC, s.word
         LIMIT 1) AS best
     WHERE NOT EXISTS (SELECT 1 FROM help_search_words e WHERE e.word = w.word)`.execute(db);
  return new Map(rows.map((r) => [r.typed, r.correction]));
}

export type SearchRow = { slug: string; title: string; snippet: string; score: number };

// Ranking, in two stages so that the costly parts run on few rows:
//  1. every published article matching the query (GIN index) is ranked by ts_rank over the weighted vector
//     (title A 1.0; summary, keywords, FAQ questions B 0.4; body C 0.2) and the best STAGE_ONE are kept;
//     when they are fewer than a page, articles whose title is trigram-similar to the typed words are added
//     (word_similarity is costly, so it is the fallback for typos the spelling correction could not fix);
//  2. those are scored by the share of the query's word groups they match (a question answered in full beats
//     one word repeated), cover density (ts_rank_cd: matched words close together), and, for title matches,
//     the trigram similarity. Snippets (ts_headline, the next costliest part) are made for the final page only.
// Measured on PostgreSQL 15 with 1,000 articles (bench/help-search.ts): planning, stage 1, stage 2 and the
// snippets each take about a quarter of the ~9 ms a search costs the database.
const RANK_WEIGHTS = '{0.05, 0.2, 0.4, 1.0}';
const STAGE_ONE = 50;
const TITLE_MATCHES = 20;
const HEADLINE_OPTIONS = 'MaxFragments=1, MaxWords=30, MinWords=12, ShortWord=2, ';

// Articles the triage classifier suggests for the query's topic (config/triage/labels.json) get this much on top
// of their score (scores run from about 1 to 3): a tie-breaker between articles that match the words about
// equally well, never enough to lift one that matches few of them. Only articles that match at all are lifted.
export const SUGGESTED_BOOST = 0.1;

export async function searchArticles(db: Executor, plan: SearchPlan, limit: number, suggested: readonly string[] = []): Promise<SearchRow[]> {
  const parts = [plan.query ? sql`to_tsquery('english', ${plan.query})` : null, plan.prefix ? sql`to_tsquery('simple', ${plan.prefix})` : null].filter(
    (p) => p !== null,
  );
  if (parts.length === 0) return searchTitles(db, plan.text, limit);
  const english = plan.groups.map((g) => g.english);
  const simple = plan.groups.map((g) => g.simple);
  const { rows } = await sql<SearchRow>`
    WITH q AS MATERIALIZED (
           SELECT ${sql.join(parts, sql` || `)} AS q,
                  ARRAY(SELECT t.g
                          FROM unnest(${english}::text[], ${simple}::text[]) AS x(e, s),
                               LATERAL (SELECT CASE WHEN x.s = '' THEN to_tsquery('english', x.e)
                                                    WHEN x.e = '' THEN to_tsquery('simple', x.s)
                                                    ELSE to_tsquery('english', x.e) || to_tsquery('simple', x.s) END AS g) AS t
                         WHERE numnode(t.g) > 0) AS groups),
         by_text AS (
           SELECT a.slug
             FROM help_articles a, q
            WHERE a.status = 'published' AND a.search_vector @@ q.q
            ORDER BY ts_rank(${RANK_WEIGHTS}::float4[], a.search_vector, q.q) DESC, a.slug
            LIMIT ${STAGE_ONE}),
         by_title AS (
           SELECT a.slug
             FROM help_articles a
            WHERE a.status = 'published' AND ${plan.text} <% a.title
              AND (SELECT count(*) FROM by_text) < ${limit}
            LIMIT ${TITLE_MATCHES}),
         ranked AS (
           SELECT a.slug, a.title, a.body_text,
                  (SELECT count(*) FROM unnest(q.groups) AS g WHERE a.search_vector @@ g)::float8 / greatest(cardinality(q.groups), 1)
                  + ts_rank_cd(${RANK_WEIGHTS}::float4[], a.search_vector, q.q, 1)
                  + CASE WHEN a.slug IN (SELECT slug FROM by_title) THEN 0.5 * word_similarity(${plan.text}, a.title) ELSE 0 END
                  + CASE WHEN a.slug = ANY(${[...suggested]}::text[]) THEN ${SUGGESTED_BOOST}::float8 ELSE 0 END AS score
             FROM help_articles a, q
            WHERE a.slug IN (SELECT slug FROM by_text UNION SELECT slug FROM by_title)
            ORDER BY score DESC, a.slug
            LIMIT ${limit})
    SELECT r.slug, r.title, r.score,
           ts_headline('english', r.body_text, q.q, ${HEADLINE_OPTIONS} || 'StartSel=' || chr(2) || ', StopSel=' || chr(3)) AS snippet
      FROM ranked r, q
     ORDER BY r.score DESC, r.slug`.execute(db);
  return rows;
}

/** Only stop words typed ("how do i"): titles that contain the typed words, by trigram similarity. */
async function searchTitles(db: Executor, text: string, limit: number): Promise<SearchRow[]> {
  const { rows } = await sql<SearchRow>`
    SELECT slug, title, word_similarity(${text}, title) AS score, summary AS snippet
      FROM help_articles
     WHERE status = 'published' AND ${text} <% title
     ORDER BY score DESC, slug
     LIMIT ${limit}`.execute(db);
  return rows;
}

/** Every word of the spelling lexicon (a few thousand short words for a large help center). */
export async function lexiconWords(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('help_search_words').select('word').execute();
  return rows.map((r) => r.word);
}
