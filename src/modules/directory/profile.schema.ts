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

/** Annual-fee refund policy of a card product (issue 6, item 2); every field has a default (fees module). */
export const AnnualFeeRefundPolicy = Type.Object(
  {
    fullRefundDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, description: 'full refund if closed within this many days after the statement carrying the fee (default 30)' })),
    prorate: Type.Optional(Type.Union([Type.Literal('daily'), Type.Literal('none')], { description: 'after the window: refund the unused days, or nothing (default daily)' })),
    deductBenefits: Type.Optional(Type.Boolean({ description: 'benefits already used in the fee year are deducted (default false)' })),
    approvalAboveCents: Type.Optional(Type.Integer({ minimum: 0, description: 'refunds above this need a supervisor (default 50000)' })),
  },
  { additionalProperties: false },
);

/** Account reviews (holds) and their document requests (issue 6, item 3); every field has a default (reviews module). */
export const AccountReviewsPolicy = Type.Object(
  {
    documentDueHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 2160, description: 'default 48' })),
    reminderAfterHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 2160, description: 'default 24' })),
    estimateMinSimilar: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'past reviews needed before the estimate uses history (default 5)' })),
    defaultEstimateHours: Type.Optional(
      Type.Object({ median: Type.Integer({ minimum: 1 }), p90: Type.Integer({ minimum: 1 }) }, { additionalProperties: false, description: 'stated when history is too thin (default 48 / 120)' }),
    ),
  },
  { additionalProperties: false },
);

/** Earn rules of a card product (issue 6, item 1); rates are points per whole dollar (rewards module). */
const Mcc = Type.String({ pattern: '^[0-9]{4}$' });
const Rate = Type.Number({ minimum: 0, maximum: 100, description: 'points per dollar (to the hundredth)' });
export const RewardRules = Type.Object(
  {
    programName: Type.String({ minLength: 1, maxLength: 80 }),
    baseRate: Rate,
    postsAt: Type.Union([Type.Literal('posting'), Type.Literal('statement_close')], { description: 'points post when the purchase posts, or when its statement closes' }),
    excludedMccs: Type.Array(Mcc, { description: 'merchant categories that earn nothing (cash, quasi-cash, money transfers)' }),
    bonusCategories: Type.Array(
      Type.Object(
        {
          id: Id,
          label: Type.String({ minLength: 1, maxLength: 80 }),
          mccs: Type.Array(Mcc, { minItems: 1 }),
          merchantCountries: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), { description: 'only merchants in these countries (e.g. US supermarkets)' })),
          rate: Rate,
          cap: Type.Optional(
            Type.Object(
              { amountCents: Type.Integer({ minimum: 1 }), period: Type.Union([Type.Literal('quarter'), Type.Literal('year')]) },
              { additionalProperties: false, description: 'spend per calendar period that earns the bonus rate; beyond it, the base rate' },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    promotions: Type.Array(
      Type.Object(
        {
          id: Id,
          name: Type.String({ minLength: 1, maxLength: 80 }),
          description: Type.String({ minLength: 1, maxLength: 300 }),
          mccs: Type.Array(Mcc, { minItems: 1 }),
          extraRate: Rate,
          startsOn: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }),
          endsOn: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }),
          requiresEnrollment: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
    ),
    adjustmentApprovalAbovePoints: Type.Optional(Type.Integer({ minimum: 0, description: 'staff adjustments above this need a supervisor (default 10000)' })),
    redemption: Type.Optional(
      Type.Object(
        {
          statementCreditCentsPerPoint: Type.Number({ exclusiveMinimum: 0, maximum: 100, description: 'what one point is worth as a statement credit, in cents' }),
          minimumPoints: Type.Integer({ minimum: 1 }),
        },
        { additionalProperties: false, description: 'points can be redeemed for a statement credit' },
      ),
    ),
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
    annualFeeRefund: Type.Optional(AnnualFeeRefundPolicy),
    rewards: Type.Optional(RewardRules),
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
    accountReviews: Type.Optional(AccountReviewsPolicy),
  },
  { additionalProperties: false },
);

export type IssuerProfile = Static<typeof IssuerProfile>;
export type ProductLine = Static<typeof ProductLine>;
export type CardProduct = Static<typeof CardProduct>;
export type RewardRules = Static<typeof RewardRules>;
export type AnnualFeeRefundPolicy = Static<typeof AnnualFeeRefundPolicy>;
export type AccountReviewsPolicy = Static<typeof AccountReviewsPolicy>;
