import { type Static, Type } from 'typebox';

export const CardView = Type.Object(
  {
    id: Type.String(),
    accountId: Type.String(),
    last4: Type.String({ pattern: '^[0-9]{4}$' }),
    network: Type.String(),
    expires: Type.String(),
    status: Type.Union([Type.Literal('active'), Type.Literal('locked'), Type.Literal('blocked'), Type.Literal('replaced')]),
    statusChangedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    replacedBy: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);

export const Reissued = Type.Object({ replaced: CardView, replacement: CardView }, { additionalProperties: false });

export const BlockBody = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 500 }) }, { additionalProperties: false });
export type BlockBody = Static<typeof BlockBody>;
export const ReissueBody = Type.Object({ reason: Type.Optional(Type.String({ minLength: 3, maxLength: 500 })) }, { additionalProperties: false });

export const DeclineAnswer = Type.Object(
  {
    transactionId: Type.String(),
    status: Type.String(),
    declined: Type.Boolean(),
    code: Type.Union([Type.String(), Type.Null()]),
    title: Type.String(),
    explanation: Type.String(),
    whatToDo: Type.String(),
    merchantName: Type.Union([Type.String(), Type.Null()]),
    amountCents: Type.Integer(),
    authorizedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
