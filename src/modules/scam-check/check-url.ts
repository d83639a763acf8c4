/**
 * Checking a web address: the host (check-host.ts) and the tricks that live in the rest of a link — text before
 * "@" that the browser ignores, a bare IP address, plain http, an odd port, a link shortener that hides where
 * it goes, our name in the path of someone else's site, an official page that forwards to another site.
 * The URL is parsed as browsers parse it (WHATWG URL), so what we check is where the link really goes.
 */
import { parse } from 'tldts';
import { maskPans } from '../../platform/pan.ts';
import type { BrandIndex } from './brand-index.ts';
import { checkHost, findBrandIn } from './check-host.ts';
import type { Field, Finding } from './scam-check.types.ts';
import { skeleton } from './skeleton.ts';

export type UrlCheck = { checked: string | undefined; host: string; isOfficial: boolean; findings: Finding[] };

// Public link shorteners: the destination is not in the link, so we cannot say where it leads.
const SHORTENERS = new Set([
  'bit.ly', 'bitly.com', 'tinyurl.com', 't.co', 'goo.gl', 'ow.ly', 'is.gd', 'v.gd', 'buff.ly', 'rebrand.ly', 'cutt.ly',
  'shorturl.at', 'tiny.cc', 'rb.gy', 's.id', 't.ly', 'bl.ink', 'lnkd.in', 'shorte.st', 'adf.ly', 'qrco.de', 'short.io',
  'tiny.one', 'trib.al', 'dlvr.it', 'soo.gd', 'clck.ru', 'u.to', 'x.co', 'y2u.be', 'shorturl.com', 'urlz.fr', 'ln.run',
  'surl.li', 'shorter.me', 'tr.im', 'bit.do', 'mcaf.ee', 'snip.ly', 'kutt.it', 'tiny.pl', '2u.pm', 'l.ead.me', 'linktr.ee',
]);
const DANGEROUS_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'file:', 'blob:']);
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const MAX_SHOWN = 200;

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Parses what a person pasted: with or without "https://", in angle brackets or quotes. */
export function parseLink(raw: string): { url: URL; hasScheme: boolean } | null {
  const text = raw.trim().replace(/^[<"'(]+|[>"')]+$/g, '');
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  // "americanexpress.com:443/x" has no scheme although it starts with "name:".
  const hasScheme = !!scheme && (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || !/^\d/.test(text.slice(scheme.length + 1)));
  try {
    return { url: new URL(hasScheme ? text : `https://${text}`), hasScheme };
  } catch {
    return null;
  }
}

/** What the response shows as compared: scheme, host and path; never credentials, query or a card number. */
function shownUrl(url: URL): string {
  const port = url.port ? `:${url.port}` : '';
  let path = decode(url.pathname);
  path = maskPans(path).text;
  const shown = `${url.protocol}//${url.hostname}${port}${path}`;
  return shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN - 1)}…` : shown;
}

function brandInText(text: string, index: BrandIndex): string | null {
  const flat = skeleton(text);
  const domain = index.domains.find((d) => flat.includes(skeleton(d.domain)));
  if (domain) return domain.domain;
  const words = text.toLowerCase().split(/[^\p{L}\p{N}-]+/u).filter(Boolean);
  const name = words.map((w) => findBrandIn(w, index.names)).find(Boolean);
  return name ? `our name “${name.label}”` : null;
}

/** A link on an official site whose query forwards to another site ("…/redirect?url=https://evil.tld"). */
function forwardsTo(url: URL, index: BrandIndex, field: Field): string | null {
  for (const value of url.searchParams.values()) {
    const target = /^(?:https?:)?\/\/([^/?#\s]+)/i.exec(value.trim())?.[1];
    if (!target) continue;
    const host = checkHost(target.replace(/^.*@/, ''), index, field);
    if (!host.isOfficial) return host.shown || target;
  }
  return null;
}

export function checkUrl(raw: string, index: BrandIndex, field: Field = 'url'): UrlCheck {
  const findings: Finding[] = [];
  const parsed = parseLink(raw);
  if (!parsed) {
    findings.push({ code: 'url_invalid', implies: 'unknown', field, message: 'This is not a web address we can read' });
    return { checked: undefined, host: '', isOfficial: false, findings };
  }
  const { url, hasScheme } = parsed;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const isDangerous = DANGEROUS_SCHEMES.has(url.protocol);
    findings.push({
      code: 'unsafe_scheme',
      implies: 'suspicious',
      field,
      message: isDangerous
        ? `A “${url.protocol}” link can run code or open a file instead of a web page; we never send these`
        : `A “${url.protocol}” link is not a web page; our links start with https://`,
    });
    return { checked: `${url.protocol}`, host: '', isOfficial: false, findings };
  }

  const host = checkHost(url.hostname, index, field);
  findings.push(...host.findings);
  if (url.username || url.password) {
    const bait = brandInText(decode(`${url.username}:${url.password}`), index);
    findings.unshift({
      code: 'credentials_in_url',
      implies: bait ? 'lookalike' : 'suspicious',
      field,
      message: bait
        ? `The link shows ${bait} before an “@”, but browsers ignore that part: it really goes to ${host.shown}`
        : `The link hides text before an “@”, which browsers ignore: it really goes to ${host.shown}`,
    });
  }
  if (hasScheme && url.protocol === 'http:') {
    findings.push({ code: 'not_https', implies: 'suspicious', field, message: 'The link is not secure (http:// instead of https://); all our links use https://' });
  }
  if (url.port) {
    findings.push({ code: 'unusual_port', implies: 'suspicious', field, message: `The link uses an unusual port (:${url.port}); our web pages never do` });
  }
  const registrable = parse(host.ascii).domain ?? host.ascii;
  if (SHORTENERS.has(host.ascii) || SHORTENERS.has(registrable)) {
    const kept = findings.filter((f) => f.code !== 'domain_not_official');
    findings.length = 0;
    findings.push(...kept, {
      code: 'url_shortener',
      implies: 'unknown',
      field,
      message: `${host.shown} is a link shortener: the real destination is hidden, so we cannot tell where it leads. Our links go straight to our own site`,
    });
  }
  if (!host.isOfficial && host.ascii) {
    const bait = brandInText(decode(`${url.pathname}${url.search}${url.hash}`), index);
    if (bait) {
      findings.push({ code: 'brand_in_path', implies: 'lookalike', field, message: `The link mentions ${bait} in its path, but the site is ${host.shown}, which is not ours` });
    }
  }
  if (host.isOfficial) {
    const elsewhere = forwardsTo(url, index, field);
    if (elsewhere) {
      findings.push({ code: 'redirect_to_other_site', implies: 'suspicious', field, message: `The link starts on our site but carries another address (${elsewhere}) that it may forward you to` });
    }
  }
  return { checked: shownUrl(url), host: host.ascii, isOfficial: host.isOfficial, findings };
}
