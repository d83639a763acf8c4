import { type Static, Type } from 'typebox';

const Id = Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' });
const E164 = Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$', description: 'E.164 phone number' });
const HttpsUrl = Type.String({ pattern: '^https://[^\\s]+$' });
const Domain = Type.String({ pattern: '^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$' });
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });

export const Hours = Type.Union([
  Type.Object({ type: Type.Literal('always'), label: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
  Type.Object(
    {
      type: Type.Literal('weekly'),
      label: Type.String({ minLength: 1 }),
      timeZone: Type.String({ minLength: 3 }),
      windows: Type.Array(
        Type.Object(
          { days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, description: 'ISO weekdays, 1 = Monday' }), open: Time, close: Time },
          { additionalProperties: false },
        ),
        { minItems: 1 },
      ),
    },
    { additionalProperties: false },
  ),
]);

export const ProductLine = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, maxLength: 80 }),
    description: Type.String({ minLength: 1, maxLength: 300 }),
    hotline: Type.Object({ phone: E164, display: Type.String({ minLength: 7, maxLength: 30 }) }, { additionalProperties: false }),
    hours: Hours,
    queue: Id,
    keywords: Type.Array(Type.String({ minLength: 2, maxLength: 40 }), { description: 'words that point a question to this line' }),
  },
  { additionalProperties: false },
);

export const CardProduct = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1, maxLength: 80 }),
    productLine: Id,
    accountKind: Type.Union([
      Type.Literal('credit'),
      Type.Literal('charge'),
      Type.Literal('debit'),
      Type.Literal('prepaid'),
      Type.Literal('deposit'),
      Type.Literal('merchant'),
    ]),
    network: Type.String({ minLength: 2, maxLength: 30 }),
    annualFeeCents: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
    creditLimitCents: Type.Optional(Type.Integer({ minimum: 0 })),
    hasCard: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const MailingAddress = Type.Object(
  {
    id: Id,
    label: Type.String({ minLength: 1 }),
    purpose: Type.String({ minLength: 1 }),
    lines: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
    city: Type.String({ minLength: 1 }),
    region: Type.String({ minLength: 2 }),
    postalCode: Type.String({ minLength: 3 }),
    country: Type.String({ pattern: '^[A-Z]{2}$' }),
  },
  { additionalProperties: false },
);

export const EmailAddress = Type.Object(
  {
    address: Type.String({ pattern: '^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$' }),
    purpose: Type.String({ minLength: 1 }),
    official: Type.Boolean(),
    note: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const WrittenChannel = Type.Object(
  {
    id: Id,
    name: Type.String({ minLength: 1 }),
    description: Type.String({ minLength: 1 }),
    preferred: Type.Boolean(),
    path: Type.Optional(Type.String({ pattern: '^/' })),
  },
  { additionalProperties: false },
);

export const IssuerProfile = Type.Object(
  {
    version: Type.Literal(1),
    issuer: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 80 }),
        alsoKnownAs: Type.Array(Type.String({ minLength: 2 })),
        country: Type.String({ pattern: '^[A-Z]{2}$' }),
        timeZone: Type.String({ minLength: 3 }),
        caseNumberPrefix: Type.String({ pattern: '^[A-Z]{2,5}$' }),
      },
      { additionalProperties: false },
    ),
    productLines: Type.Array(ProductLine, { minItems: 1 }),
    cardProducts: Type.Array(CardProduct, { minItems: 1 }),
    mailingAddresses: Type.Array(MailingAddress),
    writtenChannels: Type.Array(WrittenChannel, { minItems: 1 }),
    emailAddresses: Type.Array(EmailAddress),
    officialDomains: Type.Array(Domain, { minItems: 1 }),
    officialWebPages: Type.Array(Type.Object({ label: Type.String({ minLength: 1 }), url: HttpsUrl }, { additionalProperties: false })),
    apps: Type.Array(
      Type.Object({ store: Type.String({ minLength: 1 }), name: Type.String({ minLength: 1 }), url: Type.Optional(HttpsUrl) }, { additionalProperties: false }),
    ),
    regulator: Type.Object(
      { name: Type.String({ minLength: 1 }), shortName: Type.String({ minLength: 1 }), complaintUrl: HttpsUrl },
      { additionalProperties: false },
    ),
    securityAdvice: Type.Array(Type.String({ minLength: 1 }), { description: 'what the issuer never asks for, and how to verify a contact' }),
  },
  { additionalProperties: false },
);

export type IssuerProfile = Static<typeof IssuerProfile>;
export type ProductLine = Static<typeof ProductLine>;
export type CardProduct = Static<typeof CardProduct>;
