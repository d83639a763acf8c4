/**
 * Splitting an agent reply into clauses and telling who does what in them, so that "we will never ask for
 * your PIN" or "scammers ask you to read out the code" is not mistaken for asking (PCI DSS 3.3.1 forbids the
 * asking, not the warning). Negation is scoped to its clause; "or …" after a comma continues the clause.
 */

export type Clause = {
  text: string;
  /** Starts a new sentence (or "but …" part), rather than continuing the previous one after a comma. */
  isNewSentence: boolean;
  /** Continues a list after a comma: ", or your password", ", and the CVV". */
  joins: boolean;
  /** The sentence it belongs to ends with a question mark. */
  isQuestion: boolean;
};

// Phrases with a negation word that do not negate what follows: "don't worry, …", "don't forget to reply".
const NEUTRAL =
  /(?<![a-z])(?:(?:don't|dont|do\s+not)\s+(?:worry|hesitate\s+to|forget\s+to|be\s+alarmed)|no\s+(?:worries|problem|rush|stress)|not\s+(?:a\s+problem|sure|yet|only)|if\s+not|never\s+mind|nothing\s+to\s+worry\s+about|whether\s+or\s+not|no\s+longer)(?![a-z])/g;
const SENTENCE_END = /[.!?]+(?=\s|$)|[;\n]+|\s[-–—]+\s|\s(?=(?:but|however|although|though|whereas|otherwise|instead|unless|so|then)(?![a-z']))/g;

/** The reply's clauses in order. Text must already be folded (normalize.ts). */
export function splitClauses(text: string): Clause[] {
  const clean = text.replace(NEUTRAL, (m) => ' '.repeat(m.length));
  const clauses: Clause[] = [];
  let at = 0;
  let isListOpen = false;
  const pushSentence = (sentence: string, terminator: string) => {
    const isQuestion = terminator.includes('?');
    let carried = '';
    // The lines of a list after "Please provide the following:" continue that sentence.
    const isListItem = isListOpen && /^\s*(?:[-*•+>]|[0-9]{1,2}[.)])\s/.test(sentence);
    isListOpen = (isListItem || /:\s*$/.test(sentence)) && terminator.includes('\n');
    let isFirst = !isListItem;
    for (const raw of sentence.split(',')) {
      const part = carried + raw;
      carried = '';
      if (part.trim() === '') continue;
      // "Never, ever send …": a bare negation before a comma negates what follows it.
      if (/^\s*(?:please\s+)?(?:never|don't|dont|do\s+not|not)\s*$/.test(part)) {
        carried = `${part} `;
        continue;
      }
      // "Your CVV, please." is one request: a bare "please" belongs to the clause before it.
      const previous = clauses[clauses.length - 1];
      if (!isFirst && previous && /^\s*(?:please|pls|plz|kindly|thanks|thank\s+you)\s*$/.test(part)) {
        previous.text += ` ${part}`;
        continue;
      }
      clauses.push({ text: part, isNewSentence: isFirst, joins: !isFirst && /^\s*(?:or|nor|and)(?![a-z])/.test(part), isQuestion });
      isFirst = false;
    }
  };
  for (const m of clean.matchAll(SENTENCE_END)) {
    pushSentence(clean.slice(at, m.index), m[0]);
    at = m.index + m[0].length;
  }
  pushSentence(clean.slice(at), '');
  return clauses;
}

const NEGATION =
  /(?<![a-z])(?:never|not|no|don't|dont|do\s+not|won't|wont|will\s+not|no\s+need|shouldn't|should\s+not|cannot|can't|can\s+not|mustn't|must\s+not|nor|neither|avoid|refrain|stop|without|nobody|no\s+one|no-one|isn't|aren't|doesn't|does\s+not|didn't|did\s+not|wouldn't|would\s+not|under\s+no\s+circumstances|at\s+no\s+time)(?![a-z'])(?!\s+(?:you|u)(?![a-z]))/g;

/** Where negations start in the clause ("why don't you send…" is not one). */
export function negationsIn(text: string): number[] {
  return [...text.matchAll(NEGATION)].map((m) => m.index);
}

export type Subject = 'you' | 'us' | 'other' | 'inquiry' | 'none';

const set = (words: string) => new Set(words.split(' '));
const YOU = set("you u ya you'll youll you'd youd you've you're y'all yall yourself");
const US = set("i we i'll we'll i've we've i'm im we're i'd we'd our ours myself ourselves");
const ACTORS = set(
  "it they he she someone somebody anyone anybody nobody everyone scammer scammers fraudster fraudsters criminal criminals " +
    "thief thieves impostor impostors imposter imposters hacker hackers caller callers stranger strangers crook crooks " +
    "people merchant merchants they'll they're it'll he'll she'll who",
);
const MODALS = set("will would can could may might must should shall 'll");
const INQUIRY = set('did do does have has had were was are is whether');
const ASKERS = set(
  'ask asks asked asking tell tells told telling prompt prompts prompted want wants need needs require requires required ' +
    'instruct instructs instructed like expect expects request requests requested get gets make makes',
);
const SKIP = set('please kindly just also and so then now first simply');
const PASSIVE = /(?:^|\s)(?:be|being|been|get|gets|got)\s+(?:asked|prompted|required|told|instructed)(?:\s|$)/;

const wordsOf = (text: string) => text.match(/[a-z][a-z']*/g) ?? [];

/**
 * Who does the verb that follows `before`: the cardholder ("can you send", "we need you to send", or an
 * imperative: 'none'), us ("we'll send"), someone else ("scammers ask you to send", "the app will ask you to
 * enter"), or a question about the past ("did you share …": 'inquiry').
 */
export function subjectBefore(before: string): Subject {
  const words = wordsOf(before);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (ACTORS.has(w)) return 'other';
    if ((w === 'me' || w === 'us') && words[i - 1] === 'let') return 'us';
    if (YOU.has(w)) {
      const prev = words[i - 1] ?? '';
      if (INQUIRY.has(prev)) return 'inquiry';
      if (PASSIVE.test(words.slice(i + 1).join(' '))) return 'other';
      if (ASKERS.has(prev)) return subjectBefore(words.slice(0, i - 1).join(' ')) === 'other' ? 'other' : 'you';
      return 'you';
    }
    if (US.has(w)) return 'us';
    if (MODALS.has(w)) {
      const prev = words[i - 1];
      if (prev === undefined || SKIP.has(prev)) continue;
      if (YOU.has(prev)) return 'you';
      if (US.has(prev)) return 'us';
      // "the system will send", "Amex may text": a named someone, unless it is "our system".
      return words[i - 2] === 'our' ? 'us' : 'other';
    }
  }
  return 'none';
}
