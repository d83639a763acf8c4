/**
 * Search synonyms from configuration (config/help-synonyms.json): what a cardholder types → words the articles
 * use. "$issuer" stands for the issuer's names from the profile, and those names expand to each other, so
 * another issuer's profile needs no edit here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import type { IssuerProfile } from '../directory/index.ts';

export const DEFAULT_SYNONYMS_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../config/help-synonyms.json');
const ISSUER = '$issuer';

const SynonymsFile = Type.Object(
  {
    version: Type.Literal(1),
    $comment: Type.Optional(Type.String()),
    expansions: Type.Record(Type.String({ minLength: 1, maxLength: 60 }), Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { minItems: 1, maxItems: 20 })),
  },
  { additionalProperties: false },
);

/** Words of a text as search sees them: lower case, letters and digits only ("didn't" → didn, t). */
export function wordsOf(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Phrase (its words joined by one space) → alternatives, each a list of words. */
export type Synonyms = { expansions: Map<string, string[][]>; longestPhrase: number };

export class SynonymsError extends Error {}

export function buildSynonyms(raw: unknown, profile: IssuerProfile, source = 'help synonyms'): Synonyms {
  if (!Value.Check(SynonymsFile, raw)) {
    const first = [...Value.Errors(SynonymsFile, raw)][0];
    throw new SynonymsError(`${source} is invalid: ${first ? `${first.instancePath || '(root)'} ${first.message}` : 'unknown problem'}`);
  }
  const issuerNames = [profile.issuer.name, ...profile.issuer.alsoKnownAs].map(wordsOf).filter((w) => w.length > 0);
  const expansions = new Map<string, string[][]>();
  const add = (phrase: string[], alternatives: string[][]) => {
    const key = phrase.join(' ');
    const known = expansions.get(key) ?? [];
    for (const alt of alternatives) {
      if (alt.length === 0 || alt.join(' ') === key || known.some((k) => k.join(' ') === alt.join(' '))) continue;
      known.push(alt);
    }
    expansions.set(key, known);
  };
  for (const name of issuerNames) add(name, issuerNames);
  for (const [phrase, targets] of Object.entries(raw.expansions)) {
    const words = wordsOf(phrase);
    if (words.length === 0) throw new SynonymsError(`${source}: "${phrase}" has no letters or digits`);
    add(words, targets.flatMap((t) => (t === ISSUER ? issuerNames : [wordsOf(t)])));
  }
  const longestPhrase = Math.max(1, ...[...expansions.keys()].map((k) => k.split(' ').length));
  return { expansions, longestPhrase };
}

export function loadSynonyms(profile: IssuerProfile, file = DEFAULT_SYNONYMS_PATH): Synonyms {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SynonymsError(`Cannot read the help synonyms ${file}: ${(error as Error).message}`);
  }
  return buildSynonyms(raw, profile, `Help synonyms ${file}`);
}

/** A stretch of the query and what may stand for it: the typed words first, then synonyms. */
export type TermGroup = { typed: string[]; alternatives: string[][] };

/** Splits the words into groups, longest synonym phrase first; words without synonyms stand alone. */
export function expandWords(words: string[], synonyms: Synonyms): TermGroup[] {
  const groups: TermGroup[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let n = Math.min(synonyms.longestPhrase, words.length - i); n >= 1; n--) {
      const phrase = words.slice(i, i + n);
      const alternatives = synonyms.expansions.get(phrase.join(' '));
      if (alternatives) {
        groups.push({ typed: phrase, alternatives: [phrase, ...alternatives] });
        i += n;
        matched = true;
        break;
      }
    }
    if (!matched) {
      const word = words[i]!;
      groups.push({ typed: [word], alternatives: [[word]] });
      i++;
    }
  }
  return groups;
}
