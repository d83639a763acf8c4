import { Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const IsoDate = Type.String({ format: 'date' });
const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'a share from 0 to 1; null when nothing was due' }));

export const DashboardQuery = Type.Object(
  {
    days: Type.Optional(Type.Integer({ minimum: 7, maximum: 371, description: 'how many days back the charts reach (default 28)' })),
    unit: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('week')], { description: 'bucket size (default: day up to 31 days, else week)' })),
  },
  { additionalProperties: false },
);

const DashboardCase = Type.Object(
  {
    id: Type.String(),
    number: Type.String(),
    subject: Type.String(),
    customerName: Type.String(),
    queue: Type.String(),
    priority: Type.String(),
    status: Type.String(),
    escalation: Nullable(Type.String()),
    assignee: Nullable(Type.Object({ displayName: Type.String(), agentCode: Type.String() }, { additionalProperties: false })),
    slaPolicy: Type.String(),
    nextDueAt: Nullable(Type.String({ format: 'date-time' })),
    breached: Type.Boolean(),
    atRisk: Type.Boolean(),
  },
  { additionalProperties: false },
);

const DueComplaint = Type.Object(
  {
    id: Type.String(),
    caseId: Type.String(),
    category: Type.String(),
    channel: Type.String(),
    status: Type.String(),
    statusLabel: Type.String(),
    nextClock: Type.Union([Type.Literal('acknowledgment'), Type.Literal('response'), Type.Literal('final')]),
    nextDueOn: IsoDate,
    overdue: Type.Boolean(),
  },
  { additionalProperties: false },
);

const Point = Type.Object(
  {
    start: IsoDate,
    casesOpened: Type.Integer(),
    casesWithinSla: Type.Integer(),
    slaAttainment: Rate,
    complaintsDue: Type.Integer(),
    complaintsOnTime: Type.Integer(),
    complaintOnTime: Rate,
  },
  { additionalProperties: false },
);

export const DashboardView = Type.Object(
  {
    asOf: IsoDate,
    generatedAt: Type.String({ format: 'date-time' }),
    range: Type.Object({ unit: Type.Union([Type.Literal('day'), Type.Literal('week')]), from: IsoDate, to: IsoDate }, { additionalProperties: false }),
    escalated: Type.Array(DashboardCase),
    breached: Type.Array(DashboardCase),
    atRisk: Type.Array(DashboardCase),
    complaints: Type.Object(
      { open: Type.Integer(), overdue: Type.Integer(), byDueDate: Type.Array(Type.Object({ dueOn: IsoDate, count: Type.Integer() }, { additionalProperties: false })), items: Type.Array(DueComplaint) },
      { additionalProperties: false },
    ),
    series: Type.Array(Point),
  },
  { additionalProperties: false },
);
