import { createRng } from './rng.ts';

/**
 * A deterministic corpus of awkward messages for the inference tests (inference-fixture.test.ts): the words of
 * the training texts mixed with what real messages carry — typos, case, contractions with and without (curly)
 * apostrophes, amounts and dates, currency signs, redaction masks (••••), accents, full-width and compatibility
 * characters (NFKC), zero-width characters, combining marks, emoji and punctuation runs. The fixture holds what
 * the implementation of 26 November (before the speed work) gave for each of these texts, so any change of
 * behaviour in the fast paths shows up as a failed comparison.
 */
const EXTRAS = [
  "can't", 'cant', "won't", 'dont', "I'm", 'I’m', 'it’s', "it's", "card's", "they're", "we've", "you'll", "he'd",
  "'quoted'", "''", "rock'n'roll's", "ca'n't", '`tick`', '´acute´', 'ʼmod', 'Ca’n’t',
  '$', '£', '€', '¥', '₹', '$12.50', '£1,234.56', '€5', '4111', '1.2.3', '1..2', '12,', ',5', '0.5%', '3rd', 'x9y',
  '••••', '•••• 1111', '4111 •••• ••••', '—', '–', '…', '·', '\u00a0', '\u200b', '\u00ad', '\ufeff', '\u2060',
  'café', 'naïve', 'Ｃａｒｄ', 'ﬁle', 'ＡＴＭ１２', '①', '²', '½', 'İstanbul', 'STRASSE', 'straße', 'ΣΟΦΙΑ', 'e\u0301', 'e\u0301t\u00e9',
  'Ⅻ', '٣٤', '🙂', '💳card', 'a_b', 'x-y', 'e-mail', 'ÉTÉ', 'ǅ', 'ﬀ', '\t', '\n', '\r\n', '!!!', '?!', '(help)', '"why"',
  '“quoted”', '‘single’', 'don’t', 'can‘t',
  'recieved', 'transfr', 'acount', 'cardd', 'chargd', 'refnd', 'paymnet', 'statment', 'activte',
];

function mutate(word: string, pick: (n: number) => number): string {
  const i = pick(Math.max(word.length, 1));
  switch (pick(6)) {
    case 0: return word.toUpperCase();
    case 1: return word.slice(0, i) + word.slice(i + 1); // a letter missing
    case 2: return word.slice(0, i) + word[i]! + word.slice(i); // a letter doubled
    case 3: return i + 1 < word.length ? word.slice(0, i) + word[i + 1]! + word[i]! + word.slice(i + 2) : word; // a swap
    case 4: return word[0]!.toUpperCase() + word.slice(1);
    default: return word;
  }
}

const SEPARATORS = [' ', ' ', ' ', ' ', ', ', '. ', '  ', '\n', '-', '/', ' & ', '!', '?', ':', ';', '(', ')', '"', "'"];

/** `count` texts built from the given vocabulary with a fixed seed. */
export function generateInferenceCorpus(vocabulary: readonly string[], count: number, seed = 20251126): string[] {
  const rng = createRng(seed);
  const texts: string[] = [];
  for (let t = 0; t < count; t++) {
    const length = 1 + rng.int(40);
    let text = '';
    for (let k = 0; k < length; k++) {
      const roll = rng.int(10);
      let token = roll < 2 ? EXTRAS[rng.int(EXTRAS.length)]! : vocabulary[rng.int(vocabulary.length)]!;
      if (roll >= 7 && token.length > 1) token = mutate(token, rng.int);
      text += token + (k + 1 < length ? SEPARATORS[rng.int(SEPARATORS.length)]! : '');
    }
    texts.push(text);
  }
  return texts;
}

/** The message of the ingest benchmark after redaction (the hot path of POST /api/v1/messages). */
export function ingestLikeMessages(count: number): string[] {
  const merchants = ['Corner Grocery', 'Blue Bottle Café', 'ACME Online', 'Gas & Go'];
  return Array.from({ length: count }, (_, n) => {
    const amount = (((n * 104729) % 50000) / 100 + 1).toFixed(2);
    return (
      'Charged twice at the store\nMy card •••• 1111 was charged twice at the store, please help. ' +
      `The charge of $${amount} at ${merchants[n % merchants.length]} on June ${1 + (n % 28)} shows up two times (my reference ${n % 64}-${n}).`
    );
  });
}
