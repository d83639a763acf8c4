/**
 * Which of a fixed list of phrases (each a list of tokens, see tokens.ts) occur in a token
 * list, found in one pass over the tokens: each phrase is looked up by its first token instead of every
 * phrase being tried at every position (issue 3: the phrase rules, product-line keywords and rights words
 * run on every inbound message). A phrase occurs when its tokens stand consecutively in the list; a phrase
 * of no tokens never occurs.
 */
export class PhraseIndex {
  private readonly byFirst = new Map<string, number[]>();

  constructor(private readonly phrases: ReadonlyArray<readonly string[]>) {
    phrases.forEach((words, id) => {
      if (words.length === 0) return;
      const ids = this.byFirst.get(words[0]!);
      if (ids) ids.push(id);
      else this.byFirst.set(words[0]!, [id]);
    });
  }

  /** found[id] is 1 when phrase `id` (its position in the constructor's list) occurs in `words`. */
  find(words: readonly string[]): Uint8Array {
    const found = new Uint8Array(this.phrases.length);
    for (let i = 0; i < words.length; i++) {
      const ids = this.byFirst.get(words[i]!);
      if (!ids) continue;
      for (const id of ids) if (!found[id] && startsAt(words, i, this.phrases[id]!)) found[id] = 1;
    }
    return found;
  }
}

function startsAt(words: readonly string[], at: number, phrase: readonly string[]): boolean {
  if (at + phrase.length > words.length) return false;
  for (let j = 1; j < phrase.length; j++) if (words[at + j] !== phrase[j]) return false;
  return true;
}
