import { type Static, Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Instant = Type.String({ format: 'date-time' });
const Kind = Type.Union([Type.Literal('income'), Type.Literal('identity'), Type.Literal('bank_statements'), Type.Literal('custom')]);

export const AccountParam = Type.Object({ id: Type.String({ pattern: '^acc_[0-9a-z]{16}$' }) }, { additionalProperties: false });
export const ReviewParam = Type.Object({ id: Type.String({ pattern: '^rev_[0-9a-z]{16}$' }) }, { additionalProperties: false });
export const DocumentParams = Type.Object(
  { id: Type.String({ pattern: '^rev_[0-9a-z]{16}$' }), documentId: Type.String({ pattern: '^rdq_[0-9a-z]{16}$' }) },
  { additionalProperties: false },
);

export const DocumentRequest = Type.Object(
  {
    kind: Kind,
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'required for custom; else the plain-words default' })),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    dueHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720, description: 'default from the issuer profile (48)' })),
  },
  { additionalProperties: false },
);

export const OpenReviewBody = Type.Object(
  {
    reason: Type.String({ minLength: 3, maxLength: 500, description: 'shown to the cardholder' }),
    reasonCode: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$', description: 'groups similar reviews for the estimate, e.g. income_verification' }),
    documents: Type.Array(DocumentRequest, { minItems: 1, maxItems: 10 }),
  },
  { additionalProperties: false },
);
export const RequestDocumentsBody = Type.Object({ documents: Type.Array(DocumentRequest, { minItems: 1, maxItems: 10 }) }, { additionalProperties: false });
export const UploadBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export const CheckBody = Type.Object({ satisfied: Type.Boolean(), note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) }, { additionalProperties: false });
export const DecideBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('release'), Type.Literal('extend'), Type.Literal('close')]),
    note: Type.String({ minLength: 1, maxLength: 4000, description: 'the written reason; for close, the principal reason in the adverse-action notice' }),
    extendHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720 })),
  },
  { additionalProperties: false },
);
export const ListQuery = Type.Object(
  { status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('released'), Type.Literal('closed')])), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })) },
  { additionalProperties: false },
);

export const DocumentView = Type.Object(
  {
    id: Type.String(),
    kind: Kind,
    label: Type.String(),
    note: Nullable(Type.String()),
    status: Type.Union([Type.Literal('requested'), Type.Literal('received'), Type.Literal('satisfied'), Type.Literal('closed')]),
    requestedAt: Instant,
    dueAt: Instant,
    overdue: Type.Boolean(),
    remindedAt: Nullable(Instant),
    receivedAt: Nullable(Instant),
    satisfiedAt: Nullable(Instant),
    uploads: Type.Integer(),
    canUpload: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const ReviewView = Type.Object(
  {
    accountId: Type.String(),
    status: Type.Union([Type.Literal('none'), Type.Literal('open'), Type.Literal('released'), Type.Literal('closed')]),
    reviewId: Nullable(Type.String()),
    reason: Nullable(Type.String()),
    caseId: Nullable(Type.String()),
    caseNumber: Nullable(Type.String()),
    placedAt: Nullable(Instant),
    extendedUntil: Nullable(Instant),
    decision: Nullable(Type.Union([Type.Literal('release'), Type.Literal('close')])),
    decidedAt: Nullable(Instant),
    documents: Type.Array(DocumentView),
    estimate: Nullable(
      Type.Object(
        {
          basis: Type.Union([Type.Literal('similar_reviews'), Type.Literal('same_reason'), Type.Literal('default')]),
          sampleSize: Type.Integer(),
          medianHours: Type.Number(),
          p90Hours: Type.Number(),
          summary: Type.String(),
          expectedBy: Nullable(Instant),
          latestBy: Nullable(Instant),
        },
        { additionalProperties: false },
      ),
    ),
    declines: Nullable(Type.Object({ title: Type.String(), explanation: Type.String(), whatToDo: Type.String() }, { additionalProperties: false })),
    nextStep: Type.String(),
  },
  { additionalProperties: false },
);
export type ReviewView = Static<typeof ReviewView>;

export const ReviewSummary = Type.Object(
  { id: Type.String(), accountId: Type.String(), customerId: Type.String(), status: Type.String(), reason: Type.String(), reasonCode: Type.String(), caseId: Type.String(), caseNumber: Type.String(), placedAt: Instant, source: Type.String() },
  { additionalProperties: false },
);
export const ReviewList = Type.Object({ items: Type.Array(ReviewSummary) }, { additionalProperties: false });
