/**
 * Checking an e-mail address: the addresses the profile lists (an address that others cite but that is not
 * ours is answered with its note), then the domain by registrable domain (check-host.ts), then the name shown
 * or the part before "@" borrowing ours on someone else's domain ("americanexpress.alerts@gmail.com").
 */
import type { BrandIndex } from './brand-index.ts';
import { officialDomainList } from './brand-index.ts';
import { checkHost, findBrandIn } from './check-host.ts';
import type { Finding } from './scam-check.types.ts';

export type EmailCheck = { checked: string | undefined; isOfficial: boolean; findings: Finding[] };

// Free mailbox providers: anyone can open "americanexpress.help@…" there.
const FREE_PROVIDERS = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'ymail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'aol.com',
  'icloud.com', 'me.com', 'mail.com', 'gmx.com', 'gmx.net', 'proton.me', 'protonmail.com', 'zoho.com', 'yandex.com',
  'yandex.ru', 'mail.ru', 'qq.com', '163.com', 'inbox.com', 'tutanota.com', 'fastmail.com', 'hushmail.com',
]);

/** "American Express <Alerts@Example.com>", "mailto:a@b.c" or a bare address → its parts. */
export function parseAddress(raw: string): { displayName: string; local: string; domain: string } | null {
  // RFC 5322 comments — "bad@evil.net (americanexpress.com)" — are decoration, not the address.
  const comments = [...raw.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]!.trim());
  let text = raw.replace(/\([^()]*\)/g, ' ').trim().replace(/^mailto:/i, '');
  let displayName = comments.join(' ');
  const angled = /^(.*)<([^<>]+)>\s*$/.exec(text);
  if (angled) {
    displayName = `${angled[1]!.trim().replace(/^"|"$/g, '')} ${displayName}`.trim();
    text = angled[2]!.trim().replace(/^mailto:/i, '');
  }
  text = text.split('?')[0]!;
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return null;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (local.length > 64 || /[\s<>()[\],;:]/.test(local) || /^\.|\.$|\.\./.test(local)) return null;
  return { displayName, local, domain };
}

export function checkEmail(raw: string, index: BrandIndex): EmailCheck {
  const findings: Finding[] = [];
  const parts = parseAddress(raw);
  const host = parts ? checkHost(parts.domain, index, 'email') : null;
  if (!parts || !host || !host.ascii || !host.ascii.includes('.')) {
    findings.push({ code: 'email_invalid', implies: 'unknown', field: 'email', message: 'This is not an e-mail address we can read (expected name@domain)' });
    return { checked: undefined, isOfficial: false, findings };
  }
  const address = `${parts.local.toLowerCase()}@${host.ascii}`;
  const listed = index.emails.get(address);
  if (listed && !listed.official) {
    findings.push({
      code: 'email_not_official_channel',
      implies: 'not_official',
      field: 'email',
      message: `${address} is cited by others but is not an official way to reach us.${listed.note ? ` ${listed.note}` : ''}`,
    });
    return { checked: address, isOfficial: false, findings };
  }
  if (listed?.official) {
    findings.push({ code: 'official_email', implies: 'official', field: 'email', message: `${address} is one of our official addresses (${listed.purpose})` });
    return { checked: address, isOfficial: true, findings };
  }
  if (host.isOfficial) {
    findings.push({
      code: 'official_email_domain',
      implies: 'official',
      field: 'email',
      message: `${host.shown} is our domain. The sender shown on an e-mail can be faked, so judge the message by what it asks: we never ask for your PIN, CVV or one-time codes`,
    });
    return { checked: address, isOfficial: true, findings };
  }
  findings.push(...host.findings);
  const isImitation = findings.some((f) => f.implies === 'lookalike');
  if (!isImitation) {
    const bait = findBrandIn(parts.local, index.names)?.label ?? (parts.displayName ? findBrandName(parts.displayName, index) : null);
    if (bait) {
      findings.unshift({
        code: 'brand_in_address',
        implies: 'lookalike',
        field: 'email',
        message: `${address} uses our name “${bait}” but is not on our domain (${officialDomainList(index)})`,
      });
    }
  }
  if (FREE_PROVIDERS.has(host.ascii)) {
    findings.push({ code: 'free_email_provider', implies: 'not_official', field: 'email', message: `${host.ascii} is a free mailbox service; we never write to you from one` });
  }
  return { checked: address, isOfficial: false, findings };
}

function findBrandName(displayName: string, index: BrandIndex): string | null {
  const words = displayName.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const whole = findBrandIn(words.join(''), index.names.filter((n) => n.isLong));
  if (whole) return whole.label;
  return words.map((w) => findBrandIn(w, index.names)).find(Boolean)?.label ?? null;
}
