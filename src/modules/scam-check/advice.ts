/** What to do next, in plain words, for each verdict, always with an official hotline (DESIGN: a human is one step away). */
import { type BrandIndex, officialDomainList } from './brand-index.ts';
import type { Field, Hotline, Verdict, WhatToDo } from './scam-check.types.ts';

const WHAT: Record<Field, string> = { phone: 'number', email: 'address', url: 'link', text: 'message' };

function thing(fields: Field[]): string {
  return fields.length === 1 ? `this ${WHAT[fields[0]!]}` : 'this';
}

function summary(verdict: Verdict, fields: Field[]): string {
  const it = thing(fields);
  switch (verdict) {
    case 'official':
      return fields.length === 1 && fields[0] === 'text'
        ? 'Everything this message points to is ours, and it asks for nothing we would never ask for.'
        : `Yes, ${it} is ours.`;
    case 'not_official':
      return `No, ${it} is not ours.`;
    case 'lookalike':
      return `Be careful: ${it} is made to look like ours, but it is not. This is how scams imitate us.`;
    case 'suspicious':
      return `Be careful: ${it} has the signs of a scam.`;
    case 'unknown':
      return `We can't confirm that ${it} is ours.`;
  }
}

export function whatToDo(verdict: Verdict, fields: Field[], index: BrandIndex, matched: Hotline | undefined): WhatToDo {
  const hotline = matched ?? index.defaultHotline;
  const call = `call us on ${hotline.display} (${hotline.name}) or the number on the back of your card`;
  const site = `type ${officialDomainList(index)} into your browser yourself or use our app`;
  const never = index.securityAdvice[0] ?? 'We will never ask for your full card number, CVV/CID, PIN, password or a one-time code.';
  const steps: string[] = [];
  switch (verdict) {
    case 'official':
      steps.push(`You can use ${thing(fields)}.`, never);
      break;
    case 'lookalike':
    case 'suspicious':
      steps.push(
        "Don't call back, click, reply, pay or share anything.",
        `If you already shared card details, a PIN, a password or a code, ${call.replace('call us on', 'call us now on')}, so we can lock your card.`,
        `To reach us, ${site}, or ${call} — never through the link or number you were given.`,
        never,
      );
      break;
    case 'not_official':
      steps.push(`Don't share card details, PINs, passwords or codes with it.`, `To reach us, ${site}, or ${call}.`, never);
      break;
    case 'unknown':
      steps.push("Don't act on it until you have checked it yourself.", `To check, ${site}, or ${call}.`, never);
      break;
  }
  return { summary: summary(verdict, fields), steps, hotline };
}
