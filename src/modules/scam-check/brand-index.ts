/**
 * What the scam check compares against, derived once from the issuer profile (DESIGN capability 1): official
 * domains and their names, the brand's names, the hotlines by E.164 number, the e-mail addresses the profile
 * lists. Pure data; cached per profile object.
 */
import { parse } from 'tldts';
import type { IssuerProfile } from '../directory/index.ts';
import { joined } from './skeleton.ts';
import type { Hotline } from './scam-check.types.ts';

export type BrandName = {
  /** How people write it: "American Express", "Amex", "americanexpress" (from the domain). */
  label: string;
  /** Lower-case letters and digits only. */
  plain: string;
  /** Look-alike skeleton of `plain` (skeleton.ts). */
  skeleton: string;
  /** Long names are found anywhere inside a label; short ones only as a whole word or at its ends. */
  isLong: boolean;
};

export type OfficialDomain = { domain: string; name: string; nameSkeleton: string };

export type BrandIndex = {
  issuerName: string;
  country: string;
  domains: OfficialDomain[];
  names: BrandName[];
  hotlines: Map<string, Hotline[]>;
  defaultHotline: Hotline;
  emails: Map<string, { official: boolean; note?: string; purpose: string }>;
  securityAdvice: string[];
};

const LONG_NAME = 6;

function brandName(label: string): BrandName | null {
  const plain = label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
  if (plain.length < 3) return null;
  return { label, plain, skeleton: joined(plain), isLong: plain.length >= LONG_NAME };
}

function hotlineOf(line: IssuerProfile['productLines'][number]): Hotline {
  return { productLine: line.id, name: line.name, phone: line.hotline.phone, display: line.hotline.display };
}

function build(profile: IssuerProfile): BrandIndex {
  const domains = profile.officialDomains.map((d) => {
    const domain = d.toLowerCase();
    const name = parse(domain).domainWithoutSuffix || domain.split('.')[0] || domain;
    return { domain, name, nameSkeleton: joined(name) };
  });
  const candidates = [profile.issuer.name, ...profile.issuer.alsoKnownAs, ...domains.map((d) => d.name)];
  const names: BrandName[] = [];
  for (const label of candidates) {
    const name = brandName(label);
    if (name && !names.some((n) => n.plain === name.plain)) names.push(name);
  }
  const hotlines = new Map<string, Hotline[]>();
  for (const line of profile.productLines) {
    const list = hotlines.get(line.hotline.phone) ?? [];
    list.push(hotlineOf(line));
    hotlines.set(line.hotline.phone, list);
  }
  const emails = new Map(profile.emailAddresses.map((e) => [e.address.toLowerCase(), { official: e.official, note: e.note, purpose: e.purpose }]));
  return {
    issuerName: profile.issuer.name,
    country: profile.issuer.country,
    domains,
    names,
    hotlines,
    defaultHotline: hotlineOf(profile.productLines[0]!),
    emails,
    securityAdvice: profile.securityAdvice,
  };
}

const cache = new WeakMap<IssuerProfile, BrandIndex>();

export function brandIndex(profile: IssuerProfile): BrandIndex {
  let index = cache.get(profile);
  if (!index) {
    index = build(profile);
    cache.set(profile, index);
  }
  return index;
}

/** "americanexpress.com" or "americanexpress.com and amex.com". */
export function officialDomainList(index: BrandIndex): string {
  const all = index.domains.map((d) => d.domain);
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
}

/** Whether `host` (ASCII, lower case, no trailing dot) is an official domain or one of its subdomains. */
export function isOfficialHost(index: BrandIndex, host: string): boolean {
  return index.domains.some((d) => host === d.domain || host.endsWith(`.${d.domain}`));
}
