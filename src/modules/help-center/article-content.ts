import type { IssuerProfile } from '../directory/index.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import type { ArticleStatus, FaqItem } from './help.tables.ts';
import { parseInline, parseMarkdown, renderText, tokensIn } from './markdown.ts';
import { tokenResolver, unknownTokens } from './tokens.ts';

/** What an editor writes; everything else about an article (version, author, times) is ours. */
export type ArticleDraft = {
  slug: string;
  title: string;
  summary: string;
  body: string;
  faq: FaqItem[];
  keywords: string;
  productLine: string | null;
  status: ArticleStatus;
  position: number;
};

export type PreparedArticle = ArticleDraft & { bodyText: string };

export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const LIMITS = { slug: 80, title: 120, summary: 300, body: 50_000, faqItems: 20, question: 200, answer: 2000, keywords: 500, note: 500 } as const;

// C0 controls other than tab and newline, and the two characters search uses to mark highlights (STX, ETX).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL, '').normalize('NFC');
}

function oneLine(value: string): string {
  return cleanText(value).replace(/\s+/g, ' ').trim();
}

/**
 * Checks what a schema cannot (tokens the profile cannot fill, an unknown product line) and derives the plain
 * text that search indexes. Profile values are written into that text as they are now.
 */
export function prepareArticle(draft: ArticleDraft, profile: IssuerProfile): PreparedArticle {
  const article: ArticleDraft = {
    ...draft,
    title: oneLine(draft.title),
    summary: oneLine(draft.summary),
    body: cleanText(draft.body).trim(),
    keywords: oneLine(draft.keywords),
    faq: draft.faq.map((item) => ({ q: oneLine(item.q), a: cleanText(item.a).trim() })),
  };
  const errors: FieldError[] = [];
  if (!article.title) errors.push({ field: 'title', message: 'must not be blank' });
  if (!article.summary) errors.push({ field: 'summary', message: 'must not be blank' });
  if (!article.body) errors.push({ field: 'body', message: 'must not be blank' });
  const blocks = parseMarkdown(article.body);
  const unknownInBody = unknownTokens(tokensIn(blocks), profile);
  if (unknownInBody.length > 0) errors.push({ field: 'body', message: `has tokens the issuer profile cannot fill: ${unknownInBody.join(', ')}` });
  article.faq.forEach((item, i) => {
    if (!item.q) errors.push({ field: `faq.${i}.q`, message: 'must not be blank' });
    const unknownInQuestion = unknownTokens(tokensIn([{ type: 'paragraph', children: parseInline(item.q) }]), profile);
    if (unknownInQuestion.length > 0) errors.push({ field: `faq.${i}.q`, message: `has tokens the issuer profile cannot fill: ${unknownInQuestion.join(', ')}` });
    if (!item.a) errors.push({ field: `faq.${i}.a`, message: 'must not be blank' });
    const unknown = unknownTokens(tokensIn([{ type: 'paragraph', children: parseInline(item.a) }]), profile);
    if (unknown.length > 0) errors.push({ field: `faq.${i}.a`, message: `has tokens the issuer profile cannot fill: ${unknown.join(', ')}` });
  });
  if (article.productLine !== null && !profile.productLines.some((l) => l.id === article.productLine)) {
    errors.push({ field: 'productLine', message: `is not a product line of the issuer profile (${profile.productLines.map((l) => l.id).join(', ')})` });
  }
  const first = errors[0];
  if (first) throw new AppError('validation_failed', `${first.field} ${first.message}`, { errors });
  return { ...article, bodyText: renderText(blocks, tokenResolver(profile)) };
}

/** An FAQ question as plain text: tokens filled ({{issuer.name}}), markup dropped. */
export function questionText(question: string, profile: IssuerProfile): string {
  return renderText([{ type: 'paragraph', children: parseInline(question) }], tokenResolver(profile));
}

/** An FAQ answer as plain text with profile values filled in (JSON-LD, search). */
export function answerText(answer: string, profile: IssuerProfile): string {
  return renderText([{ type: 'paragraph', children: parseInline(answer) }], tokenResolver(profile));
}
