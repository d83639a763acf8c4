import { type Static, Type } from 'typebox';
import { ALERT_ID_PATTERN } from './fraud-deps.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const AuthorizationBody = Type.Object(
  {
    cardId: Type.String({ pattern: '^crd_[0-9a-z]{16}$' }),
    amountCents: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
    merchantName: Type.String({ minLength: 1, maxLength: 120 }),
    mcc: Type.String({ pattern: '^[0-9]{4}$' }),
    merchantCountry: Type.String({ pattern: '^[A-Z]{2}$' }),
    cardPresent: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type AuthorizationBody = Static<typeof AuthorizationBody>;

const Reason = Type.Object({ rule: Type.String(), score: Type.Optional(Type.Integer()), reason: Type.String() }, { additionalProperties: false });

export const AuthorizationResult = Type.Object(
  {
    transactionId: Type.String(),
    status: Type.Union([Type.Literal('authorized'), Type.Literal('declined')]),
    declineReason: Nullable(Type.String()),
    score: Type.Integer(),
    reasons: Type.Array(Reason),
    alert: Nullable(Type.Object({ id: Type.String(), status: Type.Literal('pending'), linkExpiresAt: Type.String({ format: 'date-time' }) }, { additionalProperties: false })),
    suppressedByEarlierConfirmation: Type.Boolean(),
  },
  { additionalProperties: false },
);

const Charge = Type.Object(
  {
    id: Type.String(),
    merchantName: Nullable(Type.String()),
    amountCents: Type.Integer(),
    currency: Type.String(),
    merchantCountry: Nullable(Type.String()),
    cardPresent: Nullable(Type.Boolean()),
    authorizedAt: Type.String({ format: 'date-time' }),
    status: Type.String(),
    cardLast4: Nullable(Type.String()),
  },
  { additionalProperties: false },
);

const Liability = Type.Object(
  {
    issuerPromiseCents: Nullable(Type.Integer()),
    regulation: Type.Union([Type.Literal('reg_z'), Type.Literal('reg_e'), Type.Literal('none')]),
    regulatoryCapCents: Nullable(Type.Integer()),
    tier: Type.String(),
    capCents: Nullable(Type.Integer()),
    citation: Type.String(),
    explanation: Type.String(),
  },
  { additionalProperties: false },
);

export const AlertView = Type.Object(
  {
    id: Type.String(),
    status: Type.Union([Type.Literal('pending'), Type.Literal('confirmed'), Type.Literal('denied'), Type.Literal('expired')]),
    score: Type.Integer(),
    reasons: Type.Array(Reason),
    charge: Nullable(Charge),
    cardId: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    decidedAt: Nullable(Type.String({ format: 'date-time' })),
    decidedVia: Nullable(Type.Union([Type.Literal('portal'), Type.Literal('link')])),
    linkExpiresAt: Type.String({ format: 'date-time' }),
    liability: Liability,
    // What the decision did (quiet period; or case, blocked and replacement card, charges, recurring merchants).
    outcome: Nullable(Type.Object({}, { additionalProperties: true })),
  },
  { additionalProperties: false },
);

export const AlertList = Type.Object({ items: Type.Array(AlertView) }, { additionalProperties: false });
export const AlertParams = Type.Object({ id: Type.String({ pattern: ALERT_ID_PATTERN }) }, { additionalProperties: false });
export const LinkQuery = Type.Object({ token: Type.Optional(Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' })) }, { additionalProperties: false });
export const AlertListQuery = Type.Object({ customerId: Type.Optional(Type.String({ pattern: '^cus_[0-9a-z]{16}$' })) }, { additionalProperties: false });
