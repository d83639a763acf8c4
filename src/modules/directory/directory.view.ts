import type { Directory } from './directory.schema.ts';
import type { IssuerProfile } from './profile.schema.ts';

/** The public face of the profile: what a cardholder may see before signing in. */
export function buildDirectory(profile: IssuerProfile): Directory {
  const preferred = profile.writtenChannels.find((c) => c.preferred) ?? profile.writtenChannels[0];
  return {
    issuer: { name: profile.issuer.name, alsoKnownAs: profile.issuer.alsoKnownAs },
    hotlines: profile.productLines.map((line) => ({
      productLine: line.id,
      name: line.name,
      description: line.description,
      phone: line.hotline.phone,
      display: line.hotline.display,
      hours: line.hours,
      queue: line.queue,
    })),
    preferredWrittenChannel: preferred?.id ?? '',
    writtenChannels: profile.writtenChannels,
    mailingAddresses: profile.mailingAddresses,
    emailAddresses: profile.emailAddresses,
    officialDomains: profile.officialDomains,
    officialWebPages: profile.officialWebPages,
    apps: profile.apps,
    regulator: profile.regulator,
    securityAdvice: profile.securityAdvice,
  };
}
