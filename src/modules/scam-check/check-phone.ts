/**
 * Checking a phone number against the hotlines in the profile. Numbers are parsed with libphonenumber-js
 * (full metadata, for the number type) with the issuer's country as the default region, so "800.528.4800",
 * "1-800-528-4800" and "+1 (800) 528-4800" are one number. A number one digit or one swap away from a
 * hotline is how callback scams imitate us; premium-rate numbers and numbers that look domestic but ring
 * abroad (the +1 Caribbean area codes) cost the caller money.
 */
import { type CountryCode, getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';
import { luhnValid, PAN_MIN_DIGITS } from '../../platform/pan.ts';
import type { BrandIndex } from './brand-index.ts';
import { editDistance } from './edit-distance.ts';
import type { Field, Finding, Hotline } from './scam-check.types.ts';

export type PhoneCheck = { checked: string | undefined; hotline: Hotline | undefined; findings: Finding[] };

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

function regionName(code: string | undefined): string {
  if (!code) return 'another country';
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

function lineNames(lines: Hotline[]): string {
  return lines.map((l) => l.name).join(' and ');
}

/** The hotline a number imitates: same length, one digit changed or two neighbours swapped. */
function nearMiss(e164: string, index: BrandIndex): { display: string; lines: Hotline[]; how: string } | null {
  for (const [official, lines] of index.hotlines) {
    if (official.length === e164.length && editDistance(official, e164, 1) === 1) {
      const isSwap = [...official].sort().join('') === [...e164].sort().join('');
      return { display: lines[0]!.display, lines, how: isSwap ? 'has two digits swapped from' : 'is one digit away from' };
    }
  }
  return null;
}

type ParsedHotline = { countryCallingCode: string; nationalNumber: string; display: string; lines: Hotline[] };
const parsedHotlines = new WeakMap<BrandIndex, ParsedHotline[]>();

function hotlinesOf(index: BrandIndex): ParsedHotline[] {
  let parsed = parsedHotlines.get(index);
  if (!parsed) {
    parsed = [...index.hotlines].flatMap(([e164, lines]) => {
      const n = parsePhoneNumberFromString(e164);
      return n ? [{ countryCallingCode: n.countryCallingCode, nationalNumber: n.nationalNumber, display: lines[0]!.display, lines }] : [];
    });
    parsedHotlines.set(index, parsed);
  }
  return parsed;
}

/** Our hotline's digits behind another country code (+44 800 528 4800 for +1 800 528 4800). */
function otherCountryCode(number: PhoneNumber, index: BrandIndex): ParsedHotline | null {
  return hotlinesOf(index).find((h) => h.countryCallingCode !== number.countryCallingCode && h.nationalNumber === number.nationalNumber) ?? null;
}

// North American toll-free codes are interchangeable to a caller: 1-888-528-4800 passes for 1-800-528-4800.
const NANP_TOLL_FREE = /^(?:800|833|844|855|866|877|888)/;

function tollFreeSwap(number: PhoneNumber, index: BrandIndex): ParsedHotline | null {
  if (number.countryCallingCode !== '1' || !NANP_TOLL_FREE.test(number.nationalNumber)) return null;
  return (
    hotlinesOf(index).find(
      (h) => h.countryCallingCode === '1' && NANP_TOLL_FREE.test(h.nationalNumber) && h.nationalNumber.slice(3) === number.nationalNumber.slice(3) && h.nationalNumber !== number.nationalNumber,
    ) ?? null
  );
}

/** The issuer's country as the default region, when libphonenumber knows it. */
export function homeRegion(index: BrandIndex): CountryCode | undefined {
  return isSupportedCountry(index.country) ? (index.country as CountryCode) : undefined;
}

function isCardNumber(digits: string): boolean {
  return digits.length >= PAN_MIN_DIGITS && digits.length <= 19 && luhnValid(digits);
}

const KEYPAD: Record<string, string> = { a: '2', b: '2', c: '2', d: '3', e: '3', f: '3', g: '4', h: '4', i: '4', j: '5', k: '5', l: '5', m: '6', n: '6', o: '6', p: '7', q: '7', r: '7', s: '7', t: '8', u: '8', v: '8', w: '9', x: '9', y: '9', z: '9' };

/**
 * Letters in a number: O and l/I typed for 0 and 1 ("1-8OO-528-48OO") are read as those digits, as a caller
 * would dial them; other letters are vanity numbers ("1-800-FLOWERS") and read from the phone keypad.
 * An extension ("ext. 12", "x12") is left for libphonenumber.
 */
function readDigits(text: string): string {
  const [main = '', ext] = text.split(/\s*(?:ext\.?|extension|x|#)\s*(?=\d+\s*$)/i);
  if (!/[a-z]/i.test(main) || !/\d/.test(main)) return text;
  const isLookalike = /^[\d\s().+\-/OoIl|]+$/.test(main);
  const digits = main.replace(/[a-z|]/gi, (ch) => (isLookalike ? (/[Oo]/.test(ch) ? '0' : '1') : (KEYPAD[ch.toLowerCase()] ?? '')));
  return ext ? `${digits} ext. ${ext}` : digits;
}

/** Checks one phone number as typed. `field` is 'text' for numbers found inside a pasted message. */
export function checkPhone(raw: string, index: BrandIndex, field: Field = 'phone'): PhoneCheck {
  const findings: Finding[] = [];
  const text = readDigits(raw.trim().replace(/^tel:/i, ''));
  const digits = text.replace(/\D/g, '');
  const region = homeRegion(index);
  const number = parsePhoneNumberFromString(text, region ? { defaultCountry: region } : {});
  const isValid = !!number && number.isValid();
  if (!isValid && isCardNumber(digits)) {
    findings.push({
      code: 'card_number_not_phone',
      implies: 'unknown',
      field,
      message: 'This looks like a card number, not a phone number. Never share your card number with someone who contacted you',
    });
    return { checked: undefined, hotline: undefined, findings };
  }
  if (!number || !number.isPossible()) {
    findings.push({ code: 'phone_invalid', implies: 'unknown', field, message: 'This is not a phone number we can read; check the digits and the country code' });
    return { checked: undefined, hotline: undefined, findings };
  }
  const e164 = number.number;
  const ours = index.hotlines.get(e164);
  if (ours) {
    findings.push({ code: 'official_phone', implies: 'official', field, message: `${ours[0]!.display} is our ${lineNames(ours)} line` });
    return { checked: e164, hotline: ours[0], findings };
  }
  const shown = number.formatInternational();
  const close = nearMiss(e164, index);
  if (close) {
    findings.push({
      code: 'phone_near_miss',
      implies: 'lookalike',
      field,
      message: `${shown} ${close.how} our ${lineNames(close.lines)} line ${close.display}, but it is not ours`,
    });
  }
  const swapped = close ? null : tollFreeSwap(number, index);
  if (swapped) {
    findings.push({
      code: 'phone_near_miss',
      implies: 'lookalike',
      field,
      message: `${shown} copies our ${lineNames(swapped.lines)} line ${swapped.display} with another toll-free code; it is not ours`,
    });
  }
  const moved = otherCountryCode(number, index);
  if (moved) {
    findings.push({
      code: 'phone_other_country_code',
      implies: 'lookalike',
      field,
      message: `${shown} has the digits of our ${lineNames(moved.lines)} line ${moved.display} behind another country code (+${number.countryCallingCode}); it is not ours`,
    });
  }
  const type = isValid ? number.getType() : undefined;
  if (type === 'PREMIUM_RATE' || type === 'SHARED_COST') {
    findings.push({ code: 'phone_premium_rate', implies: 'suspicious', field, message: `${shown} is a ${type === 'PREMIUM_RATE' ? 'premium-rate' : 'shared-cost'} number: calling it costs you money. Our hotlines are free to call` });
  }
  const country = number.country;
  if (country && country !== index.country) {
    const looksDomestic = !!region && number.countryCallingCode === getCountryCallingCode(region);
    findings.push(
      looksDomestic
        ? { code: 'phone_looks_domestic', implies: 'suspicious', field, message: `${shown} looks like a ${regionName(index.country)} number but rings in ${regionName(country)}, at international rates` }
        : { code: 'phone_other_country', implies: 'not_official', field, message: `${shown} is a number in ${regionName(country)}; our hotlines are ${regionName(index.country)} numbers` },
    );
  }
  if (!isValid) {
    findings.push({ code: 'phone_invalid', implies: 'unknown', field, message: `${shown} is not a number in use in any numbering plan we know` });
  }
  if (!close && !moved && !swapped) {
    findings.unshift({ code: 'phone_not_official', implies: 'not_official', field, message: `${shown} is not one of our phone numbers` });
  }
  return { checked: e164, hotline: close?.lines[0] ?? swapped?.lines[0] ?? moved?.lines[0], findings };
}
