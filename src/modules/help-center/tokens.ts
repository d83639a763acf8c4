/**
 * {{tokens}} in articles, filled from the issuer profile at render time: a number, an hour or an address is
 * written once, in the profile, and every article shows the current one. A token the profile cannot fill is
 * refused when an article is saved (like macro placeholders), so a typo never reaches a cardholder.
 */
import type { IssuerProfile, ProductLine } from '../directory/index.ts';
import type { Block, Inline, TokenResolver, TokenUse } from './markdown.ts';

/** Tokens used inside a sentence. `:line` takes a product-line id from the profile. */
export const INLINE_TOKENS = {
  'issuer.name': 'the issuer\u2019s name',
  'issuer.domain': 'the first official domain, e.g. example.com',
  phone: 'a hotline as a tap-to-call link: {{phone:personal}}',
  hours: 'a hotline\u2019s hours: {{hours:rewards}}',
  line: 'a product line\u2019s name: {{line:platinum}}',
  secureMessageCenter: 'a link to the Secure Message Center',
  newSecureMessage: 'a link to write a new secure message',
  'regulator.name': 'the regulator\u2019s name',
  'regulator.shortName': 'the regulator\u2019s short name (CFPB)',
  'regulator.complaintUrl': 'a link to the regulator\u2019s complaint form',
} as const;

/** Tokens that stand alone on a line and become a list. */
export const BLOCK_TOKENS = {
  hotlines: 'every hotline with its number, hours and what it is for',
  mailingAddresses: 'the mailing addresses',
  officialDomains: 'the official web domains',
  officialWebPages: 'the official help pages',
  apps: 'the official apps',
  emailAddresses: 'e-mail addresses people cite, marked official or not',
  securityAdvice: 'what we never ask for, and how to check a contact',
} as const;

const LINE_TOKENS = new Set(['phone', 'hours', 'line']);

export type HelpLinks = { secureMessagePath: string; newMessagePath: string; channelName: string };

/** Where the Secure Message Center lives, from the profile's preferred written channel. */
export function helpLinks(profile: IssuerProfile): HelpLinks {
  const channel = profile.writtenChannels.find((c) => c.preferred) ?? profile.writtenChannels[0];
  const base = channel?.path ?? '/messages';
  return { secureMessagePath: base, newMessagePath: `${base.replace(/\/$/, '')}/new`, channelName: channel?.name ?? 'Secure Message Center' };
}

const text = (t: string): Inline => ({ type: 'text', text: t });
const link = (href: string, label: string): Inline => ({ type: 'link', href, children: [text(label)] });
const strong = (label: string): Inline => ({ type: 'strong', children: [text(label)] });
const list = (items: Inline[][]): Block[] => [{ type: 'list', ordered: false, items }];

export function hoursPhrase(line: ProductLine): string {
  const label = line.hours.label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

export function tokenResolver(profile: IssuerProfile): TokenResolver {
  const links = helpLinks(profile);
  const lines = new Map(profile.productLines.map((l) => [l.id, l]));
  const phone = (l: ProductLine) => link(`tel:${l.hotline.phone}`, l.hotline.display);
  const regulatorLink = () => link(profile.regulator.complaintUrl, profile.regulator.complaintUrl);
  return {
    inline(name, arg) {
      if (LINE_TOKENS.has(name)) {
        const line = arg ? lines.get(arg) : undefined;
        if (!line) return null;
        if (name === 'phone') return [phone(line)];
        if (name === 'hours') return [text(hoursPhrase(line))];
        return [text(line.name)];
      }
      if (arg !== null) return null;
      switch (name) {
        case 'issuer.name':
          return [text(profile.issuer.name)];
        case 'issuer.domain':
          return [text(profile.officialDomains[0] ?? '')];
        case 'secureMessageCenter':
          return [link(links.secureMessagePath, links.channelName)];
        case 'newSecureMessage':
          return [link(links.newMessagePath, 'send a secure message')];
        case 'regulator.name':
          return [text(profile.regulator.name)];
        case 'regulator.shortName':
          return [text(profile.regulator.shortName)];
        case 'regulator.complaintUrl':
          return [regulatorLink()];
        default:
          return null;
      }
    },
    block(name, arg) {
      if (arg !== null) return null;
      switch (name) {
        case 'hotlines':
          return list(profile.productLines.map((l) => [strong(l.name), text(': '), phone(l), text(` \u2014 ${hoursPhrase(l)}. ${l.description}`)]));
        case 'mailingAddresses':
          return list(
            profile.mailingAddresses.map((a) => [strong(a.label), text(`: ${[...a.lines, `${a.city}, ${a.region} ${a.postalCode}`].join(', ')}. ${a.purpose}.`)]),
          );
        case 'officialDomains':
          return list(profile.officialDomains.map((d) => [strong(d), text(` and addresses ending in .${d}`)]));
        case 'officialWebPages':
          return list(profile.officialWebPages.map((p) => [link(p.url, p.label)]));
        case 'apps':
          return list(profile.apps.map((a) => (a.url ? [link(a.url, `${a.name} on ${a.store}`)] : [text(`${a.store}: search for \u201c${a.name}\u201d`)])));
        case 'emailAddresses':
          return list(
            profile.emailAddresses.map((e) => [
              strong(e.address),
              text(e.official ? ` \u2014 official: ${e.purpose}.` : ` \u2014 not an official support address. ${e.note ?? ''}`.trimEnd()),
            ]),
          );
        case 'securityAdvice':
          return list(profile.securityAdvice.map((s) => [text(s)]));
        default:
          return null;
      }
    },
  };
}

/** Tokens this profile cannot fill, as the author wrote them. A list token must stand alone on its line. */
export function unknownTokens(used: TokenUse[], profile: IssuerProfile): string[] {
  const resolver = tokenResolver(profile);
  const unknown = used
    .filter(({ name, arg, standalone }) => !resolver.inline(name, arg) && !(standalone && resolver.block(name, arg)))
    .map(({ name, arg }) => `{{${name}${arg ? `:${arg}` : ''}}}`);
  return [...new Set(unknown)];
}
