/**
 * The things an agent reply must never ask a cardholder for, found in folded text (normalize.ts).
 * PCI DSS 3.3.1: staff must not collect sensitive authentication data (CVV2/CID, PIN); a full card number,
 * a one-time code or a password is never needed either — asking for them is what scammers do.
 */
import type { SensitiveRequestKind } from './safety.types.ts';
import { acronym, J, W } from './term-patterns.ts';

export type Target = { kind: SensitiveRequestKind; start: number; end: number };
/** "the code", "the digits", "it": refer back to something named earlier. */
export type Reference = { nouns: 'code' | 'number' | 'any'; start: number; end: number };

const SIDE = `(?:back|reverse|rear|signature${W}(?:panel|strip|box))`;
const BRAND = `(?:(?:credit|debit|amex|visa|mastercard|discover|prepaid|gift|bank|atm)${W})`;
const SENT = '(?:sent|send|texted|text|txted|emailed|messaged|received|got|get|see|gave)';
const WHO = `(?:we|i|you|u|they|the|bank|our|system|team|app|it|was|were|has|have|had|been|'ve|ve|just|recently|'ll|ll|will|should|already|to|your|phone)`;
const CHANNEL = '(?:text|sms|message|email|e-mail|phone|app|authenticator|screen|device)';

const SOURCES: Record<SensitiveRequestKind, string[]> = {
  card_number: [
    `(?:full|complete|entire|whole|long|actual|real|unmasked)${W}${BRAND}?(?:card${W})?(?:account${W})?(?:number|no\\.?|num|#|digits)s?`,
    `${BRAND}?card${J}(?:number|no\\.?|num|nr|#)s?`,
    `(?:full|complete)${W}${BRAND}?card${W}(?:details|info|information|data)`,
    `card${W}(?:details|info|information|data)`,
    `(?:13|14|15|16|17|18|19|fifteen|sixteen|nineteen)${J}digits?(?:${W}(?:card${W})?(?:number|num)s?)?`,
    `primary${W}account${W}number`,
    'pan',
    `(?:number|numbers|digits)${W}(?:on|across)${W}the${W}front(?:${W}of${W}(?:your|the)${W}card)?`,
    `account${W}number${W}on${W}(?:the${W}front${W}of${W})?(?:your|the)${W}card`,
    `(?:photo|picture|pic|image|scan|screenshot|copy|photocopy)s?${W}of${W}(?:the${W}(?:front|back)${W}(?:and${W}(?:front|back)${W})?of${W})?` +
      `(?:your|the|ur)${W}${BRAND}?card(?!${W}(?:statement|agreement|terms|benefits|account|holder|member))`,
  ],
  security_code: [
    `${acronym('cvv')}2?`,
    `${acronym('cvc')}2?`,
    `${acronym('cv')}2`,
    acronym('ccv'),
    acronym('cid'),
    acronym('csc'),
    acronym('cvn'),
    'cvd',
    `card${W}(?:security|verification)${W}(?:code|value|number)s?`,
    `verification${W}value`,
    `(?:card${W})?security${W}(?:code|number|digits|value)s?`,
    `(?:3|4|three|four)${J}digits?${W}(?:security${W})?(?:code|number|value|numbers)s?(?:${W}on${W}the${W}(?:front|${SIDE}))?`,
    `(?:3|4|three|four)${J}digits?${W}on${W}the${W}(?:front|${SIDE})`,
    `(?:code|number|numbers|digits)${W}(?:on|at)${W}the${W}${SIDE}`,
  ],
  pin: [`${acronym('pin')}(?:s|'s)?(?:${J}(?:number|code|#))?`, `personal${W}identification${W}number`],
  one_time_code: [
    acronym('otp') + 's?',
    `(?:one|1)${J}time${J}(?:pass${J}code|pass${J}word|pin|code|pass|number|key|token|security${W}code|verification${W}code)s?`,
    `(?:verification|verify|authentication|authenticator|2fa|mfa|two${J}factor(?:${W}auth(?:entication)?)?|(?:2|two)${J}step(?:${W}verification)?` +
      `|sms|text|login|log${J}in|sign${J}in|access)${W}(?:code|number|pin|pass${J}code|key|token)s?`,
    `(?:(?:security|confirmation|access|auth|verification|one-time)${W})?codes?${W}(?:(?:that|which)${W})?(?:${WHO}${W}){0,3}${SENT}`,
    `codes?${W}(?:from|in|on)${W}(?:the|your|that|this|our)${W}${CHANNEL}`,
    `(?:sent|texted|emailed|messaged)${W}(?:you${W}|to${W}you${W})?(?:a|an|the)${W}(?:[a-z0-9-]{1,15}${W})?codes?`,
    `(?:4|5|6|7|8|four|five|six|seven|eight)${J}digits?${W}(?:code|pass${J}code)s?`,
    `(?:text|sms|message|email|e-mail)s?(?:${W}message)?${W}(?:with|containing)${W}(?:the|your|a|that)${W}(?:[a-z-]{1,15}${W})?codes?`,
  ],
  password: [
    `pass${J}words?`,
    'passwd|pwd|pasword|passowrd|passwrd|paswd|pa[s$5]{2}w[o0]rd',
    `pass${J}phrases?`,
    `pass${J}codes?`,
    `(?:log${J}in|sign${J}in|online${W}banking|banking|account)${W}(?:credentials|details|info)`,
    'credentials',
    `memorable${W}(?:word|information|info)`,
  ],
};

const TARGETS = Object.entries(SOURCES).flatMap(([kind, sources]) =>
  sources.map((s) => ({ kind: kind as SensitiveRequestKind, re: new RegExp(`(?<![a-z0-9])(?:${s})(?:'s|s)?(?![a-z])`, 'g') })),
);

// "the last 4 digits of your card number", "first six digits": PCI DSS 3.4.1 lets us see those.
const PARTIAL_BEFORE = new RegExp(
  `(?:last|final|first)${W}(?:4|four|6|six|2|two|few)${W}(?:digits?|numbers?|numerals?)?${J}(?:(?:of|on|from|in)${W})?(?:(?:your|the|ur)${W})?$`,
);
const PARTIAL_AFTER = new RegExp(`^${W}(?:ending|ends|that${W}ends|on${W}file|you${W}(?:have${W})?on${W}file)`);
// Compounds that are not the secret itself: "PIN reset", "password requirements", "code expired".
const COMPOUND_AFTER = new RegExp(
  `^${J}(?:change|changes|reset|request|mailer|letter|lock|locked|unlock|settings?|reminder|attempts?|tries|pad|entry|` +
    'setup|set-up|status|recovery|requirements?|policy|manager|strength|options?|feature|prompt|field|screen|expir\\w*)(?![a-z])',
);
// "a new PIN", "another code": something to be issued, not the cardholder's secret.
const INDEFINITE_BEFORE = /(?:^|[^a-z])(?:a|an|another)\s+(?:new\s+|temporary\s+|fresh\s+|different\s+)?$/;

/** Every target in the text, earliest first, the longer one winning where two overlap. */
export function findTargets(text: string): Target[] {
  const all: Target[] = [];
  for (const { kind, re } of TARGETS) {
    for (const m of text.matchAll(re)) all.push({ kind, start: m.index, end: m.index + m[0].length });
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Target[] = [];
  for (const t of all) {
    const last = kept[kept.length - 1];
    if (last && t.start < last.end) continue;
    kept.push(t);
  }
  return kept.filter((t) => {
    const before = text.slice(Math.max(0, t.start - 60), t.start);
    const after = text.slice(t.end, t.end + 40);
    if (PARTIAL_BEFORE.test(before) || (t.kind === 'card_number' && PARTIAL_AFTER.test(after))) return false;
    if (t.kind !== 'card_number' && t.kind !== 'security_code' && COMPOUND_AFTER.test(after)) return false;
    if ((t.kind === 'pin' || t.kind === 'password' || t.kind === 'one_time_code') && INDEFINITE_BEFORE.test(before)) return false;
    return true;
  });
}

const REFERENCE =
  /(?<![a-z])(?:(?:the|that|this|those|these)\s+(codes?|digits|numbers?)(?![a-z])(?!\s+(?:for|at|where|of|to\s+call|(?:you|we)\s+(?:can|should)\s+call))|(it|them)(?![a-z]))/g;

/** Words that may point back at a secret named earlier ("please reply with it", "read me the code"). */
export function findReferences(text: string): Reference[] {
  return [...text.matchAll(REFERENCE)].map((m) => ({
    nouns: m[1] ? (m[1].startsWith('code') ? 'code' : 'number') : 'any',
    start: m.index,
    end: m.index + m[0].length,
  }));
}
