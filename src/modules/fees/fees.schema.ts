import { type Static, Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const AccountParam = Type.Object({ id: Type.String({ pattern: '^acc_[0-9a-z]{16}$' }) }, { additionalProperties: false });
export const FeeRefundParam = Type.Object({ id: Type.String({ pattern: '^fre_[0-9a-z]{16}$' }) }, { additionalProperties: false });

export const QuoteQuery = Type.Object({ closeOn: Type.Optional(Day) }, { additionalProperties: false });

const Line = Type.Object(
  { kind: Type.String(), label: Type.String(), amountCents: Type.Integer({ description: 'signed: what the line adds to or takes from the refund' }) },
  { additionalProperties: false },
);

const RefundSummary = Type.Object(
  { id: Type.String(), status: Type.String(), refundCents: Type.Integer(), requestedAt: Type.String({ format: 'date-time' }), caseNumber: Type.String() },
  { additionalProperties: false },
);

export const QuoteView = Type.Object(
  {
    accountId: Type.String(),
    closeOn: Day,
    currency: Type.String(),
    hasAnnualFee: Type.Boolean(),
    message: Type.String({ description: 'the answer in one plain sentence' }),
    fee: Nullable(Type.Object({ transactionId: Type.String(), amountCents: Type.Integer(), postedOn: Day, statementClosingDate: Nullable(Day) }, { additionalProperties: false })),
    policy: Type.Object(
      { fullRefundDays: Type.Integer(), prorate: Type.Union([Type.Literal('daily'), Type.Literal('none')]), deductBenefits: Type.Boolean(), approvalAboveCents: Type.Integer() },
      { additionalProperties: false },
    ),
    fullRefundThrough: Nullable(Day),
    inFullRefundWindow: Type.Boolean(),
    lines: Type.Array(Line),
    refundCents: Type.Integer(),
    needsApproval: Type.Boolean(),
    existingRefund: Nullable(RefundSummary),
  },
  { additionalProperties: false },
);
export type QuoteView = Static<typeof QuoteView>;

export const RequestRefundBody = Type.Object(
  { confirmClose: Type.Literal(true, { description: 'the cardholder confirms the account closes today' }) },
  { additionalProperties: false },
);

export const FeeRefundView = Type.Object(
  {
    id: Type.String(),
    accountId: Type.String(),
    status: Type.Union([Type.Literal('credited'), Type.Literal('pending_approval'), Type.Literal('rejected'), Type.Literal('nothing_due')]),
    message: Type.String(),
    closeOn: Day,
    feeCents: Type.Integer(),
    refundCents: Type.Integer(),
    lines: Type.Array(Line),
    caseId: Type.String(),
    caseNumber: Type.String(),
    ledgerTransactionId: Nullable(Type.String()),
    requestedAt: Type.String({ format: 'date-time' }),
    decidedAt: Nullable(Type.String({ format: 'date-time' })),
    decisionNote: Nullable(Type.String()),
  },
  { additionalProperties: false },
);
export type FeeRefundView = Static<typeof FeeRefundView>;

export const FeeRefundList = Type.Object({ items: Type.Array(FeeRefundView) }, { additionalProperties: false });
export const ListQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('credited'), Type.Literal('pending_approval'), Type.Literal('rejected'), Type.Literal('nothing_due')])),
    accountId: Type.Optional(Type.String({ pattern: '^acc_[0-9a-z]{16}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);
export const DecideBody = Type.Object({ note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) }, { additionalProperties: false });
export const RejectBody = Type.Object({ note: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
