/**
 * The scam check (DESIGN capability 12, issue 7 item 4): does this phone number, e-mail address, web address
 * or pasted message really come from the issuer? A pure function of the input and the issuer profile.
 * Each field is checked on its own (check-*.ts); the answer is the strongest warning among them. Nothing in
 * the answer can carry a card number: text is redacted before it is read, and every string in the answer is
 * passed through the card-number mask once more on the way out (PCI DSS 3.4.1).
 */
import type { IssuerProfile } from '../directory/index.ts';
import { maskPans } from '../../platform/pan.ts';
import { whatToDo } from './advice.ts';
import { brandIndex } from './brand-index.ts';
import { checkEmail } from './check-email.ts';
import { checkPhone } from './check-phone.ts';
import { checkText } from './check-text.ts';
import { checkUrl } from './check-url.ts';
import { type Field, type Finding, type Hotline, type ScamCheckInput, type ScamCheckResult, strongest, type Verdict, VERDICT_RANK } from './scam-check.types.ts';

const FIELD_ORDER: Field[] = ['phone', 'email', 'url', 'text'];

function present(value: string | undefined): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function scrub(text: string): string {
  return maskPans(text).text;
}

export function checkScam(input: ScamCheckInput, profile: IssuerProfile): ScamCheckResult {
  const index = brandIndex(profile);
  const verdicts: Verdict[] = [];
  const findings: Finding[] = [];
  const checked: ScamCheckResult['checked'] = {};
  let hotline: Hotline | undefined;
  const fields: Field[] = [];

  if (present(input.phone)) {
    const r = checkPhone(input.phone, index);
    fields.push('phone');
    if (r.checked) checked.phone = r.checked;
    hotline = r.hotline;
    verdicts.push(strongest(r.findings.map((f) => f.implies)));
    findings.push(...r.findings);
  }
  if (present(input.email)) {
    const r = checkEmail(input.email, index);
    fields.push('email');
    if (r.checked) checked.email = r.checked;
    verdicts.push(strongest(r.findings.map((f) => f.implies)));
    findings.push(...r.findings);
  }
  if (present(input.url)) {
    const r = checkUrl(input.url, index);
    fields.push('url');
    if (r.checked) checked.url = r.checked;
    verdicts.push(strongest(r.findings.map((f) => f.implies)));
    findings.push(...r.findings);
  }
  if (present(input.text)) {
    const r = checkText(input.text, index);
    fields.push('text');
    verdicts.push(r.verdict);
    findings.push(...r.findings);
  }

  const verdict = strongest(verdicts);
  // Strongest warnings first; within one strength, in the order of the fields and as found.
  const ordered = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => VERDICT_RANK[b.f.implies] - VERDICT_RANK[a.f.implies] || FIELD_ORDER.indexOf(a.f.field) - FIELD_ORDER.indexOf(b.f.field) || a.i - b.i)
    .map(({ f }) => ({ code: f.code, message: scrub(f.message), field: f.field }));

  const safeChecked: ScamCheckResult['checked'] = {};
  for (const [key, value] of Object.entries(checked) as Array<[keyof typeof checked, string]>) {
    const masked = maskPans(value);
    if (key === 'phone' && masked.count > 0) continue; // a "phone number" that is a card number is not shown at all
    safeChecked[key] = masked.text;
  }
  return { verdict, reasons: ordered, checked: safeChecked, whatToDo: whatToDo(verdict, fields, index, hotline) };
}
