/**
 * Building blocks for the word patterns of inbound-terms.ts and outbound-targets.ts (folded text: lower
 * case, ASCII digits, '-' for every dash).
 */

/** Between two words: "one time", "one-time", "one_time". */
export const W = '[\\s_-]{1,3}';
/** Between the parts of a word written either way: "passcode", "pass code". */
export const J = '[\\s_-]{0,3}';

// Digits typed for look-alike letters: "p1n", "0tp".
const LOOKALIKE: Record<string, string> = { i: '[i1!|]', o: '[o0]' };

/** An acronym, letters maybe split by dots, spaces or dashes: "cvv", "c.v.v.", "p i n", "o-t-p", "p1n". */
export function acronym(letters: string): string {
  const parts = letters.split('').map((c) => LOOKALIKE[c] ?? c);
  return `${parts.join('[.\\s\\-_*]?')}(?:(?<=\\.[a-z0-9])\\.)?`;
}
