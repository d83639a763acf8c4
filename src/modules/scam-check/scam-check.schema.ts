import { type Static, Type } from 'typebox';
import { REASON_CODES } from './scam-check.types.ts';

/** Longest accepted value per field (characters). A URL past 2,048 is not a link a person clicks. */
export const SCAM_CHECK_LIMITS = { phone: 64, email: 320, url: 2048, text: 10_000 } as const;

export const ScamCheckBody = Type.Object(
  {
    phone: Type.Optional(Type.String({ maxLength: SCAM_CHECK_LIMITS.phone, description: 'A phone number as written, e.g. "1-800-528-4800"' })),
    email: Type.Optional(Type.String({ maxLength: SCAM_CHECK_LIMITS.email, description: 'An e-mail address, optionally with its display name' })),
    url: Type.Optional(Type.String({ maxLength: SCAM_CHECK_LIMITS.url, description: 'A web address, with or without https://' })),
    text: Type.Optional(Type.String({ maxLength: SCAM_CHECK_LIMITS.text, description: 'A message as received (text, e-mail); card data in it is removed before it is read' })),
  },
  { additionalProperties: false, description: 'At least one of phone, email, url, text' },
);
export type ScamCheckBody = Static<typeof ScamCheckBody>;

const Verdict = Type.Union([Type.Literal('official'), Type.Literal('not_official'), Type.Literal('lookalike'), Type.Literal('suspicious'), Type.Literal('unknown')]);
const Field = Type.Union([Type.Literal('phone'), Type.Literal('email'), Type.Literal('url'), Type.Literal('text')]);

export const ScamCheckView = Type.Object(
  {
    verdict: Verdict,
    reasons: Type.Array(
      Type.Object(
        {
          code: Type.Enum(REASON_CODES, { description: 'stable code' }),
          message: Type.String({ description: 'plain-language explanation' }),
          field: Field,
        },
        { additionalProperties: false },
      ),
    ),
    checked: Type.Object(
      {
        phone: Type.Optional(Type.String({ description: 'E.164' })),
        email: Type.Optional(Type.String({ description: 'lower case, domain in ASCII (punycode)' })),
        url: Type.Optional(Type.String({ description: 'scheme, host (ASCII) and path; no credentials or query' })),
      },
      { additionalProperties: false },
    ),
    whatToDo: Type.Object(
      {
        summary: Type.String(),
        steps: Type.Array(Type.String()),
        hotline: Type.Object(
          { productLine: Type.String(), name: Type.String(), phone: Type.String({ description: 'E.164' }), display: Type.String() },
          { additionalProperties: false },
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
