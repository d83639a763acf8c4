import { type Static, Type } from 'typebox';
import { REASONS } from './explain-points.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date' });

export const RewardsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
    cursor: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,200}$', description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);
export type RewardsQuery = Static<typeof RewardsQuery>;

const Category = Type.Object(
  {
    id: Type.String(),
    label: Type.String(),
    rate: Type.Number(),
    cap: Nullable(Type.Object({ amountCents: Type.Integer(), period: Type.String(), currentPeriod: Type.String(), usedCents: Type.Integer(), reachedOn: Nullable(Day) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
const Promotion = Type.Object(
  { id: Type.String(), name: Type.String(), description: Type.String(), extraRate: Type.Number(), startsOn: Day, endsOn: Day, requiresEnrollment: Type.Boolean(), enrolled: Type.Boolean(), enrolledAt: Nullable(Type.String()) },
  { additionalProperties: false },
);
export const ProgramView = Type.Object(
  {
    name: Type.String(),
    baseRate: Type.Number(),
    postsAt: Type.String(),
    categories: Type.Array(Category),
    promotions: Type.Array(Promotion),
    adjustmentApprovalAbovePoints: Type.Integer(),
    redemption: Nullable(Type.Object({ statementCreditCentsPerPoint: Type.Number(), minimumPoints: Type.Integer() }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export const LedgerEntryView = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    points: Type.Integer(),
    description: Type.String(),
    effectiveOn: Day,
    transactionId: Nullable(Type.String()),
    promotionId: Nullable(Type.String()),
    source: Type.String(),
  },
  { additionalProperties: false },
);

export const AdjustmentView = Type.Object(
  {
    id: Type.String(),
    accountId: Type.String(),
    points: Type.Integer(),
    reason: Type.String(),
    transactionId: Nullable(Type.String()),
    status: Type.Enum(['pending_approval', 'applied', 'rejected'] as const),
    requestedBy: Type.String(),
    decidedBy: Nullable(Type.String()),
    decisionNote: Nullable(Type.String()),
    approvalAbovePoints: Type.Integer(),
    createdAt: Type.String(),
    decidedAt: Nullable(Type.String()),
  },
  { additionalProperties: false },
);

export const RewardsView = Type.Object(
  {
    accountId: Type.String(),
    program: Nullable(ProgramView),
    balance: Type.Integer(),
    pendingPoints: Type.Integer({ description: 'points the rules give to transactions that have not posted yet, or post at statement close' }),
    history: Type.Object({ items: Type.Array(LedgerEntryView), nextCursor: Nullable(Type.String()) }, { additionalProperties: false }),
    adjustments: Type.Optional(Type.Array(AdjustmentView, { description: 'staff only: recent adjustments, pending ones included' })),
  },
  { additionalProperties: false },
);
export type RewardsView = Static<typeof RewardsView>;

export const ExplanationView = Type.Object(
  {
    transactionId: Type.String(),
    accountId: Type.String(),
    expectedPoints: Type.Integer(),
    postedPoints: Type.Integer(),
    reason: Type.Enum(REASONS),
    detail: Type.Object(
      {
        message: Type.String(),
        postsOn: Type.Optional(Day),
        category: Type.Optional(Type.String()),
        bonusRate: Type.Optional(Type.Number()),
        baseRate: Type.Optional(Type.Number()),
        bonusCents: Type.Optional(Type.Integer()),
        baseCents: Type.Optional(Type.Integer()),
        capCents: Type.Optional(Type.Integer()),
        capPeriod: Type.Optional(Type.String()),
        capReachedOn: Type.Optional(Day),
        capReachedByTransactionId: Type.Optional(Type.String()),
        spendBeforeCents: Type.Optional(Type.Integer()),
        spendAtCapCents: Type.Optional(Type.Integer()),
        refundTransactionId: Type.Optional(Type.String()),
        purchaseTransactionId: Type.Optional(Type.String()),
        refundedOn: Type.Optional(Day),
        refundedCents: Type.Optional(Type.Integer()),
        pointsReversed: Type.Optional(Type.Integer()),
        promotionId: Type.Optional(Type.String()),
        promotionName: Type.Optional(Type.String()),
        missedPoints: Type.Optional(Type.Integer()),
        caseNumber: Type.Optional(Type.String()),
        mcc: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type ExplanationView = Static<typeof ExplanationView>;

export const AdjustmentBody = Type.Object(
  {
    points: Type.Integer({ minimum: -10_000_000, maximum: 10_000_000, description: 'points to add (positive) or take away (negative); not 0' }),
    reason: Type.String({ minLength: 1, maxLength: 500, description: 'why: required, kept in the audit log' }),
    transactionId: Type.Optional(Type.String({ pattern: '^txn_[0-9a-z]{16}$', description: 'the transaction this corrects, if any' })),
  },
  { additionalProperties: false },
);
export type AdjustmentBody = Static<typeof AdjustmentBody>;

export const DecisionBody = Type.Object({ note: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) }, { additionalProperties: false });

export const AdjustmentParams = Type.Object(
  { id: Type.String({ pattern: '^acc_[0-9a-z]{16}$' }), adjId: Type.String({ pattern: '^rwa_[0-9a-z]{16}$' }) },
  { additionalProperties: false },
);
export const EnrollParams = Type.Object({ id: Type.String({ pattern: '^acc_[0-9a-z]{16}$' }), promotionId: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }) }, { additionalProperties: false });
export const EnrollmentView = Type.Object({ accountId: Type.String(), promotionId: Type.String(), enrolledAt: Type.String(), alreadyEnrolled: Type.Boolean() }, { additionalProperties: false });

export const RedemptionBody = Type.Object({ points: Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'points to turn into a statement credit' }) }, { additionalProperties: false });
export const RedemptionView = Type.Object(
  { entryId: Type.String(), points: Type.Integer(), amountCents: Type.Integer(), currency: Type.String(), creditTransactionId: Type.String(), balance: Type.Integer() },
  { additionalProperties: false },
);
