/**
 * Server-rendered help pages: plain HTML strings, every value escaped (markdown.ts escapes article text; the
 * rest goes through escapeHtml here). Each page carries the organization's ContactPoints as JSON-LD, and every
 * article ends with the human path: a secure message, the hotline for its product line, a callback.
 */
import type { IssuerProfile, ProductLine } from '../directory/index.ts';
import type { ArticleListRow, ArticleRow } from './articles.repo.ts';
import { questionText } from './article-content.ts';
import { answerHtml, articlePath, bodyHtml } from './help.view.ts';
import { breadcrumbLd, faqPageLd, jsonLdScript, organizationLd } from './json-ld.ts';
import { escapeHtml } from './markdown.ts';
import { pageShell, searchForm } from './page-shell.ts';
import type { SearchResult } from './search-help.ts';
import { helpLinks, hoursPhrase } from './tokens.ts';

export type PageContext = { profile: IssuerProfile; publicUrl: string };

/** The callback request form (a case in the phone queue with the number and preferred time: issue 4, item 5). */
const CALLBACK_PATH = '/callbacks/new';

function siteName(profile: IssuerProfile): string {
  return `${profile.issuer.name} Help Center`;
}

function footerNote(profile: IssuerProfile): string {
  return profile.securityAdvice[0] ?? 'We will never ask for your full card number, security code, PIN or a one-time code.';
}

function lineFor(profile: IssuerProfile, id: string | null): ProductLine {
  return profile.productLines.find((l) => l.id === id) ?? profile.productLines[0]!;
}

/** "A person is one step away": the three ways to reach one, for the article's product line. */
export function humanPath(profile: IssuerProfile, productLine: string | null): string {
  const links = helpLinks(profile);
  const line = lineFor(profile, productLine);
  return `<section class="human" aria-labelledby="human-path">
<h2 id="human-path">Still need help? Talk to a person</h2>
<ul>
<li><a href="${escapeHtml(links.newMessagePath)}">Send a secure message<span>A named representative answers in the ${escapeHtml(links.channelName)}. You can attach documents.</span></a></li>
<li><a href="tel:${escapeHtml(line.hotline.phone)}">Call ${escapeHtml(line.name)}: ${escapeHtml(line.hotline.display)}<span>Open ${escapeHtml(hoursPhrase(line))}.</span></a></li>
<li><a href="${escapeHtml(CALLBACK_PATH)}">Ask us to call you back<span>Tell us a good time and number; a representative calls you.</span></a></li>
</ul>
<p>Another card or account? <a href="/help/contact-us">See every phone number and its hours</a>.</p>
</section>`;
}

function breadcrumbs(items: Array<{ name: string; href?: string }>): string {
  const li = items.map((i) => (i.href ? `<li><a href="${escapeHtml(i.href)}">${escapeHtml(i.name)}</a></li>` : `<li aria-current="page">${escapeHtml(i.name)}</li>`));
  return `<nav class="crumbs" aria-label="Breadcrumb"><ol>${li.join('')}</ol></nav>`;
}

export function resultsList(results: SearchResult[]): string {
  if (results.length === 0) return '';
  const items = results.map((r) => `<li><a href="${escapeHtml(articlePath(r.slug))}">${escapeHtml(r.title)}</a><p>${r.snippet}</p></li>`);
  return `<ul class="results">${items.join('')}</ul>`;
}

function articleList(articles: ArticleListRow[]): string {
  const items = articles.map((a) => `<li><a href="${escapeHtml(articlePath(a.slug))}">${escapeHtml(a.title)}</a><p>${escapeHtml(a.summary)}</p></li>`);
  return `<ul class="results">${items.join('')}</ul>`;
}

export type IndexPageInput =
  | { kind: 'topics'; articles: ArticleListRow[] }
  | { kind: 'results'; q: string; results: SearchResult[] }
  | { kind: 'bad_query'; q: string; message: string };

export function renderIndexPage(ctx: PageContext, input: IndexPageInput): string {
  const { profile, publicUrl } = ctx;
  const name = siteName(profile);
  let search: string;
  let topics = '';
  if (input.kind === 'topics') {
    search = searchForm('');
    topics = `<h2 id="topics">Help topics</h2>\n${articleList(input.articles)}`;
  } else if (input.kind === 'results') {
    const status = input.results.length
      ? `${input.results.length} ${input.results.length === 1 ? 'article matches' : 'articles match'} \u201c${input.q.trim()}\u201d.`
      : `No articles match \u201c${input.q.trim()}\u201d. Try other words, or talk to a person below.`;
    search = searchForm(input.q, resultsList(input.results), status);
    topics = '<p><a href="/help">See all help topics</a></p>';
  } else {
    search = searchForm(input.q.slice(0, 200), '', input.message);
    topics = '<p><a href="/help">See all help topics</a></p>';
  }
  const main = `<h1>How can we help?</h1>
<p class="lede">Answers in plain words, and a person whenever you need one.</p>
${search}
${topics}
${humanPath(profile, null)}`;
  return pageShell({
    title: input.kind === 'topics' ? name : `Search: ${input.q.trim().slice(0, 60)} | ${name}`,
    description: `Help with your ${profile.issuer.name} card and account: phone numbers and hours, secure messages, disputes, fraud alerts, rewards, fees, account reviews and scams.`,
    canonical: `${publicUrl}/help`,
    issuerName: profile.issuer.name,
    secureMessagePath: helpLinks(profile).secureMessagePath,
    main,
    jsonLd: [jsonLdScript(organizationLd(profile, publicUrl))],
    noindex: input.kind !== 'topics',
    footerNote: footerNote(profile),
  });
}

export function renderArticlePage(ctx: PageContext, article: ArticleRow, options: { feedbackThanks?: boolean } = {}): string {
  const { profile, publicUrl } = ctx;
  const url = `${publicUrl}${articlePath(article.slug)}`;
  const faq = article.faq.length
    ? `<section class="faq" aria-labelledby="faq">
<h2 id="faq">Common questions</h2>
${article.faq.map((item) => `<h3>${escapeHtml(questionText(item.q, profile))}</h3>\n${answerHtml(item.a, profile)}`).join('\n')}
</section>`
    : '';
  const feedback = options.feedbackThanks
    ? `<section class="feedback" id="feedback" aria-labelledby="feedback-h"><h2 id="feedback-h">Was this helpful?</h2><p id="feedback-status" role="status">Thank you. Your answer helps us improve this article.</p></section>`
    : `<section class="feedback" id="feedback" aria-labelledby="feedback-h">
<h2 id="feedback-h">Was this helpful?</h2>
<form class="feedback-form" method="post" action="${escapeHtml(`${articlePath(article.slug)}/feedback`)}" data-api="${escapeHtml(`/api/v1/help/articles/${article.slug}/feedback`)}">
<label for="feedback-comment">Anything we should add or change? (optional; please do not include card numbers)</label>
<textarea id="feedback-comment" name="comment" rows="3" maxlength="1000"></textarea>
<div class="row"><button type="submit" name="helpful" value="yes">Yes, it helped</button><button type="submit" name="helpful" value="no" class="secondary">No</button></div>
</form>
<p id="feedback-status" role="status"></p>
</section>`;
  const main = `${breadcrumbs([{ name: 'Help Center', href: '/help' }, { name: article.title }])}
<article aria-labelledby="article-title">
<h1 id="article-title">${escapeHtml(article.title)}</h1>
<p class="lede">${escapeHtml(article.summary)}</p>
${bodyHtml(article.body, profile)}
${faq}
</article>
${feedback}
${humanPath(profile, article.product_line)}
${searchForm('')}`;
  const jsonLd = [
    jsonLdScript(organizationLd(profile, publicUrl)),
    jsonLdScript(breadcrumbLd([{ name: siteName(profile), url: `${publicUrl}/help` }, { name: article.title, url }])),
  ];
  if (article.faq.length) jsonLd.push(jsonLdScript(faqPageLd(article.faq, url, profile)));
  return pageShell({
    title: `${article.title} | ${siteName(profile)}`,
    description: article.summary,
    canonical: url,
    issuerName: profile.issuer.name,
    secureMessagePath: helpLinks(profile).secureMessagePath,
    main,
    jsonLd,
    footerNote: footerNote(profile),
  });
}

export function renderNotFoundPage(ctx: PageContext): string {
  const { profile, publicUrl } = ctx;
  const main = `<h1>We could not find that page</h1>
<p class="lede">The article may have moved. Search for it, or <a href="/help">see all help topics</a>.</p>
${searchForm('')}
${humanPath(profile, null)}`;
  return pageShell({
    title: `Page not found | ${siteName(profile)}`,
    description: `Help with your ${profile.issuer.name} card and account.`,
    canonical: `${publicUrl}/help`,
    issuerName: profile.issuer.name,
    secureMessagePath: helpLinks(profile).secureMessagePath,
    main,
    jsonLd: [jsonLdScript(organizationLd(profile, publicUrl))],
    noindex: true,
    footerNote: footerNote(profile),
  });
}

const xml = (text: string) => escapeHtml(text);

export function renderSitemap(publicUrl: string, rows: Array<{ slug: string; updated_at: Date }>): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const newest = rows.reduce<Date | null>((max, r) => (!max || r.updated_at > max ? r.updated_at : max), null);
  const urls = [
    `<url><loc>${xml(`${publicUrl}/help`)}</loc>${newest ? `<lastmod>${day(newest)}</lastmod>` : ''}</url>`,
    ...rows.map((r) => `<url><loc>${xml(`${publicUrl}${articlePath(r.slug)}`)}</loc><lastmod>${day(r.updated_at)}</lastmod></url>`),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

export function renderRobots(publicUrl: string): string {
  return `User-agent: *\nAllow: /help\nDisallow: /api/\nDisallow: /messages\n\nSitemap: ${publicUrl}/sitemap.xml\n`;
}
