/**
 * Checking a pasted message. The text is redacted first (safety module: card numbers masked, CVVs, PINs,
 * one-time codes and SSNs removed), and everything after works on the redacted text, so nothing we quote
 * back can carry a card number. A message is suspicious when it asks for what we never ask for, pressures,
 * threatens, asks to move money or pay in odd ways, asks to install remote-access apps, or points to a link,
 * address or number that is not ours; each reason names what was found.
 */
import { detectOutboundSensitiveRequest, redactInbound, type SensitiveRequestKind } from '../safety/index.ts';
import type { BrandIndex } from './brand-index.ts';
import { checkEmail } from './check-email.ts';
import { checkPhone, homeRegion } from './check-phone.ts';
import { checkUrl } from './check-url.ts';
import { findContacts } from './find-contacts.ts';
import type { Finding, ReasonCode, Verdict } from './scam-check.types.ts';
import { latinize } from './skeleton.ts';
import { findSecretRequests, findSignals, sentences } from './text-signals.ts';

export type TextCheck = { verdict: Verdict; findings: Finding[] };

const NEVER_ASK = 'We never ask for your full card number, CVV/CID, PIN, password or a one-time code in a message, call or e-mail';

const SECRET: Record<SensitiveRequestKind, { code: ReasonCode; noun: string }> = {
  card_number: { code: 'asks_for_card_number', noun: 'your full card number' },
  security_code: { code: 'asks_for_security_code', noun: 'your card security code (CVV/CID)' },
  pin: { code: 'asks_for_pin', noun: 'your PIN' },
  one_time_code: { code: 'asks_for_one_time_code', noun: 'a one-time code' },
  password: { code: 'asks_for_password', noun: 'your password' },
};

const SIGNAL_MESSAGE: Partial<Record<ReasonCode, (quote: string) => string>> = {
  urgency_pressure: (q) => `It pressures you to act fast (“${q}”); scammers rush you so that you don't stop to check`,
  threatens_account: (q) => `It threatens your account or card (“${q}”) to scare you into acting`,
  asks_to_move_money: (q) => `It asks you to move or send money (“${q}”); we never ask you to move money to keep it safe`,
  asks_for_gift_cards: (q) => `It asks for gift cards (“${q}”); no bank or company takes payment in gift cards`,
  asks_for_unusual_payment: (q) => `It asks for payment by crypto, wire transfer or a payment app (“${q}”); we never ask for that`,
  asks_to_install_remote_access: (q) => `It asks you to install a remote-access app or share your screen (“${q}”), which lets a stranger control your device`,
  too_good_to_be_true: (q) => `It offers a prize, refund or reward (“${q}”) to get you to act`,
  asks_to_verify_details: (q) => `It asks you to verify or update your details through the message (“${q}”); do that only by signing in on our site yourself`,
  asks_for_personal_data: (q) => `It asks for personal details (“${q}”) that we would not ask for in a message`,
};

// A cheap filter before the detector: a sentence naming none of these words asks for none of the secrets.
const MAY_NAME_SECRET = /cv|cid|csc|pin|code|pass|card|otp|digit|secur|credential|number|pan\b|verif/i;
const SOCIAL_SECURITY = /social[\s-]+security(?:[\s-]+(?:number|no\.?|#))?/gi;

/** Every secret the message asks for: the safety detector per sentence and on the whole, plus scam verbs. */
function secretRequests(text: string, latinText: string): SensitiveRequestKind[] {
  // "Social Security number" is personal data (asks_for_personal_data), not a card's security number.
  const redacted = text.replace(SOCIAL_SECURITY, 'SSN');
  const latin = latinText.replace(SOCIAL_SECURITY, 'ssn');
  const kinds = new Set<SensitiveRequestKind>();
  const whole = detectOutboundSensitiveRequest(redacted);
  if (whole) kinds.add(whole.kind);
  // Sentence by sentence as well, to name every kind asked for (the detector stops at the first).
  for (const sentence of sentences(redacted).slice(0, 200)) {
    if (!MAY_NAME_SECRET.test(sentence)) continue;
    const hit = detectOutboundSensitiveRequest(sentence);
    if (hit) kinds.add(hit.kind);
  }
  for (const kind of findSecretRequests(latin)) kinds.add(kind);
  return (Object.keys(SECRET) as SensitiveRequestKind[]).filter((k) => kinds.has(k));
}

function contactFindings(redacted: string, index: BrandIndex): Finding[] {
  const contacts = findContacts(redacted, homeRegion(index));
  const findings: Finding[] = [];
  for (const url of contacts.urls) findings.push(...checkUrl(url, index, 'text').findings);
  for (const email of contacts.emails) findings.push(...checkEmail(email, index).findings.map((f) => ({ ...f, field: 'text' as const })));
  for (const phone of contacts.phones) findings.push(...checkPhone(phone, index, 'text').findings);
  return findings;
}

const CONTACT_WARNINGS: Verdict[] = ['not_official', 'suspicious', 'lookalike'];

export function checkText(text: string, index: BrandIndex): TextCheck {
  const redaction = redactInbound(text);
  const redacted = redaction.text;
  const latin = latinize(redacted);
  const findings: Finding[] = [];

  for (const kind of secretRequests(redacted, latin)) {
    findings.push({ code: SECRET[kind].code, implies: 'suspicious', field: 'text', message: `It asks for ${SECRET[kind].noun}. ${NEVER_ASK}` });
  }
  for (const signal of findSignals(latin)) {
    findings.push({ code: signal.code, implies: 'suspicious', field: 'text', message: SIGNAL_MESSAGE[signal.code]?.(signal.quote) ?? signal.quote });
  }
  const contacts = contactFindings(redacted, index);
  findings.push(...contacts);
  if (redaction.findings.length > 0) {
    findings.push({
      code: 'card_data_in_message',
      implies: 'unknown',
      field: 'text',
      message: 'The message contains card data (such as a card number or a code); we removed it and never show it back. Never send it to anyone who contacted you',
    });
  }

  const isWarning = findings.some((f) => f.implies === 'suspicious' || CONTACT_WARNINGS.includes(f.implies) || f.code === 'url_shortener');
  if (isWarning) return { verdict: 'suspicious', findings };
  if (contacts.some((f) => f.implies === 'official')) return { verdict: 'official', findings };
  findings.push({
    code: 'no_warning_signs',
    implies: 'unknown',
    field: 'text',
    message:
      'We found no warning signs, but a message cannot be proven genuine by its words alone. If it asks you to do anything, reach us yourself through our site, app or the number on your card',
  });
  return { verdict: 'unknown', findings };
}
