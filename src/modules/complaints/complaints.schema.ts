import { Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Iso = Type.String({ format: 'date-time' });
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD, in the issuer\u2019s time zone' });
const CaseId = Type.String({ pattern: '^case_[0-9a-z]{16}$' });
const CustomerId = Type.String({ pattern: '^cus_[0-9a-z]{16}$' });
const Slug = Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' });

export const FileComplaintBody = Type.Object(
  {
    caseId: Type.Optional(CaseId),
    category: Slug,
    description: Type.String({ minLength: 1, maxLength: 20000 }),
    desiredOutcome: Type.String({ minLength: 1, maxLength: 2000 }),
    accountId: Type.Optional(Type.String({ pattern: '^acc_[0-9a-z]{16}$' })),
    customerId: Type.Optional(Type.String({ ...CustomerId, description: 'staff logging a phone or mail complaint: whose it is' })),
    channel: Type.Optional(Type.Union([Type.Literal('phone'), Type.Literal('mail')], { description: 'staff only: how the complaint reached us' })),
    receivedAt: Type.Optional(Type.String({ format: 'date-time', description: 'staff only: when the call or letter was received (default now)' })),
  },
  { additionalProperties: false },
);

export const RegulatorComplaintBody = Type.Object(
  {
    portalComplaintId: Type.String({ pattern: '^[A-Za-z0-9-]{4,40}$', description: 'the CFPB portal\u2019s complaint id' }),
    receivedOn: IsoDate,
    narrative: Type.String({ minLength: 1, maxLength: 20000 }),
    product: Type.String({ minLength: 1, maxLength: 120 }),
    customerId: CustomerId,
    caseIds: Type.Array(CaseId, { maxItems: 20 }),
    category: Type.Optional(Slug),
  },
  { additionalProperties: false },
);

export const PORTAL_RESPONSE_STATUSES = ['in_progress', 'closed_with_explanation', 'closed_with_monetary_relief', 'closed_with_non_monetary_relief', 'administrative_response'] as const;
export const RegulatorResponseBody = Type.Object(
  {
    response: Type.String({ minLength: 1, maxLength: 20000 }),
    portalStatus: Type.Union([Type.Literal('in_progress'), Type.Literal('closed_with_explanation'), Type.Literal('closed_with_monetary_relief'), Type.Literal('closed_with_non_monetary_relief'), Type.Literal('administrative_response')]),
    sentOn: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

export const RespondBody = Type.Object({ response: Type.String({ minLength: 1, maxLength: 20000 }) }, { additionalProperties: false });
export const CloseBody = Type.Object({ rootCause: Type.Optional(Slug) }, { additionalProperties: false });

const Outcome = Type.Union([Type.Literal('on_time'), Type.Literal('late'), Type.Literal('overdue'), Type.Literal('pending'), Type.Literal('none')]);
export const DueDatesView = Type.Object({ acknowledgment: Nullable(IsoDate), response: IsoDate, final: IsoDate }, { additionalProperties: false });

export const ComplaintView = Type.Object(
  {
    id: Type.String(),
    caseId: Type.String(),
    customerId: Type.String(),
    source: Type.String(),
    channel: Type.String(),
    category: Type.String(),
    productLine: Type.String(),
    status: Type.String(),
    statusLabel: Type.String(),
    desiredOutcome: Nullable(Type.String()),
    receivedAt: Iso,
    receivedOn: IsoDate,
    dueDates: DueDatesView,
    acknowledgedAt: Nullable(Iso),
    respondedAt: Nullable(Iso),
    closedAt: Nullable(Iso),
    rootCause: Nullable(Type.String()),
    portalComplaintId: Nullable(Type.String()),
    regulatorProduct: Nullable(Type.String()),
    regulatorResponse: Nullable(Type.String()),
    clocks: Type.Object({ acknowledgment: Outcome, response: Outcome, final: Outcome }, { additionalProperties: false }),
    overdue: Type.Boolean(),
  },
  { additionalProperties: false },
);

const OnTime = Type.Object({ onTime: Type.Integer(), dueSoFar: Type.Integer(), rate: Nullable(Type.Number()) }, { additionalProperties: false });
export const RegisterView = Type.Object(
  {
    asOf: IsoDate,
    items: Type.Array(ComplaintView),
    onTime: Type.Object({ acknowledgment: OnTime, response: OnTime, final: OnTime }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const RegisterQuery = Type.Object(
  {
    status: Type.Optional(Type.String({ pattern: '^[a-z_]+(,[a-z_]+)*$' })),
    category: Type.Optional(Slug),
    productLine: Type.Optional(Type.String({ maxLength: 40 })),
    channel: Type.Optional(Type.Union([Type.Literal('secure_message'), Type.Literal('phone'), Type.Literal('mail'), Type.Literal('regulator')])),
    source: Type.Optional(Type.Union([Type.Literal('cardholder'), Type.Literal('staff'), Type.Literal('regulator')])),
    customerId: Type.Optional(CustomerId),
    dueBefore: Type.Optional(Type.String({ format: 'date', description: 'the next open deadline falls before this date' })),
    overdue: Type.Optional(Type.Boolean({ description: 'some clock is past due and undone' })),
  },
  { additionalProperties: false },
);

export const TimelineEntry = Type.Object(
  { id: Type.Integer(), at: Iso, kind: Type.String(), actor: Nullable(Type.Object({ role: Type.String(), displayName: Type.String() })), messageId: Nullable(Type.String()), data: Type.Record(Type.String(), Type.Unknown()), caseId: Type.String() },
  { additionalProperties: false },
);
export const ComplaintDetail = Type.Object(
  {
    ...ComplaintView.properties,
    cases: Type.Array(Type.Object({ caseId: Type.String(), number: Type.String(), subject: Type.String(), status: Type.String(), statusLabel: Type.String(), escalation: Nullable(Type.String()) }, { additionalProperties: false })),
    timeline: Type.Array(TimelineEntry),
  },
  { additionalProperties: false },
);

export const CallbackBody = Type.Object(
  {
    phone: Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$', description: 'E.164, e.g. +12125550123' }),
    preferredTime: Type.String({ format: 'date-time' }),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    accountId: Type.Optional(Type.String({ pattern: '^acc_[0-9a-z]{16}$' })),
  },
  { additionalProperties: false },
);

const NextSteps = Type.Object(
  { kind: Type.String(), escalated: Type.Boolean(), message: Type.String(), actions: Type.Array(Type.Object({ label: Type.String(), href: Type.String() }, { additionalProperties: false })) },
  { additionalProperties: false },
);
export const CallbackView = Type.Object(
  { caseId: Type.String(), number: Type.String(), queue: Type.String(), channel: Type.Literal('phone'), preferredTime: Iso, phoneLast4: Type.String(), message: Type.String(), nextSteps: Nullable(NextSteps) },
  { additionalProperties: false },
);

const Choice = Type.Object({ id: Type.String(), label: Type.String() }, { additionalProperties: false });
export const ComplaintOptions = Type.Object(
  {
    categories: Type.Array(Choice),
    rootCauses: Type.Array(Choice),
    clocks: Type.Object({ acknowledgmentBusinessDays: Type.Integer(), responseCalendarDays: Type.Integer(), finalCalendarDays: Type.Integer() }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
