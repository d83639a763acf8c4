/**
 * schema.org structured data for help pages: the organization with one ContactPoint per hotline (from the
 * issuer profile), FAQPage for an article's questions, and the breadcrumb. Serialised so that no value can
 * end the <script> element early (</script>, <!--) or break it in old parsers (U+2028/2029).
 */
import type { IssuerProfile, ProductLine } from '../directory/index.ts';
import { answerText, questionText } from './article-content.ts';
import type { FaqItem } from './help.tables.ts';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function jsonLdScript(data: unknown): string {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/ld+json">${json}</script>`;
}

function hoursAvailable(line: ProductLine) {
  if (line.hours.type === 'always') {
    return [{ '@type': 'OpeningHoursSpecification', dayOfWeek: DAYS.map((d) => `https://schema.org/${d}`), opens: '00:00', closes: '23:59' }];
  }
  return line.hours.windows.map((w) => ({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: w.days.map((d) => `https://schema.org/${DAYS[d - 1]}`),
    opens: w.open,
    closes: w.close,
  }));
}

/** LIMITATION: the profile has no languages per line, so availableLanguage is left out rather than guessed. */
export function organizationLd(profile: IssuerProfile, publicUrl: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': `${publicUrl}/#organization`,
    name: profile.issuer.name,
    alternateName: [...new Set(profile.issuer.alsoKnownAs)],
    url: publicUrl,
    sameAs: profile.officialWebPages.map((p) => p.url),
    contactPoint: profile.productLines.map((line) => ({
      '@type': 'ContactPoint',
      telephone: line.hotline.display,
      contactType: `${line.name} customer service`,
      description: line.description,
      areaServed: profile.issuer.country,
      hoursAvailable: hoursAvailable(line),
    })),
  };
}

export function faqPageLd(faq: FaqItem[], url: string, profile: IssuerProfile) {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    url,
    mainEntity: faq.map((item) => ({
      '@type': 'Question',
      name: questionText(item.q, profile),
      acceptedAnswer: { '@type': 'Answer', text: answerText(item.a, profile) },
    })),
  };
}

export function breadcrumbLd(items: Array<{ name: string; url: string }>) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.name, item: item.url })),
  };
}
