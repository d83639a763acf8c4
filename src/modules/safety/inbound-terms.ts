/**
 * The words that introduce a security code, a PIN, a one-time code or an SSN in a cardholder's message, as
 * regular-expression sources over folded text (see normalize.ts: lower case, ASCII digits, '-' dashes).
 * PCI DSS 3.3.1: sensitive authentication data (CVV2/CVC2/CID, PIN) is never stored after authorization.
 */
import { acronym, J, W } from './term-patterns.ts';

/** 'security_or_otp' is "security code": a CVV when 3–4 digits follow, a texted code when 5–8 do. */
export type TermKind = 'security_code' | 'security_or_otp' | 'pin' | 'one_time_code' | 'ssn';

/** How many digits a value of each kind has. */
export const DIGITS: Record<TermKind, readonly [number, number]> = {
  security_code: [3, 4], // CVV2/CVC2 3 digits, American Express CID 4
  security_or_otp: [3, 8],
  pin: [4, 12], // ISO 9564-1: 4 to 12 digits
  one_time_code: [4, 8],
  ssn: [9, 9],
};

const SIDE = '(?:back|front|reverse|rear|signature' + W + '(?:panel|strip|box|line))';
const SECURITY = '(?:security|secuirty|securty|secruity|secutiry|sec)';
const VERIFICATION = '(?:verification|verfication|verifcation|verificaton|varification|verify|verifying)';
const TEXTED = '(?:sent|texted|txted|txt\'d|emailed|e-mailed|messaged|received|got|gave|came)';
const WHO = '(?:you|u|they|the' + W + 'bank|your' + W + '(?:bank|team|system|app)|amex|i|we|it|was|were|has' + W + 'been|had' + W + 'been|just|have|ve)';
const CHANNEL = '(?:text|sms|email|e-mail|message|phone|app|authenticator|screen)';

const SOURCES: Record<TermKind, string[]> = {
  security_code: [
    `${acronym('cvv')}(?:2(?![0-9]))?`,
    `${acronym('cvc')}(?:2(?![0-9]))?`,
    `${acronym('cv')}2`,
    acronym('ccv'),
    acronym('cid'),
    acronym('csc'),
    acronym('cvn'),
    'cvd',
    `card${W}(?:security|verification)${W}(?:code|value|number)`,
    `verification${W}value`,
    `(?:3|4|three|four)${J}digits?${W}(?:security${W})?(?:code|number|value|num)s?`,
    `(?:3|4|three|four)${J}digits?${W}(?:on|at)${W}(?:the${W})?${SIDE}`,
    `(?:${SECURITY}${W})?(?:code|number|numbers|digits|nums?)${W}(?:on|at|from|in)${W}(?:the${W})?${SIDE}` +
      `(?:${W}of${W}(?:my|the|your|this)${W}(?:[a-z]{1,12}${W})?card)?`,
  ],
  security_or_otp: [`${SECURITY}${W}(?:code|number|digits|no\\.?|num|#|pin)s?`],
  pin: [`${acronym('pin')}(?:s|'s)?(?:${J}(?:number|num|code|no\\.?|nr|#))?`, `personal${W}identification${W}number`],
  one_time_code: [
    `${acronym('otp')}s?`,
    '(?:2fa|mfa|tfa)',
    `(?:one|1|x)${J}time${J}(?:pass${J}code|pass${J}word|pin|code|pass|number|key|token|${SECURITY}${W}code|${VERIFICATION}${W}code)s?`,
    `(?:${VERIFICATION}|authentication|authenticator|2fa|mfa|two${J}factor(?:${W}auth(?:entication)?)?|(?:2|two)${J}step(?:${W}verification)?` +
      `|sms|text|texted|login|log${J}in|sign${J}in|access)${W}(?:code|number|pin|pass${J}code|key|token)s?`,
    `pass${J}codes?`,
    `(?:(?:${SECURITY}|confirmation|access|auth|${VERIFICATION})${W})?codes?${W}(?:(?:that|which)${W})?(?:${WHO}${W}){0,2}${TEXTED}` +
      `(?:${W}(?:me|to${W}me|to${W}my${W}(?:phone|cell|mobile|email|number)|(?:by|via)${W}(?:text|sms|email)|in${W}(?:a|the)${W}${CHANNEL}))?`,
    `codes?${W}(?:from|in|on)${W}(?:the|your|my|that|this|a)${W}${CHANNEL}(?:${W}(?:message|app))?`,
    `(?:6|8|six|eight)${J}digits?${W}(?:code|pass${J}code)s?`,
  ],
  ssn: [
    `${acronym('ssn')}s?`,
    `ss${J}#`,
    `soc(?:ial)?${J}sec(?:urity)?(?:${W}(?:number|num|no\\.?|#|card))?`,
    `social(?:${J}(?:number|num|no\\.?|#))?`,
  ],
};

const TERMS: Array<{ kind: TermKind; re: RegExp }> = Object.entries(SOURCES).flatMap(([kind, sources]) =>
  sources.map((source) => ({ kind: kind as TermKind, re: new RegExp(`(?<![a-z])(?:${source})(?:'s|s)?(?![a-z])`, 'g') })),
);

export type Term = { kind: TermKind; start: number; end: number };

/** Every introducing word, earliest first; where two overlap the longer one wins ("security code sent by text"). */
export function findTerms(text: string): Term[] {
  const all: Term[] = [];
  for (const { kind, re } of TERMS) {
    // exec, not matchAll, which copies the expression on every call; no term is empty, so lastIndex moves on.
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) all.push({ kind, start: m.index, end: m.index + m[0].length });
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Term[] = [];
  for (const term of all) {
    const last = kept[kept.length - 1];
    if (last && term.start < last.end) continue;
    kept.push(term);
  }
  return kept;
}
