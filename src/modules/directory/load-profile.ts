import { readFileSync } from 'node:fs';
import { Value } from 'typebox/value';
import { IssuerProfile } from './profile.schema.ts';

export class ProfileError extends Error {}

function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '') || '(root)';
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Checks the rules a schema cannot: references, uniqueness, time zones. Returns "field: problem" strings. */
function crossCheck(profile: IssuerProfile): string[] {
  const problems: string[] = [];
  const lineIds = new Set<string>();
  profile.productLines.forEach((line, i) => {
    if (lineIds.has(line.id)) problems.push(`productLines[${i}].id: duplicate id "${line.id}"`);
    lineIds.add(line.id);
    if (line.hours.type === 'weekly') {
      if (!isValidTimeZone(line.hours.timeZone)) problems.push(`productLines[${i}].hours.timeZone: unknown time zone "${line.hours.timeZone}"`);
      line.hours.windows.forEach((w, j) => {
        if (w.open >= w.close) problems.push(`productLines[${i}].hours.windows[${j}]: opens at ${w.open} but closes at ${w.close}`);
      });
    }
  });
  const productIds = new Set<string>();
  profile.cardProducts.forEach((product, i) => {
    if (productIds.has(product.id)) problems.push(`cardProducts[${i}].id: duplicate id "${product.id}"`);
    productIds.add(product.id);
    if (!lineIds.has(product.productLine)) problems.push(`cardProducts[${i}].productLine: no product line "${product.productLine}"`);
  });
  if (!isValidTimeZone(profile.issuer.timeZone)) problems.push(`issuer.timeZone: unknown time zone "${profile.issuer.timeZone}"`);
  if (profile.writtenChannels.filter((c) => c.preferred).length !== 1) {
    problems.push('writtenChannels: exactly one channel must be marked preferred');
  }
  profile.emailAddresses.forEach((e, i) => {
    const domain = e.address.split('@')[1] ?? '';
    const onOfficialDomain = profile.officialDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
    if (e.official && !onOfficialDomain) problems.push(`emailAddresses[${i}].address: marked official but ${domain} is not an official domain`);
  });
  return problems;
}

export function parseProfile(raw: unknown, source = 'issuer profile'): IssuerProfile {
  const errors = Value.Errors(IssuerProfile, raw).filter((e) => e.keyword !== 'boolean');
  if (errors.length > 0) {
    const listed = errors
      .slice(0, 10)
      .map((e) => {
        const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperties?: string[] }).additionalProperties ?? '')})` : '';
        const required = e.keyword === 'required' ? ` (${String((e.params as { requiredProperties?: string[] }).requiredProperties ?? '')})` : '';
        return `${pointerToPath(e.instancePath)}: ${e.message}${extra}${required}`;
      })
      .join('; ');
    throw new ProfileError(`${source} is invalid: ${listed}`);
  }
  const profile = raw as IssuerProfile;
  const problems = crossCheck(profile);
  if (problems.length > 0) throw new ProfileError(`${source} is invalid: ${problems.join('; ')}`);
  return profile;
}

export function loadProfile(file: string): IssuerProfile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ProfileError(`Cannot read the issuer profile ${file}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ProfileError(`Issuer profile ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parseProfile(raw, `Issuer profile ${file}`);
}
