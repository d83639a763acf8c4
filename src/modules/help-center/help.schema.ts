import { type Static, Type } from 'typebox';
import { LIMITS, SLUG_PATTERN } from './article-content.ts';
import { FEEDBACK_COMMENT_MAX } from './record-feedback.ts';
import { QUERY_MAX_CHARS } from './search-query.ts';
import { MAX_RESULTS } from './search-help.ts';

const Slug = Type.String({ pattern: SLUG_PATTERN, minLength: 1, maxLength: LIMITS.slug, description: 'lower-case words joined by hyphens' });
const Status = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived')]);
const DateTime = Type.String({ format: 'date-time' });

const FaqItem = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: LIMITS.question, description: 'the question, as a cardholder would ask it' }),
    a: Type.String({ minLength: 1, maxLength: LIMITS.answer, description: 'the answer: one paragraph of the markdown subset, {{tokens}} allowed' }),
  },
  { additionalProperties: false },
);
const Faq = Type.Array(FaqItem, { maxItems: LIMITS.faqItems });
const ProductLine = Type.Union([Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }), Type.Null()], {
  description: 'product line of the issuer profile whose hotline ends the article; null for the first line',
});
const Position = Type.Integer({ minimum: 0, maximum: 10_000, description: 'order on /help (ascending)' });
const Note = Type.String({ maxLength: LIMITS.note, description: 'what changed, for the version history' });

const content = {
  title: Type.String({ minLength: 1, maxLength: LIMITS.title }),
  summary: Type.String({ minLength: 1, maxLength: LIMITS.summary, description: 'one or two sentences; the page\u2019s meta description' }),
  body: Type.String({ minLength: 1, maxLength: LIMITS.body, description: 'markdown subset (##, ###, lists, **bold**, *em*, links, {{tokens}}); raw HTML is shown as text' }),
};

export const SlugParam = Type.Object({ slug: Slug }, { additionalProperties: false });

export const NewArticleBody = Type.Object(
  {
    slug: Slug,
    ...content,
    faq: Type.Optional(Faq),
    keywords: Type.Optional(Type.String({ maxLength: LIMITS.keywords })),
    productLine: Type.Optional(ProductLine),
    status: Type.Optional(Status),
    position: Type.Optional(Position),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export type NewArticleBody = Static<typeof NewArticleBody>;

/** PUT replaces the whole content; baseVersion is the version the edit started from. */
export const EditArticleBody = Type.Object(
  {
    baseVersion: Type.Integer({ minimum: 1 }),
    ...content,
    faq: Faq,
    keywords: Type.String({ maxLength: LIMITS.keywords }),
    productLine: ProductLine,
    status: Status,
    position: Position,
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export type EditArticleBody = Static<typeof EditArticleBody>;

export const ArticleListQuery = Type.Object(
  { status: Type.Optional(Type.Union([Status, Type.Literal('all')], { description: 'default published; anything else is for editors' })) },
  { additionalProperties: false },
);

export const ArticleSummaryView = Type.Object(
  {
    slug: Type.String(),
    title: Type.String(),
    summary: Type.String(),
    status: Status,
    version: Type.Integer(),
    productLine: Type.Union([Type.String(), Type.Null()]),
    updatedAt: DateTime,
    url: Type.String(),
  },
  { additionalProperties: false },
);
export const ArticleList = Type.Object({ items: Type.Array(ArticleSummaryView) }, { additionalProperties: false });

export const ArticleView = Type.Object(
  {
    slug: Type.String(),
    title: Type.String(),
    summary: Type.String(),
    body: Type.String({ description: 'the markdown source' }),
    bodyHtml: Type.String({ description: 'the body as the page shows it: escaped, tokens filled from the issuer profile' }),
    faq: Type.Array(FaqItem),
    keywords: Type.String(),
    productLine: Type.Union([Type.String(), Type.Null()]),
    status: Status,
    position: Type.Integer(),
    version: Type.Integer(),
    createdAt: DateTime,
    updatedAt: DateTime,
    publishedAt: Type.Union([DateTime, Type.Null()]),
    url: Type.String(),
    editor: Type.Optional(
      Type.Object(
        {
          authorId: Type.Union([Type.String(), Type.Null()]),
          authorName: Type.Union([Type.String(), Type.Null()]),
          feedback: Type.Object({ helpful: Type.Integer(), notHelpful: Type.Integer() }, { additionalProperties: false }),
        },
        { additionalProperties: false, description: 'only for help editors' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const VersionList = Type.Object(
  {
    slug: Type.String(),
    items: Type.Array(
      Type.Object(
        {
          version: Type.Integer(),
          title: Type.String(),
          summary: Type.String(),
          body: Type.String(),
          faq: Type.Array(FaqItem),
          keywords: Type.String(),
          productLine: Type.Union([Type.String(), Type.Null()]),
          status: Status,
          position: Type.Integer(),
          note: Type.Union([Type.String(), Type.Null()]),
          authorId: Type.Union([Type.String(), Type.Null()]),
          authorName: Type.Union([Type.String(), Type.Null()]),
          createdAt: DateTime,
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const SearchQuery = Type.Object(
  {
    q: Type.String({ maxLength: QUERY_MAX_CHARS, description: `1 to ${QUERY_MAX_CHARS} characters` }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_RESULTS })),
  },
  { additionalProperties: false },
);

export const SearchResults = Type.Object(
  {
    q: Type.String(),
    items: Type.Array(
      Type.Object(
        {
          slug: Type.String(),
          title: Type.String(),
          snippet: Type.String({ description: 'HTML: article text escaped, matches wrapped in <mark>' }),
          url: Type.String(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const FeedbackBody = Type.Object(
  {
    helpful: Type.Boolean(),
    comment: Type.Optional(Type.String({ maxLength: FEEDBACK_COMMENT_MAX, description: 'optional; card numbers and codes are removed before it is stored' })),
  },
  { additionalProperties: false },
);
export const FeedbackRecorded = Type.Object({ recorded: Type.Literal(true) }, { additionalProperties: false });
