import type { IssuerProfile } from '../directory/index.ts';
import type { Letterhead } from './notice-document.ts';

/**
 * The issuer's letterhead, from the profile (data, not code): the name, the general mailing address and the
 * hotline of the case's product line, so a cardholder can answer the letter through a channel we publish.
 */
export function letterheadFor(profile: IssuerProfile, productLine: string): Letterhead {
  const address = profile.mailingAddresses.find((a) => a.id === 'general') ?? profile.mailingAddresses[0];
  const line = profile.productLines.find((p) => p.id === productLine) ?? profile.productLines[0];
  const addressLines = address ? [...address.lines.filter((l) => l !== profile.issuer.name), `${address.city}, ${address.region} ${address.postalCode}`] : [];
  return {
    issuerName: profile.issuer.name,
    addressLines,
    phone: line?.hotline.display ?? null,
    phoneHours: line?.hours.label ?? null,
    web: profile.officialDomains[0] ?? null,
  };
}
