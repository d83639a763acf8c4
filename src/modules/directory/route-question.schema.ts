import { type Static, Type } from 'typebox';
import { Hours } from './profile.schema.ts';

/** Longest question accepted: a sentence or two is plenty to pick a line, and the classifier reads no more. */
export const ROUTE_QUERY_MAX_CHARS = 300;

export const RouteQuery = Type.Object(
  { q: Type.String({ maxLength: ROUTE_QUERY_MAX_CHARS, description: `the question in your own words, 1 to ${ROUTE_QUERY_MAX_CHARS} characters` }) },
  { additionalProperties: false },
);

const Phone = Type.Object({ phone: Type.String({ description: 'E.164' }), display: Type.String() }, { additionalProperties: false });

export const RouteAlternative = Type.Object(
  { productLine: Type.String(), name: Type.String(), hotline: Phone, hours: Hours, confidence: Type.Number({ minimum: 0, maximum: 1 }) },
  { additionalProperties: false },
);

export const RouteAnswer = Type.Object(
  {
    q: Type.String(),
    productLine: Type.String({ description: 'the issuer profile\u2019s product line id' }),
    name: Type.String({ description: 'the product line\u2019s name' }),
    hotline: Phone,
    hours: Hours,
    why: Type.String({ description: 'one or two sentences on why this line' }),
    confidence: Type.Number({ minimum: 0, maximum: 1 }),
    basis: Type.Union([Type.Literal('product_named'), Type.Literal('topic'), Type.Literal('default')], {
      description: 'product_named: the text names a product; topic: the classifier recognised the question; default: neither, the main line',
    }),
    topic: Type.Optional(Type.Object({ label: Type.String(), description: Type.String() }, { additionalProperties: false })),
    articles: Type.Array(Type.Object({ slug: Type.String(), url: Type.String() }, { additionalProperties: false }), { description: 'help articles that may answer it first' }),
    alternatives: Type.Array(RouteAlternative, { description: 'other lines it may be, most likely first' }),
  },
  { additionalProperties: false },
);
export type RouteAnswer = Static<typeof RouteAnswer>;
