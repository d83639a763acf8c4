/**
 * Is this host name ours, and if not, does it imitate us? Compared by registrable domain (the public-suffix
 * list, via tldts): a host is official when it is an official domain or a subdomain of one. Anything else is
 * searched for the ways look-alike domains are made (see the cases in check-host.test.ts).
 */
import { domainToASCII, domainToUnicode } from 'node:url';
import { parse } from 'tldts';
import { type BrandIndex, type BrandName, isOfficialHost, officialDomainList, type OfficialDomain } from './brand-index.ts';
import { editDistance, substringDistance } from './edit-distance.ts';
import type { Field, Finding, ReasonCode, Verdict } from './scam-check.types.ts';
import { isMixedScript, joined, scriptsOf, skeleton } from './skeleton.ts';

export type HostCheck = {
  /** The host as compared: ASCII (punycode) form, lower case, no trailing dot; '' when it is not a host name. */
  ascii: string;
  /** What a reader sees: the Unicode form, with the ASCII form in brackets when they differ. */
  shown: string;
  isOfficial: boolean;
  findings: Finding[];
};

/** Edits allowed between a label and an official name of this length ("relative to length"). */
export function allowedEdits(length: number): number {
  return length >= 10 ? 2 : length >= 5 ? 1 : 0;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** ASCII and Unicode forms of a host (IDNA/UTS 46 as browsers apply it), or null when it is not a valid name. */
export function hostForms(raw: string): { ascii: string; unicode: string } | null {
  const trimmed = raw.trim().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (!trimmed || /[\s/\\?#@]/.test(trimmed)) return null;
  if (trimmed.includes(':')) return { ascii: trimmed.toLowerCase(), unicode: trimmed.toLowerCase() }; // IPv6
  const ascii = domainToASCII(trimmed);
  if (!ascii) return null;
  return { ascii, unicode: domainToUnicode(ascii) || ascii };
}

export function isIpAddress(ascii: string): boolean {
  return IPV4.test(ascii) || ascii.includes(':');
}

type Context = { index: BrandIndex; field: Field; shown: string; add: (code: ReasonCode, implies: Verdict, message: string) => void };

function hasNonAscii(text: string): boolean {
  return /[^\x00-\x7f]/.test(text);
}

/** The registrable label compared with each official domain's name: same name, look-alike, typo. */
function compareWithOfficialNames(ctx: Context, label: string, asciiLabel: string, suffix: string): boolean {
  const list = officialDomainList(ctx.index);
  const sk = joined(label);
  for (const d of ctx.index.domains) {
    if (asciiLabel === d.name || label === d.name) {
      ctx.add('tld_swap', 'lookalike', `${ctx.shown} uses our name with a different ending (.${suffix}); our web address is ${list}, so this one is not ours`);
      return true;
    }
    if (sk === d.nameSkeleton) {
      if (hasNonAscii(label)) {
        ctx.add('homoglyph_domain', 'lookalike', `${ctx.shown} looks like ${d.domain} but is spelled with look-alike letters from another alphabet; it is not ours`);
      } else {
        ctx.add('lookalike_domain', 'lookalike', `${ctx.shown} looks like ${d.domain} but is not ours`);
      }
      return true;
    }
    const max = allowedEdits(d.name.length);
    if (max > 0 && Math.min(editDistance(asciiLabel, d.name, max), editDistance(sk, d.nameSkeleton, max)) <= max) {
      ctx.add(hasNonAscii(label) ? 'homoglyph_domain' : 'lookalike_domain', 'lookalike', `${ctx.shown} looks like ${d.domain} but is not ours`);
      return true;
    }
  }
  return false;
}

/** A brand name inside a label: anywhere for long names (also with a slip or two), at a word's ends for short. */
export function findBrandIn(label: string, names: BrandName[]): BrandName | null {
  const sk = joined(label);
  const words = label.split(/[-_.]+/).filter(Boolean).map(joined);
  for (const n of names) {
    if (n.isLong) {
      const max = allowedEdits(n.plain.length) > 1 ? 1 : 0;
      if (substringDistance(n.skeleton, sk, max) <= max) return n;
    } else if (words.some((w) => w === n.skeleton || (n.skeleton.length >= 4 && (w.startsWith(n.skeleton) || w.endsWith(n.skeleton))))) {
      return n;
    }
  }
  return null;
}

function officialDomainInside(text: string, domains: OfficialDomain[]): OfficialDomain | null {
  const flat = skeleton(text).replace(/[-_]/g, '.');
  return domains.find((d) => flat.includes(skeleton(d.domain))) ?? null;
}

function checkSubdomain(ctx: Context, subdomain: string, registrable: string): boolean {
  if (!subdomain) return false;
  const asDomain = officialDomainInside(subdomain, ctx.index.domains);
  const name = asDomain ? null : subdomain.split('.').map((l) => findBrandIn(l, ctx.index.names)).find(Boolean);
  if (!asDomain && !name) return false;
  const what = asDomain ? asDomain.domain : `our name “${name!.label}”`;
  ctx.add('brand_in_subdomain', 'lookalike', `${ctx.shown} puts ${what} in front of another site to look like us; the real site is ${registrable}, which is not ours`);
  return true;
}

function scriptReasons(ctx: Context, labels: string[], isImitation: boolean): void {
  const mixed = labels.find((l) => isMixedScript(l));
  if (mixed) {
    const scripts = scriptsOf(mixed).join(' and ');
    ctx.add('mixed_scripts', isImitation ? 'lookalike' : 'suspicious', `${ctx.shown} mixes ${scripts} letters in one name, a trick used to imitate real addresses`);
  }
}

/** Checks one host name (Unicode or ASCII, any case) against the official domains and the brand's names. */
export function checkHost(rawHost: string, index: BrandIndex, field: Field): HostCheck {
  const findings: Finding[] = [];
  const forms = hostForms(rawHost);
  if (!forms) {
    findings.push({ code: 'url_invalid', implies: 'unknown', field, message: 'This is not a web address or domain we can read' });
    return { ascii: '', shown: '', isOfficial: false, findings };
  }
  const { ascii, unicode } = forms;
  const shown = unicode !== ascii ? `${unicode} (${ascii})` : ascii;
  const add = (code: ReasonCode, implies: Verdict, message: string) => {
    if (!findings.some((f) => f.code === code)) findings.push({ code, implies, field, message });
  };
  const ctx: Context = { index, field, shown, add };
  const list = officialDomainList(index);

  if (isIpAddress(ascii)) {
    add('ip_address_host', 'suspicious', `${shown} is a bare IP address, not a name; we never send links like this (ours are on ${list})`);
    return { ascii, shown, isOfficial: false, findings };
  }
  if (isOfficialHost(index, ascii)) {
    const registrable = parse(ascii).domain ?? ascii;
    add('official_domain', 'official', `${shown} is ours (${registrable})`);
    return { ascii, shown, isOfficial: true, findings };
  }

  const parsed = parse(ascii);
  if (!parsed.domain || !parsed.domainWithoutSuffix || !parsed.publicSuffix) {
    const isBrand = findBrandIn(unicode, index.names);
    if (isBrand) add('brand_in_domain', 'lookalike', `${shown} uses our name “${isBrand.label}” but is not one of our domains (${list})`);
    else add('no_registrable_domain', 'unknown', `${shown} is not a complete web address (no domain ending such as .com); ours is ${list}`);
    return { ascii, shown, isOfficial: false, findings };
  }
  const registrable = domainToUnicode(parsed.domain) || parsed.domain;
  const label = domainToUnicode(parsed.domainWithoutSuffix) || parsed.domainWithoutSuffix;
  const subdomain = parsed.subdomain ? domainToUnicode(parsed.subdomain) || parsed.subdomain : '';

  let isImitation = compareWithOfficialNames(ctx, label, parsed.domainWithoutSuffix, parsed.publicSuffix);
  if (!isImitation) {
    const name = findBrandIn(label, index.names);
    if (name) {
      add('brand_in_domain', 'lookalike', `${shown} uses our name “${name.label}” but is not one of our domains (${list})`);
      isImitation = true;
    }
  }
  if (checkSubdomain(ctx, subdomain, registrable)) isImitation = true;
  scriptReasons(ctx, unicode.split('.'), isImitation);
  if (ascii.split('.').some((l) => l.startsWith('xn--')) && !findings.some((f) => f.code === 'homoglyph_domain')) {
    add('internationalized_domain', isImitation ? 'lookalike' : 'not_official', `${ascii} is an internationalized name that shows as ${unicode}`);
  }
  if (!isImitation) add('domain_not_official', 'not_official', `${shown} is not one of our domains (ours: ${list})`);
  return { ascii, shown, isOfficial: false, findings };
}
