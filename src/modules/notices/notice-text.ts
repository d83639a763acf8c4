import type { IsoDate } from '../calendars/index.ts';

/** "Tuesday, June 16, 2026": concrete dates in plain language (DESIGN: experience principles). */
export function longDate(date: IsoDate): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * The PDF uses the 14 standard fonts, which cover Windows-1252 only; anything else would print as a wrong
 * glyph, so it becomes "?" and the HTML letter (UTF-8) keeps the exact text.
 * LIMITATION: names in non-Latin scripts print as "?" in the PDF until a Unicode font is embedded.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(ch)) out += ch;
    else if (ch === '\t') out += ' ';
    else if (code >= 0x20) out += '?';
  }
  return out;
}
