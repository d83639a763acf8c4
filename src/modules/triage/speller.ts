/**
 * Spelling normalization: a word the training data never (or only once) used is replaced by the most frequent
 * known word one edit away (insertion, deletion, substitution or swap of neighbours), found with the
 * symmetric-delete trick (SymSpell): a word and its one-character deletions are looked up in a table of the
 * known words' one-character deletions — a handful of lookups instead of hundreds of candidate strings.
 */
export type Speller = {
  readonly words: readonly string[];
  readonly counts: readonly number[];
  correct(word: string): string;
};

/** Words shorter than this are left alone: "atm" and "app" are too close to too many others. */
const MIN_LENGTH = 4;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** `words[i]` was seen `counts[i]` times; words seen at least `minCount` times are "known". */
export function createSpeller(words: readonly string[], counts: readonly number[], minCount = 2): Speller {
  const known = new Map<string, number>();
  words.forEach((w, i) => {
    if ((counts[i] ?? 0) >= minCount) known.set(w, counts[i]!);
  });
  const byDeletion = new Map<string, string[]>();
  for (const word of known.keys()) {
    if (word.length < MIN_LENGTH) continue;
    for (const d of deletions(word)) {
      const list = byDeletion.get(d);
      if (list) list.push(word);
      else byDeletion.set(d, [word]);
    }
  }
  const cache = new Map<string, string>();
  const better = (a: string, b: string | undefined): boolean => {
    if (b === undefined) return true;
    const ca = known.get(a)!;
    const cb = known.get(b)!;
    return ca > cb || (ca === cb && a < b);
  };
  function lookup(word: string): string {
    let best: string | undefined;
    const consider = (candidate: string) => {
      if (candidate.length >= MIN_LENGTH && known.has(candidate) && withinOneEdit(word, candidate) && better(candidate, best)) best = candidate;
    };
    for (const c of byDeletion.get(word) ?? []) consider(c); // the word lacks a letter
    for (const d of deletions(word)) {
      consider(d); // the word has an extra letter
      for (const c of byDeletion.get(d) ?? []) consider(c); // a letter replaced, or two swapped
    }
    return best ?? word;
  }
  return {
    words,
    counts,
    correct(word) {
      if (word.length < MIN_LENGTH || known.has(word) || /\P{L}/u.test(word)) return word;
      let fixed = cache.get(word);
      if (fixed === undefined) {
        fixed = lookup(word);
        if (cache.size < 50_000) cache.set(word, fixed);
      }
      return fixed;
    },
  };
}
