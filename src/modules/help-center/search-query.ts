/**
 * Turns what a cardholder typed into the parts of a PostgreSQL text-search query. Pure: the database stems and
 * drops stop words (to_tsquery 'english'); this file decides which words and phrases are alternatives.
 *
 * Words are letters and digits only, so the query text never carries tsquery operators from the user.
 */
import { expandWords, type Synonyms, type TermGroup, wordsOf } from './synonyms.ts';

export const QUERY_MAX_CHARS = 200;
export const MAX_WORDS = 12;
const MAX_WORD_CHARS = 40;
const MIN_CORRECTABLE = 4; // shorter words have too many near neighbours to correct safely
const MIN_PREFIX = 3;

export type SearchPlan = {
  /** to_tsquery('english', …): every group OR-ed ('' when every word is a stop word). */
  query: string;
  /** to_tsquery('simple', …): the last word as a prefix while the cardholder is still typing it, or ''. */
  prefix: string;
  /** One entry per group with a searchable word (english, simple prefix, either may be ''): the share of
   *  groups an article matches ranks it. */
  groups: Array<{ english: string; simple: string }>;
  /** The typed words, joined, for trigram similarity with titles. */
  text: string;
};

/** The words of a query, capped, without over-long runs (a pasted token is not a word). */
export function queryWords(q: string): string[] {
  return wordsOf(q)
    .filter((w) => w.length <= MAX_WORD_CHARS)
    .slice(0, MAX_WORDS);
}

/** Words worth a spelling correction: long enough, not a number, and with no synonym of their own. */
export function correctable(groups: TermGroup[]): string[] {
  return groups
    .filter((g) => g.alternatives.length === 1 && g.typed.length === 1)
    .map((g) => g.typed[0]!)
    .filter((w) => w.length >= MIN_CORRECTABLE && !/^\p{N}+$/u.test(w));
}

// The words PostgreSQL's 'english' configuration ignores (tsearch_data/english.stop, the Snowball list).
// Dropping them here keeps to_tsquery from being called on nothing, which answers with a NOTICE per call.
const STOP_WORDS = new Set(
  ('i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself ' +
    'they them their theirs themselves what which who whom this that these those am is are was were be been being have has had ' +
    'having do does did doing a an the and but if or because as until while of at by for with about against between into through ' +
    'during before after above below to from up down in out on off over under again further then once here there when where why ' +
    'how all any both each few more most other some such no nor not only own same so than too very s t can will just don should now').split(' '),
);

export const isStopWord = (word: string) => STOP_WORDS.has(word);

const phrase = (words: string[]) => words.join(' <-> ');

export function planSearch(q: string, synonyms: Synonyms, corrections: ReadonlyMap<string, string> = new Map()): SearchPlan {
  const words = queryWords(q);
  const stillTyping = /[\p{L}\p{N}]$/u.test(q.trimStart());
  const last = words[words.length - 1];
  const prefix = stillTyping && last && last.length >= MIN_PREFIX && !corrections.has(last) ? `${last}:*` : '';
  const groups = expandWords(words, synonyms)
    .map((group) => {
      const fix = group.typed.length === 1 ? corrections.get(group.typed[0]!) : undefined;
      const alternatives = fix ? [...group.alternatives, [fix]] : group.alternatives;
      return { ...group, alternatives: alternatives.filter((alt) => alt.some((w) => !isStopWord(w))) };
    })
    .filter((g, i, all) => g.alternatives.length > 0 || (prefix !== '' && i === all.length - 1));
  const parts = groups.map((g, i) => ({
    english: g.alternatives.length ? `(${g.alternatives.map(phrase).join(' | ')})` : '',
    simple: i === groups.length - 1 ? prefix : '',
  }));
  const query = parts
    .map((p) => p.english)
    .filter(Boolean)
    .join(' | ');
  return { query, prefix, groups: parts, text: words.join(' ') };
}
