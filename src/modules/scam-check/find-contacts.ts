/**
 * Links, e-mail addresses and phone numbers inside a pasted message, so each can be checked like a field of
 * its own. Links with "http(s)://" or "www." come first, then e-mail addresses, then bare names with a real
 * domain ending ("amex-secure.com/verify"), then phone numbers (libphonenumber-js) in what is left.
 */
import { type CountryCode, findPhoneNumbersInText } from 'libphonenumber-js/max';
import { parse } from 'tldts';

export type Contacts = { urls: string[]; emails: string[]; phones: string[] };

const MAX_EACH = 20;
const MAX_STRETCHES = 60; // bounds the work on a message that is mostly digits
const LINK = /\b(?:https?:\/\/|hxxps?:\/\/|www\.)[^\s<>"'`]+/giu;
const EMAIL = /[\p{L}\p{N}._%+-]{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,10}(?:[\p{L}]{2,63}|xn--[a-z0-9-]{1,59})/giu;
const BARE =
  /(?<![\p{L}\p{N}@._-])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,10}(?:[\p{L}]{2,63}|xn--[a-z0-9-]{1,59})(?::\d{1,5})?(?:\/[^\s<>"'`]*)?/giu;
const TRAILING = /[.,;:!?)\]}'"»”’]+$/u;

function unique(list: string[]): string[] {
  return [...new Set(list)].slice(0, MAX_EACH);
}

/** Replaces each match by spaces (keeping offsets) and returns the matches. */
function takeAll(text: string, re: RegExp, keep: (match: string) => string | null): { rest: string; found: string[] } {
  const found: string[] = [];
  const rest = text.replace(re, (m) => {
    const kept = keep(m.replace(TRAILING, ''));
    if (kept === null) return m;
    found.push(kept);
    return ' '.repeat(m.length);
  });
  return { rest, found };
}

// Where a phone number may stand: 7 to 15 digits with the usual separators. libphonenumber's finder then reads
// only these stretches (and a little around them), not the whole message: most of a message has no digits.
const PHONE_LIKE = /(?:\+|\b)\d[\d\s().\/-]{5,24}\d/g;

function findPhones(text: string, region: CountryCode | undefined): string[] {
  const found: string[] = [];
  let looked = 0;
  for (const m of text.matchAll(PHONE_LIKE)) {
    if (++looked > MAX_STRETCHES) break;
    const stretch = text.slice(Math.max(0, m.index - 2), m.index + m[0].length + 12);
    for (const p of findPhoneNumbersInText(stretch, region ? { defaultCountry: region } : {})) found.push(p.number.number as string);
    if (found.length >= MAX_EACH) break;
  }
  return found;
}

function isRealDomain(candidate: string): boolean {
  const host = candidate.split(/[/:]/)[0] ?? '';
  // "here.Click" is two sentences typed without a space, not the domain here.click.
  const labels = host.split('.');
  const ending = labels[labels.length - 1] ?? '';
  if (/\p{Lu}/u.test(ending) && /\p{Ll}/u.test(labels.slice(0, -1).join(''))) return false;
  const parsed = parse(host);
  return !!parsed.domain && parsed.isIcann === true && !/^\d+(?:\.\d+)*$/.test(host);
}

export function findContacts(text: string, region: CountryCode | undefined): Contacts {
  const links = takeAll(text, LINK, (m) => m.replace(/^hxxp/i, 'http'));
  const emails = takeAll(links.rest, EMAIL, (m) => m);
  const bare = takeAll(emails.rest, BARE, (m) => (isRealDomain(m) ? m : null));
  const phones = findPhones(bare.rest, region);
  return { urls: unique([...links.found, ...bare.found]), emails: unique(emails.found), phones: unique(phones) };
}
