import { type Static, Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Iso = Type.String({ format: 'date-time' });
const CaseId = Type.String({ pattern: '^case_[0-9a-z]{16}$' });

export const PriorityEnum = Type.Union([Type.Literal('low'), Type.Literal('normal'), Type.Literal('high'), Type.Literal('urgent')]);
export const StatusEnum = Type.Union([Type.Literal('new'), Type.Literal('open'), Type.Literal('pending_customer'), Type.Literal('pending_internal'), Type.Literal('resolved'), Type.Literal('closed')]);
export const CaseTypeEnum = Type.Union([Type.Literal('general'), Type.Literal('dispute'), Type.Literal('fraud'), Type.Literal('rewards'), Type.Literal('fee'), Type.Literal('account_review'), Type.Literal('complaint'), Type.Literal('card_services')]);

/** What the cardholder may see of a representative: the name and agent ID, never internal ids. */
export const Representative = Type.Object({ displayName: Type.String(), agentCode: Type.String() }, { additionalProperties: false });

export const Author = Type.Object(
  {
    role: Type.String({ description: 'cardholder, agent, supervisor, compliance, admin or system' }),
    displayName: Type.String(),
    agentCode: Type.Optional(Type.String({ description: 'present on every staff message' })),
  },
  { additionalProperties: false },
);

export const AttachmentView = Type.Object(
  { id: Type.String(), fileName: Type.String(), mime: Type.String(), sizeBytes: Type.Integer(), url: Type.String() },
  { additionalProperties: false },
);

export const Redaction = Type.Object({ kind: Type.String(), count: Type.Integer() }, { additionalProperties: false });

export const MessageView = Type.Object(
  {
    id: Type.String(),
    body: Type.String(),
    author: Author,
    createdAt: Iso,
    readAt: Nullable(Iso),
    attachments: Type.Array(AttachmentView),
    redactions: Type.Array(Redaction),
  },
  { additionalProperties: false },
);

/** Staff see internal notes too, marked as such. */
export const StaffMessageView = Type.Object(
  { ...MessageView.properties, internal: Type.Boolean() },
  { additionalProperties: false },
);

export const SlaClockView = Type.Object(
  {
    dueAt: Nullable(Iso),
    breached: Type.Boolean(),
    paused: Type.Boolean(),
    met: Type.Boolean(),
    remainingMinutes: Nullable(Type.Number()),
    atRisk: Type.Boolean(),
  },
  { additionalProperties: false },
);
export const SlaView = Type.Object(
  { policy: Type.String(), firstResponse: SlaClockView, nextResponse: SlaClockView, resolution: SlaClockView },
  { additionalProperties: false },
);

const caseCommon = {
  id: Type.String(),
  number: Type.String({ description: 'human-readable case number, e.g. AX-100123' }),
  subject: Type.String(),
  type: CaseTypeEnum,
  status: StatusEnum,
  statusLabel: Type.String({ description: 'plain-language status for the cardholder' }),
  priority: PriorityEnum,
  queue: Type.String(),
  channel: Type.String(),
  productLine: Type.String(),
  accountId: Nullable(Type.String()),
  transactionId: Nullable(Type.String()),
  escalation: Nullable(Type.Literal('supervisor')),
  assignee: Nullable(Representative),
  mergedInto: Nullable(Type.String({ description: 'the case number this one was merged into' })),
  createdAt: Iso,
  updatedAt: Iso,
  resolvedAt: Nullable(Iso),
  unreadCount: Type.Integer({ description: 'messages from the other side not yet read' }),
  replyExpectedBy: Nullable(Type.String({ format: 'date-time', description: 'when we will answer at the latest (the running response target)' })),
};

export const CaseSummary = Type.Object(caseCommon, { additionalProperties: false });
export const StaffCaseSummary = Type.Object(
  { ...caseCommon, customerId: Type.String(), customerName: Type.String(), assigneeId: Nullable(Type.String()), sla: SlaView, allowedActions: Type.Array(Type.String()) },
  { additionalProperties: false },
);

export const TimelineEntry = Type.Object(
  {
    id: Type.Integer(),
    at: Iso,
    kind: Type.String(),
    actor: Nullable(Author),
    messageId: Nullable(Type.String()),
    data: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);

export const CaseDetail = Type.Object(
  {
    ...caseCommon,
    messages: Type.Array(MessageView),
    timeline: Type.Array(TimelineEntry),
    canReply: Type.Boolean(),
    csat: Type.Object({ canRate: Type.Boolean(), rating: Nullable(Type.Integer()) }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const StaffCaseDetail = Type.Object(
  {
    ...StaffCaseSummary.properties,
    messages: Type.Array(StaffMessageView),
    timeline: Type.Array(TimelineEntry),
    links: Type.Record(Type.String(), Type.String()),
  },
  { additionalProperties: false },
);

export const NewMessageBody = Type.Object(
  {
    subject: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 20000 }),
    accountId: Type.Optional(Type.String({ pattern: '^acc_[0-9a-z]{16}$' })),
    transactionId: Type.Optional(Type.String({ pattern: '^txn_[0-9a-z]{16}$' })),
  },
  { additionalProperties: false },
);
export type NewMessageBody = Static<typeof NewMessageBody>;

export const ReplyBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 20000 }), internal: Type.Optional(Type.Boolean({ description: 'staff only: an internal note' })) },
  { additionalProperties: false },
);
export type ReplyBody = Static<typeof ReplyBody>;

/** The answer to a new conversation or a reply: the case and the stored message (as redacted). */
export const MessagePosted = Type.Object(
  {
    case: Type.Object(
      { id: Type.String(), number: Type.String(), priority: PriorityEnum, queue: Type.String(), status: StatusEnum, statusLabel: Type.String() },
      { additionalProperties: false },
    ),
    id: Type.String({ description: 'the case id (also in case.id)' }),
    number: Type.String(),
    priority: PriorityEnum,
    queue: Type.String(),
    status: StatusEnum,
    message: StaffMessageView,
    notice: Nullable(Type.String({ description: 'why something was removed from the message, in plain words' })),
    nextSteps: Type.Optional(
      Nullable(
        Type.Object(
          { kind: Type.String(), escalated: Type.Boolean(), message: Type.String(), actions: Type.Array(Type.Object({ label: Type.String(), href: Type.String() }, { additionalProperties: false })) },
          { additionalProperties: false, description: 'what happens next when the message invoked dispute or complaint rights' },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);

export const CaseListQuery = Type.Object(
  {
    status: Type.Optional(Type.String({ pattern: '^[a-z_]+(,[a-z_]+)*$', description: 'comma-separated statuses' })),
    queue: Type.Optional(Type.String({ maxLength: 80 })),
    priority: Type.Optional(PriorityEnum),
    assignee: Type.Optional(Type.String({ maxLength: 40, description: '"me", "none" or a user id (staff)' })),
    breached: Type.Optional(Type.Boolean()),
    customerId: Type.Optional(Type.String({ pattern: '^cus_[0-9a-z]{16}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type CaseListQuery = Static<typeof CaseListQuery>;

export const CaseAction = Type.Union([Type.Literal('start'), Type.Literal('await-customer'), Type.Literal('await-internal'), Type.Literal('resolve'), Type.Literal('reopen'), Type.Literal('close')]);
export const CaseActionParams = Type.Object({ id: CaseId, action: CaseAction }, { additionalProperties: false });
export const ActionBody = Type.Object({ note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) }, { additionalProperties: false });
export const AssignBody = Type.Object(
  { assigneeId: Nullable(Type.String({ pattern: '^(usr_[0-9a-z]{16}|me)$', description: 'a staff user id, "me", or null to unassign' })) },
  { additionalProperties: false },
);
export const PriorityBody = Type.Object({ priority: PriorityEnum }, { additionalProperties: false });
export const MergeBody = Type.Object({ intoCaseId: CaseId }, { additionalProperties: false });
export const CsatBody = Type.Object(
  { rating: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
