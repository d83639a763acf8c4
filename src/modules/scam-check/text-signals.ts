/**
 * The warning signs of a scam message, found in latinized text (skeleton.ts): pressure and threats, requests
 * to move money, pay in gift cards, crypto or wire transfers, install remote-access apps, "verify your
 * account", prizes, and requests for personal data. Requests for a card number, CVV, PIN, one-time code or
 * password are found by the safety module (check-text.ts); `findSecretRequests` adds the verbs scammers use
 * that an agent's reply never would ("verify your card number", "tell the agent the code").
 *
 * A sign counts only when no negation stands before it in its sentence ("we will never ask you to move money").
 * Every pattern is bounded: a 10,000-character message costs linear time.
 */
import type { SensitiveRequestKind } from '../safety/index.ts';
import type { ReasonCode } from './scam-check.types.ts';

// LIMITATION: English only, and a sign split across sentences ("Buy gift cards. Then send me the codes.")
// is read sentence by sentence.

export type Signal = { code: ReasonCode; quote: string };

type Rule = { code: ReasonCode; patterns: RegExp[]; needs?: RegExp };

const NUM = '(?:\\d{1,3}|one|two|three|six|twelve|twenty[- ]four|forty[- ]eight|seventy[- ]two)';
const PAY_VERB = /\b(?:pay|paying|payment|send|sending|transfer|deposit|buy|purchase|wire|move|load|fund|top up)\b/;
const ASK_VERB =
  /\b(?:send|provide|give|confirm|enter|reply|respond|tell|verify|update|submit|share|type|need|needs|require|required|fill|input|key in|read|upload|attach|what'?s|what is|call|text|email|e-mail)\b/;

const RULES: Rule[] = [
  {
    code: 'urgency_pressure',
    patterns: [
      new RegExp(`\\bwithin (?:the next )?${NUM} ?(?:hours?|hrs?|minutes?|mins?|days?|business days?)\\b`),
      new RegExp(`\\b(?:in the next|only) ${NUM} ?(?:hours?|hrs?|minutes?|mins?)(?: left| remaining)?\\b`),
      /\b(?:immediately|immediate action|urgent(?:ly)?|right away|act now|asap|as soon as possible|without delay|time[- ]sensitive|act fast|act quickly|respond now|reply now|call now|verify now|before it'?s too late|don'?t delay)\b/,
      /\b(?:final|last) (?:notice|warning|reminder|chance|attempt|opportunity)\b/,
      /\b(?:expires?|expiring|ends) (?:today|tonight|soon|in \d{1,3}|at midnight)\b|\btoday only\b|\bbefore (?:midnight|end of (?:the )?day|the end of (?:the )?day)\b/,
      /\bfailure to (?:respond|verify|comply|act|confirm|update|pay|reply)\b|\bif you do not (?:respond|verify|act|confirm|reply)\b/,
    ],
  },
  {
    code: 'threatens_account',
    patterns: [
      /\b(?:account|card|access|service|membership|profile|online banking)s?\b[^.!?\n]{0,40}?\b(?:will|shall|would|may|might|could|is going to|are going to)\b(?: [a-z]+){0,2}? (?:be )?(?:permanently |temporarily |immediately )?(?:closed|suspended|locked|blocked|terminated|deactivated|disabled|frozen|restricted|cancell?ed|limited|deleted|revoked|put on hold)\b/,
      /\b(?:account|card|access)s? (?:(?:is|are|was|were|got|has been|have been|now|temporarily|permanently|currently) ){0,2}(?:suspended|locked|blocked|restricted|disabled|frozen|deactivated|compromised|on hold)\b/,
      /\b(?:account|card|access|service|membership|profile)s? (?:has|have) been (?:temporarily |permanently )?(?:suspended|locked|blocked|restricted|limited|disabled|frozen|deactivated|compromised|hacked|closed|put on hold|flagged)\b/,
      /\bto avoid (?:the )?(?:suspension|closure|termination|deactivation|cancellation|penalt[a-z]*|legal action|arrest|late fees?|charges|being (?:locked|suspended|charged)|losing)\b/,
      /\b(?:legal action|arrest(?:ed)?|warrant|lawsuit|prosecut[a-z]*|criminal charges)\b/,
    ],
  },
  {
    code: 'asks_to_move_money',
    patterns: [
      /\b(?:transfer|move|wire|send|deposit)\b[^.!?\n]{0,50}\b(?:safe|secure[d]?|protected|new|holding|temporary|escrow|reserve|verification)\s+(?:bank\s+)?(?:account|wallet|location)\b/,
      /\bsafe (?:account|wallet)\b/,
      /\b(?:withdraw|take out)\b[^.!?\n]{0,30}\bcash\b/,
      /\b(?:send|transfer|wire)\b[^.!?\n]{0,20}\b(?:money|funds|savings|payment)\b/,
      /\bpay (?:a|the|an|us a|us the) (?:small |one-time |processing |release |unlock )?(?:fee|fine|tax|charge|deposit|penalty)\b/,
      /\brefund the (?:difference|overpayment|excess|extra)\b/,
    ],
  },
  {
    code: 'asks_for_gift_cards',
    patterns: [
      /\b(?:pay|payment|paying|settle|fee|fine|bail|tax(?:es)?)\b[^.!?\n]{0,50}\bgift ?cards?\b/,
      /\bgift ?cards?\b[^.!?\n]{0,40}\b(?:to pay|as payment|for payment|to settle)\b/,
      /\b(?:buy|purchase|pick up)\b[^.!?\n]{0,40}\bgift ?cards?\b[^.!?\n]{0,80}\b(?:send|text|read|give|share|call|codes?|numbers?|pins?|photos?|pictures?)\b/,
      /\bgift ?cards?\b[^.!?\n]{0,60}\b(?:send|text|read|give|share|scratch|photo|picture)\b[^.!?\n]{0,40}\b(?:codes?|numbers?|pins?|back)\b/,
      /\b(?:itunes|apple|google play|steam|amazon|razer gold|vanilla|ebay|target|walmart) (?:gift )?cards?\b/,
    ],
    needs: /\b(?:buy|purchase|pick up|send|pay|payment|codes?|scratch|read)\b/,
  },
  {
    code: 'asks_for_unusual_payment',
    patterns: [/\b(?:bitcoin|btc|crypto(?:currency|currencies)?|usdt|tether|ethereum|western union|moneygram|wire transfer|zelle|venmo|cash ?app|paypal friends)\b/],
    needs: PAY_VERB,
  },
  {
    code: 'asks_to_install_remote_access',
    patterns: [
      /\b(?:anydesk|any desk|teamviewer|team viewer|ultraviewer|quick ?support|quick ?assist|logmein|supremo|rustdesk|splashtop|screenconnect|connectwise|ammyy|aeroadmin|zoho assist|remote ?pc|remote utilities)\b/,
      /\bremote (?:access|control|desktop|support|assistance)\b/,
      /\bshare your screen\b|\bscreen[- ]?shar(?:e|ing)\b/,
      /\b(?:install|download)\b[^.!?\n]{0,40}(?:\bapk\b|\.exe\b|\bsupport (?:app|tool)\b|\bsecurity (?:app|software|update|tool)\b|\bremote\b)/,
    ],
  },
  {
    code: 'too_good_to_be_true',
    patterns: [
      /\byou(?:'ve| have)? (?:won|been selected)\b|\b(?:lottery|sweepstakes|jackpot|inheritance|unclaimed (?:funds|money|refund)|cash prize)\b/,
      /\bclaim (?:your|the|a) (?:reward|refund|prize|gift|bonus|cashback|cash back|compensation)\b|\b(?:tax|pending) refund\b|\boverpa(?:id|yment)\b/,
    ],
  },
  {
    code: 'asks_to_verify_details',
    patterns: [
      /\b(?:verify|confirm|validate|update|re-?activate|restore|reconfirm|re-?enter|authenticate|unfreeze|unsuspend)\b (?:your |the )?(?:[a-z]+ ){0,2}?(?:account|identity|details|information|info|billing|payment|profile|personal data|credentials|access)\b/,
      /\b(?:click|tap|follow|open|visit)\b[^.!?\n]{0,30}\b(?:link|here|below|button)\b[^.!?\n]{0,40}\b(?:verify|confirm|update|restore|unlock|secure|reactivate|avoid)\b/,
    ],
  },
  {
    code: 'asks_for_personal_data',
    patterns: [
      /\b(?:social security(?: number)?|ssn|date of birth|dob|mother'?s maiden name|security (?:questions?|answers?)|routing number|bank account (?:number|details)|driver'?s licen[cs]e|passport (?:number|copy|photo)|(?:online banking|login|log-in|sign-in|user) (?:id|details|credentials|name)|username)\b/,
    ],
    needs: ASK_VERB,
  },
];

const NEGATION = /\b(?:never|not|no|don'?t|do not|won'?t|will not|cannot|can'?t|shouldn'?t|should not|nobody|no one|neither|nor)\b/;

/** Sentences of latinized text; dots inside names and numbers ("americanexpress.com", "$1.50") do not split. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+|;\s*/).map((s) => s.trim()).filter(Boolean);
}

function quoteOf(match: string): string {
  const q = match.trim().replace(/\s+/g, ' ');
  return q.length > 60 ? `${q.slice(0, 57)}…` : q;
}

/** Every kind of sign in the text, with the first words that showed it. */
export function findSignals(latinText: string): Signal[] {
  const found = new Map<ReasonCode, string>();
  for (const sentence of sentences(latinText)) {
    for (const rule of RULES) {
      if (found.has(rule.code)) continue;
      if (rule.needs && !rule.needs.test(sentence)) continue;
      for (const re of rule.patterns) {
        const m = re.exec(sentence);
        if (m && !NEGATION.test(sentence.slice(0, m.index))) {
          found.set(rule.code, quoteOf(m[0]));
          break;
        }
      }
    }
  }
  return [...found].map(([code, quote]) => ({ code, quote }));
}

// The verbs of a scam's request ("verify", "tell the agent", "log in with"), and what they ask for.
const SCAM_VERB =
  /\b(?:verify|confirm|validate|update|re-?enter|enter|provide|submit|tell|read(?: out| back)?|give|share|send|reply(?: with)?|type|key in|input|fill in|log ?in with|sign ?in with|with your)\b/;
const SECRETS: Array<[SensitiveRequestKind, RegExp]> = [
  ['card_number', /\b(?:(?:full |complete |16[- ]digit )?card (?:number|details|info(?:rmation)?)|full card|16[- ]digit (?:number|card))\b/],
  ['security_code', /\b(?:cvv2?|cvc2?|cid|csc|security code|(?:3|4|three|four)[- ]digit (?:security )?code)\b/],
  ['pin', /\b(?:pin|pin number|pin code)\b/],
  ['one_time_code', /\b(?:one[- ]time (?:code|passcode|password|pin)|otp|verification code|(?:text|sms|security|access|authentication|login) code|(?:4|5|6|8|four|five|six|eight)[- ]digit code|code (?:we|you|that we|that you) (?:just )?(?:sent|received|texted|got))\b/],
  ['password', /\b(?:password|passcode|passphrase|login details|log-?in details)\b/],
];

/** Card data asked for with a scammer's verb, sentence by sentence, unless negated before the verb. */
export function findSecretRequests(latinText: string): SensitiveRequestKind[] {
  const kinds = new Set<SensitiveRequestKind>();
  for (const sentence of sentences(latinText)) {
    const verb = SCAM_VERB.exec(sentence);
    if (!verb || NEGATION.test(sentence.slice(0, verb.index))) continue;
    const after = sentence.slice(verb.index);
    for (const [kind, re] of SECRETS) if (re.test(after)) kinds.add(kind);
  }
  return [...kinds];
}
