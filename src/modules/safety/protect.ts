/**
 * Numbers that are not card data even when they sit next to "PIN" or "code": dates, times, amounts, phone
 * numbers, references, counts, a card's last four digits (PCI DSS 3.4.1 allows showing them). Their digits
 * are hidden from the value search so that "my PIN was locked on 11/26" or "the last 4 digits 1234" stay.
 *
 * Every pattern starts at a boundary and has bounded repeats: a 100 kB run of digits costs linear time.
 */

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\\.?';
const ID_WORDS =
  'order|case|ticket|ref|reference|confirmation|conf|transaction|txn|tracking|invoice|claim|account|acct|member|' +
  'customer|policy|loan|routing|zip|postal|postcode|box|apt|apartment|suite|ste|unit|flight|booking|id|receipt|' +
  'item|sku|model|serial|check|cheque|dispute|complaint|reservation|rma|store|merchant|terminal|auth|authorization|' +
  'approval|extension|ext|room|gate|seat|version|step|page';
const KEYWORD_PREFIX = '(?:cvv|cvc|ccv|cid|csc|cvn|pin|pins|otp|ssn|mfa|tfa|sec)';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// Each pattern with the strings one of which every match of it contains ("needs"): a text holding none of
// them cannot match, so the pattern is not run (issue 3: this runs on every message with digits in it).
export const PROTECTED_PATTERNS: ReadonlyArray<{ re: RegExp; needs?: string[] }> = [
  // A card's last four: "last 4 digits 1234", "card ending in 1234", "ends with 1234", "xxxx-1234", "****1234".
  { re: /(?<![a-z])(?:last|final)\s{1,3}(?:4|four)(?![0-9])[^0-9.!?\n]{0,40}?(?<![0-9])[0-9]{4}(?![0-9])/g, needs: ['last', 'final'] },
  { re: /(?<![a-z])(?:ending|ends|ended)(?:\s{1,3}(?:in|with|on))?\s{0,3}[:#-]?\s{0,3}(?:[x*•#]{1,12}\s?)?[0-9]{4}(?![0-9])/g, needs: ['end'] },
  { re: /(?<![a-z0-9*#•])(?:[x*•#][ -]?){3,24}[0-9]{4}(?![0-9])/g, needs: ['x', '*', '•', '#'] },
  // Dates: 2026-11-26, 11/26/2026, 26.11.26, 12/27 (card expiry), Nov 26, 26th of November 2026.
  { re: /(?<![0-9])[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?![0-9])/g, needs: ['-'] },
  { re: /(?<![0-9])[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}(?![0-9])/g, needs: ['/', '.', '-'] },
  { re: /(?<![0-9])[0-9]{1,2}\s?\/\s?[0-9]{2,4}(?![0-9])/g, needs: ['/'] },
  { re: new RegExp(`(?<![a-z])${MONTH}\\s{1,3}[0-9]{1,2}(?:st|nd|rd|th)?(?:,?\\s{1,3}[0-9]{4})?(?![0-9])`, 'g'), needs: MONTHS },
  { re: new RegExp(`(?<![0-9])[0-9]{1,2}(?:st|nd|rd|th)?\\s{1,3}(?:of\\s{1,3})?${MONTH}(?:,?\\s{1,3}[0-9]{4})?`, 'g'), needs: MONTHS },
  // Times: 10:30, 10:30:15 pm, 9am.
  { re: /(?<![0-9])[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s?(?:am|pm|a\.m\.|p\.m\.))?/g, needs: [':'] },
  { re: /(?<![0-9])[0-9]{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)(?![a-z])/g, needs: ['am', 'pm', 'a.m.', 'p.m.'] },
  // Amounts: $1,234.56, 1234.56 usd, 1,234, 12.50, 15%.
  { re: /[$€£¥₹]\s?[0-9][0-9,]{0,20}(?:\.[0-9]{1,2})?/g, needs: ['$', '€', '£', '¥', '₹'] },
  {
    re: /(?<![0-9])[0-9][0-9,]{0,20}(?:\.[0-9]{1,2})?\s?(?:usd|eur|gbp|cad|aud|dollars?|bucks|cents?|euros?|pounds)(?![a-z])/g,
    needs: ['usd', 'eur', 'gbp', 'cad', 'aud', 'dollar', 'bucks', 'cent', 'pounds'],
  },
  { re: /(?<![0-9.,])[0-9]{1,3}(?:,[0-9]{3}){1,6}(?:\.[0-9]{1,4})?(?![0-9])/g, needs: [','] },
  { re: /(?<![0-9.])[0-9]{1,12}\.[0-9]{2}(?![0-9])/g, needs: ['.'] },
  { re: /(?<![0-9])[0-9]{1,12}(?:\.[0-9]{1,4})?\s?%/g, needs: ['%'] },
  // Phone numbers: +1-800-528-4800, (212) 555-0199, 212.555.0199, 555-0199.
  { re: /(?<![0-9])(?:\+\s?[0-9]{1,3}[\s.-]?)?(?:1[\s.-])?\(?[0-9]{3}\)?[\s.-]?[0-9]{3}[\s.-]?[0-9]{4}(?![0-9])/g },
  { re: /(?<![0-9])[0-9]{3}-[0-9]{4}(?![0-9])/g, needs: ['-'] },
  // References: "order 12345", "case AX-000123", "zip 10001", "transaction id: 98765", "TX123456".
  {
    re: new RegExp(
      `(?<![a-z])(?:${ID_WORDS})(?![a-z])\\s{0,3}(?:(?:number|num|no\\.?|nr|#|id|code)\\s{0,3})?[:#=-]?\\s{0,3}[a-z]{0,6}-?[0-9][0-9-]{0,30}`,
      'g',
    ),
  },
  { re: new RegExp(`(?<![a-z])(?!${KEYWORD_PREFIX}-?[0-9])[a-z]{2,5}-?[0-9]{3,30}(?![0-9])`, 'g') },
  // Counts and units: "4 items", "3 times", "10 minutes", "2nd", "5 cards".
  {
    re: /(?<![0-9])[0-9]{1,9}\s?(?:items?|times?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|weeks?|wks?|months?|years?|yrs?|attempts?|tries|pieces?|pcs|units?|transactions?|charges?|cards?|people|persons?|points?|miles?|km|kg|lbs?|gb|mb|st|nd|rd|th)(?![a-z])/g,
  },
  // ZIP codes: 79998-1535, "El Paso, TX 79998".
  { re: /(?<![0-9])[0-9]{5}-[0-9]{4}(?![0-9])/g, needs: ['-'] },
  { re: /,\s?[a-z]{2}\s[0-9]{5}(?![0-9])/g, needs: [','] },
];

function holdsAny(text: string, needs: readonly string[]): boolean {
  for (const n of needs) if (text.includes(n)) return true;
  return false;
}

/** Ranges [start, end) of `text` whose digits are not card data. */
export function protectedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let lastNeeds: readonly string[] | undefined;
  let lastHeld = false;
  for (const { re, needs } of PROTECTED_PATTERNS) {
    if (needs) {
      // Patterns in a row that need the same strings (the two month patterns) look once.
      if (needs !== lastNeeds) lastHeld = holdsAny(text, needs);
      lastNeeds = needs;
      if (!lastHeld) continue;
    }
    // exec in a loop, not matchAll: matchAll copies the expression on every call (every pattern matches
    // at least one digit, so no match is empty and lastIndex always moves on).
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}
