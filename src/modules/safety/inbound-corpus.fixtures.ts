/**
 * A generated corpus of inbound texts for the differential tests of the per-message text matchers (redaction,
 * outbound check, priority phrases, product-line keywords, rights words). Their outputs on it were recorded
 * from the implementation before the performance work (issue 3) and must stay identical: redaction is a
 * PCI DSS 3.3.1 / 3.4.1 control, so a speed-up may not change a single character it keeps or removes.
 *
 * Deterministic (seeded PRNG, no clock): the recorded digests are only meaningful for exactly these strings,
 * so `corpusDigest()` is stored with them and checked first. Changing this file means re-recording the
 * digests from a known-good implementation (see record-inbound-corpus.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mulberry32 } from '../banking/demo/prng.ts';

// The ingest benchmark's messages (bench/lib/cardholders.ts messageFor / replyFor), copied so that a change
// to the benchmark does not change the corpus.
const MERCHANTS = ['Corner Grocery', 'City Parking', 'Blue Bottle Cafe', 'Metro Transit', 'Hardware Depot', 'Sunrise Pharmacy', 'Book Nook', 'Fuel Stop'];
function messageFor(connection: number, n: number): { subject: string; body: string } {
  const merchant = MERCHANTS[(connection + n) % MERCHANTS.length];
  const amount = (((connection * 7919 + n * 104729) % 50000) / 100 + 1).toFixed(2);
  const day = 1 + ((connection + n) % 28);
  return {
    subject: 'Charged twice at the store',
    body:
      'My card 4111 1111 1111 1111 was charged twice at the store, please help. ' +
      `The charge of $${amount} at ${merchant} on June ${day} shows up two times (my reference ${connection}-${n}).`,
  };
}
const replyFor = (connection: number, n: number) => ({
  body: `Following up: the second charge on card 4111 1111 1111 1111 is still there today (note ${connection}-${n}).`,
});

/** String literals of the matchers' own tests (safety, pan, prioritize, rights words, routing) at the time. */
const SEEDS: string[] = JSON.parse(readFileSync(new URL('./inbound-corpus.seeds.json', import.meta.url), 'utf8'));

// The words the matchers look for, with near misses: introducing words, priority and rights phrases, keywords.
const WORDS = (
  'cvv|cvc|cvv2|cv2|ccv|cid|csc|cvn|cvd|c.v.v.|c v v|p i n|p.i.n|pin|pins|pin#|pin number|pin code|p1n|0tp|otp|otps|2fa|mfa|tfa|' +
  'security code|security number|sec code|secuirty code|verification code|verification value|card security code|' +
  'one-time passcode|one time password|one_time code|x-time pin|passcode|pass code|login code|sign in code|access code|' +
  'auth code|code you texted me|code i got by text|code sent to my phone|code from the app|code in the text message|' +
  '6 digit code|six-digit code|3 digit code on the back|4 digits on the front|code on the back of my card|' +
  'ssn|ss#|soc sec|social security number|social|social #|personal identification number|' +
  'last 4|last four digits|ending in|ends with|card ending|xxxx|****|order|case|ticket|ref|reference|zip|apt|' +
  'account|transaction id|routing|invoice|flight|room|ext|step|page|am|pm|usd|dollars|%|$|€|£|¥|₹|' +
  'jan|feb|march|sept|december|1st|2nd|3rd|4th|times|days|minutes|items|cards|attempts|' +
  'exp|expiry|expires|valid thru|mm/yy|good thru|is|was|my|your|the|it|it\'s|since|ago|in|year|born|locked|tried|' +
  'identity theft|someone opened an account in my name|unauthorized charge|unauthorised charges|fraud|fraudulent|' +
  'frauds|scam|scammed|stolen|hacked|compromised|account hold|account on hold|hold on my account|account frozen|' +
  'locked out|can\'t log in|cannot log in|income verification|urgent|asap|emergency|immediately|right away|' +
  'dispute|disputed|disputes|disputing|charged twice|double charged|duplicate charges|refund not showing|never received|' +
  'not as described|wrong amount|chargeback|charge back|points|rewards|membership rewards|miles|cash back|redeem|' +
  'redemption|annual fee|late fees|fee refund|foreign transaction fee|interest charge|waive the fee|lost card|' +
  'lost my card|replacement card|new card|card declined|declined|activate|activating|activated|lock my card|' +
  'card not arrived|complaint|complaints|complain|complaining|cfpb|c.f.p.b.|c f p b|formal complaint|' +
  'supervisor|supervisors|speak to a manager|talk to a manager|your manager|manager please|escalate|escalated|' +
  'escalating|escalation|someone in charge|higher up|file a complaint|filing a complaint|lodge a complaint|' +
  'complaint against|i want to complain|i am complaining|i\'m complaining|i’m complaining|consumer financial protection bureau|' +
  'attorney general|better business bureau|report you|unacceptable|outrageous|billing error|i did not authorize|' +
  'i didn\'t authorize|i didn’t authorize|not authorized by me|personal|my card|statement|payment|business|small business|' +
  'employee card|company|corporate|employer|travel and expense|t&e|t & e|platinum|concierge|lounge|travel benefits|' +
  'prepaid|serve|serves|serving|reload|reloadable|gift card|gift cards|gift|balance check|activate gift|merchant|' +
  'accept cards|terminal|settlement|point of sale|my store|savings|deposit|interest rate|transfer to bank|cd|cds|' +
  'card\'s|cards\'|bank’s|boss\'s|classes|boxes|watches|wishes|status|bus|cities|ties|going|sing|charged|red|used|' +
  'zero|one|two|three|four|five|six|seven|eight|nine|four eight two one|one two three|six, seven, eight'
).split('|');

const FILLER = (
  'hello|hi|please|help|thanks|I|my|the|was|is|and|at|on|it|this|that|card|bank|store|today|yesterday|again|' +
  'charged|twice|money|account|phone|called|email|sent|got|need|want|why|what|when|ok|sure|yes|no|note|'
).split('|');

const EXOTIC = [
  '中文信用卡号码', 'Привет, мой пин', 'مرحبا بالعالم', 'नमस्ते दुनिया', 'こんにちは', '안녕하세요', 'Γειά σου', 'שלום',
  'straße', 'İstanbul', 'ﬁnance', 'Ǆ', 'ß', 'ŉ', '½', '①②③', '²³', '㉑', 'Ⅻ', '№', '™', '…', '‰',
  '😀', '👍🏽', '👨‍👩‍👧', '❤️', '🇺🇸', '🏳️‍🌈', '1️⃣', '𝟒𝟖𝟐𝟏', '𝐂𝐕𝐕', '𝓅𝒾𝓃', 'Ｃｖｖ', 'ＰＩＮ', 'ᴄᴠᴠ', 'ρin', 'рin', 'οtр',
];

// Decimal digit zeros of other scripts (full-width, Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali,
// Thai, Mongolian, mathematical bold and monospace) and digit-like non-decimal forms.
const ZEROS = [0xff10, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0x1810, 0x1d7ce, 0x1d7f6];
const DIGITISH = ['¹', '²', '³', '⁴', '①', '⑨', '➊', '₅', '⁰'];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u0301', '\u0308', '\ufe0f', '\u202e', '\u034f'];
const SEPARATORS = [
  ' ', ' ', '-', '.', '  ', ' - ', '–', '—', '\u2212', '\u00a0', '\u202f', '\u3000', '_', '__', '•', '·', '∙', '/', ' / ',
  ',', '|', '\\', ':', ';', '+', '*', '~', '#', '=', "'", '"', '(', ')', '[', '<', '\n', '\r\n', '\r', '\t', ' \n ', '..', ' . ',
];
// Apostrophes and spaces as other keyboards and systems type them.
const QUOTES = ['`', '\u2019', '\u2018', '\u02bc', '\u00b4', '\u2032', '\uff07', '\u201b'];
const SPACES = ['\t', '\v', '\f', '\r', '\r\n', '\n', '\u00a0', '\u2028', '\u2029', '\u0085', '\u3000', '\u200b', '  '];
const CONFUSE: Record<string, string[]> = {
  a: ['а', 'α', 'Α'], c: ['с', 'С', 'ᴄ', 'Ｃ'], e: ['е', 'ε'], i: ['і', 'ι', 'ɪ', 'ı', 'Ｉ', '1', '!', '|'], n: ['п', 'ɴ', 'Ν'],
  o: ['о', 'ο', '0', 'ᴏ', 'Ｏ'], p: ['р', 'ρ', 'ᴘ', 'Ｐ'], s: ['ѕ', 'Ѕ'], t: ['т', 'τ', 'ᴛ'], v: ['ѵ', 'ν', 'ᴠ', 'Ｖ'], x: ['х', 'χ'],
};

class Gen {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed); // seeded: the corpus is the same on every machine and run
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(10));
    return s;
  }
  /** A Luhn-valid number of `n` digits. */
  pan(n: number): string {
    const body = this.pick(['4', '5', '37', '6011', '35', '9']) + this.digits(Math.max(0, n - 1 - 4));
    const head = body.slice(0, n - 1).padEnd(n - 1, '0');
    for (let d = 0; d < 10; d++) {
      const candidate = head + d;
      if (luhn(candidate)) return candidate;
    }
    return head + '0';
  }
  /** Digits split into groups by separators: "4111 1111-1111.1111". */
  grouped(digits: string, mixed: boolean): string {
    const sizes = this.pick([[4], [4, 6, 5], [3], [2], [1], [5], [4, 4, 4, 4, 3], [6]]);
    const sep = this.pick(SEPARATORS);
    let out = '';
    let at = 0;
    for (let g = 0; at < digits.length; g++) {
      const size = sizes[g % sizes.length]!;
      if (at > 0) out += mixed ? this.pick(SEPARATORS) : sep;
      out += digits.slice(at, at + size);
      at += size;
    }
    return out;
  }
  words(n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.chance(0.35) ? this.pick(WORDS) : this.pick(FILLER));
    return out.join(this.chance(0.8) ? ' ' : this.pick([', ', '. ', '? ', '\n', ' - ', ': ', '! ', '; ', '\n\n']));
  }
  number(): string {
    switch (this.int(14)) {
      case 0: return this.pan(13 + this.int(7));
      case 1: return this.grouped(this.pan(13 + this.int(7)), false);
      case 2: return this.grouped(this.pan(13 + this.int(7)), true);
      case 3: return this.digits(1 + this.int(24));
      case 4: return this.grouped(this.digits(3 + this.int(30)), this.chance(0.5));
      case 5: return `${this.digits(3)}${this.pick(['-', ' ', '.', ''])}${this.digits(2)}${this.pick(['-', ' ', '.', ''])}${this.digits(4)}`;
      case 6: return `${1 + this.int(12)}/${1 + this.int(31)}${this.chance(0.5) ? `/${2000 + this.int(40)}` : ''}`;
      case 7: return `${this.int(24)}:${this.digits(2)}${this.pick(['', ' am', 'pm', ' p.m.'])}`;
      case 8: return `${this.pick(['$', '€', '£', ''])}${thousands(this.int(100000))}${this.pick(['', '.', '.5', `.${this.digits(2)}`])}${this.pick(['', ' usd', ' dollars', '%'])}`;
      case 9: return `${this.pick(['+1 ', '1-', '(', ''])}${this.digits(3)}${this.pick([') ', '-', '.', ' '])}${this.digits(3)}-${this.digits(4)}`;
      case 10: return this.digits(3 + this.int(2));
      case 11: return this.digits(4 + this.int(5));
      case 12: return `${this.pick(['AX', 'tx', 'ab', 'order ', 'case #', 'zip '])}${this.pick(['-', ''])}${this.digits(3 + this.int(8))}`;
      default: return `${this.pick(['four', 'one', 'nine', 'zero'])} ${this.pick(['eight', 'two'])}${this.pick([' ', ', ', '-'])}${this.pick(['two', 'six'])} ${this.pick(['one', 'seven', 'ok'])}`;
    }
  }
  /** One of the disguises of redact-inbound-evasion.test.ts, applied at random places. */
  disguise(text: string): string {
    const chars = [...text];
    const mode = this.int(9);
    const rate = 0.05 + this.next() * 0.5;
    const zero = this.pick(ZEROS);
    return chars
      .map((c) => {
        if (!this.chance(rate)) return c;
        if (mode === 0 && /[0-9]/.test(c)) return String.fromCodePoint(zero + Number(c));
        if (mode === 1) return c + this.pick(INVISIBLE);
        if (mode === 2 && CONFUSE[c.toLowerCase()]) return this.pick(CONFUSE[c.toLowerCase()]!);
        if (mode === 3) return c.toUpperCase();
        if (mode === 4 && /[0-9]/.test(c)) return this.chance(0.5) ? this.pick(DIGITISH) : String.fromCodePoint(this.pick(ZEROS) + Number(c));
        if (mode === 5 && /[ .-]/.test(c)) return this.pick(SEPARATORS);
        if (mode === 6 && /[a-z]/.test(c)) return String.fromCodePoint(c.charCodeAt(0) - 97 + this.pick([0xff41, 0xff21, 0x1d41a]));
        if (mode === 7 && c === "'") return this.pick(QUOTES);
        if (mode === 8 && /\s/.test(c)) return this.pick(SPACES);
        return c;
      })
      .join('');
  }
  /** A message: words, numbers and look-for words in some order, maybe disguised, maybe with foreign text. */
  message(): string {
    const parts: string[] = [];
    const n = 1 + this.int(8);
    for (let i = 0; i < n; i++) {
      const r = this.int(10);
      if (r < 3) parts.push(this.pick(WORDS));
      else if (r < 6) parts.push(this.number());
      else if (r < 8) parts.push(this.words(1 + this.int(6)));
      else if (r < 9) parts.push(this.pick(EXOTIC));
      else parts.push(this.pick(SEEDS));
    }
    const glue = () => this.pick([' ', ' ', ' ', '', ': ', ', ', '. ', ' is ', '=', '#', '? ', '\n', ' - ', ' (', ') ', '\t', ' my ']);
    let text = parts.reduce((acc, p) => (acc ? acc + glue() + p : p), '');
    if (this.chance(0.35)) text = this.disguise(text);
    return text;
  }
  /** Characters thrown together from the interesting ones: a fuzz string. */
  soup(length: number): string {
    const alphabet = [
      ...'0123456789 -./,:x*#$%()\n\raAcCvVpPiInNoOtTsS\'`', ...SEPARATORS, ...INVISIBLE, ...DIGITISH, '４', '٤', '𝟒', 'é', 'İ', 'ß', '😀', '½', 'ﬁ',
    ];
    let s = '';
    for (let i = 0; i < length; i++) s += this.chance(0.4) ? String(this.int(10)) : this.pick(alphabet);
    return s;
  }
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The corpus: seeds, bench messages, generated messages and fuzz, variants of seeds, and a few long bodies. */
export function inboundCorpus(): string[] {
  const g = new Gen(20260611);
  const out: string[] = ['', ' ', 'a', '1', '\n', '\r\n', ...SEEDS];
  for (let c = 0; c < 64; c += 7) {
    for (let n = 0; n < 40; n += 13) {
      const m = messageFor(c, n);
      out.push(m.subject, m.body, `${m.subject} ${m.body}`, replyFor(c, n).body);
    }
  }
  for (const seed of SEEDS) if (g.chance(0.6)) out.push(g.disguise(seed));
  // Seeds with their apostrophes and spaces typed otherwise, each kind in turn (the ASCII fast paths).
  SEEDS.forEach((seed, i) => {
    if (seed.includes("'")) out.push(seed.replaceAll("'", '`'), seed.replaceAll("'", QUOTES[i % QUOTES.length]!));
    if (/[0-9] [0-9a-z]|[a-z] [0-9]/i.test(seed)) out.push(seed.toUpperCase().replaceAll(' ', SPACES[i % SPACES.length]!));
  });
  for (let i = 0; i < 1800; i++) out.push(g.message());
  for (let i = 0; i < 250; i++) out.push(g.soup(1 + g.int(60)));
  for (let i = 0; i < 120; i++) out.push(`${g.words(3 + g.int(10))} ${g.number()} ${g.pick(WORDS)} ${g.number()} ${g.words(2)}`);
  // Long bodies: the linear-time promise of protect.ts and pan.ts, and the fast paths on long ASCII text.
  out.push('4'.repeat(10_000), '1234 '.repeat(2_000), g.soup(10_000), 'cvv '.repeat(2_500), 'a'.repeat(10_000));
  for (let i = 0; i < 6; i++) {
    let body = '';
    while (body.length < 10_000) body += `${g.message()}${g.pick([' ', '\n', '. '])}`;
    out.push(body);
  }
  let bench = '';
  for (let n = 0; bench.length < 10_000; n++) bench += `${messageFor(3, n).body} `;
  out.push(bench);
  return out;
}

/** 12345 → "12,345", without Intl (whose output may differ between ICU versions). */
const thousands = (n: number) => String(n).replace(/\B(?=([0-9]{3})+$)/g, ',');

/** A digest of the corpus itself, so a changed generator is reported as such and not as changed outputs. */
export function corpusDigest(corpus: readonly string[]): string {
  const hash = createHash('sha256');
  for (const text of corpus) hash.update(text).update('\u0000');
  return hash.digest('base64url').slice(0, 16);
}

/** A short digest of one output: 48 bits, so that a changed output goes unnoticed with odds of 1 in 2^48. */
export function outputDigest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 8);
}

/** More texts like the generated part of the corpus, from another seed: for longer differential runs by hand. */
export function moreInboundTexts(seed: number, count: number): string[] {
  const g = new Gen(seed);
  return Array.from({ length: count }, (_, i) => (i % 5 === 4 ? g.soup(1 + g.int(80)) : g.message()));
}
