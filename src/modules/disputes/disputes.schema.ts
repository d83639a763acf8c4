import { type Static, Type } from 'typebox';
import { DISPUTE_REASONS } from './dispute-reasons.ts';
import { NETWORK_ACTIONS, NETWORK_STATE_NAMES } from './network.machine.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date' });
const TxnId = Type.String({ pattern: '^txn_[0-9a-z]{16}$' });
const Literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

export const FileDisputeBody = Type.Object(
  {
    transactionId: TxnId,
    reason: Literals(DISPUTE_REASONS),
    amount: Type.Optional(Type.Integer({ minimum: 1, description: 'the disputed amount in minor units (cents); defaults to the posted amount' })),
    answers: Type.Record(Type.String(), Type.Unknown(), { description: 'reason-specific answers; `merchantContact` { contactedOn?, how?, outcome? } for non-fraud reasons' }),
  },
  { additionalProperties: false },
);
export type FileDisputeBody = Static<typeof FileDisputeBody>;

export const RefundCheckBody = Type.Object({ transactionId: TxnId, amount: Type.Optional(Type.Integer({ minimum: 1 })), refundDate: Type.Optional(Day) }, { additionalProperties: false });

export const RefundCheckView = Type.Object(
  {
    transactionId: Type.String(),
    found: Type.Boolean(),
    matches: Type.Array(
      Type.Object({ transactionId: Type.String(), amountCents: Type.Integer(), status: Type.String(), date: Day, merchantName: Nullable(Type.String()), linkedToCharge: Type.Boolean() }, { additionalProperties: false }),
    ),
    searchedFrom: Day,
    searchedThrough: Day,
    message: Type.String(),
  },
  { additionalProperties: false },
);

export const ResolveBody = Type.Object(
  { outcome: Type.Union([Type.Literal('cardholder_favor'), Type.Literal('merchant_favor')]), note: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);
export const MoveBody = Type.Object({ note: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })) }, { additionalProperties: false });
export const MoveParams = Type.Object({ id: Type.String({ pattern: '^dsp_[0-9a-z]{16}$' }), action: Literals(NETWORK_ACTIONS) }, { additionalProperties: false });

export const DisputeListQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')])),
    networkStatus: Type.Optional(Literals(NETWORK_STATE_NAMES)),
    customerId: Type.Optional(Type.String({ pattern: '^cus_[0-9a-z]{16}$', description: 'staff only' })),
    caseId: Type.Optional(Type.String({ pattern: '^case_[0-9a-z]{16}$', description: 'the disputes on one case' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);

const Clock = Type.Object({ name: Type.String(), label: Type.String(), dueOn: Day, citation: Type.String(), metOn: Nullable(Day) }, { additionalProperties: false });
const Warning = Type.Object({ name: Type.String(), dueOn: Day, citation: Type.String(), status: Type.String(), daysLeft: Type.Integer() }, { additionalProperties: false });
const MoneyStep = Type.Object(
  {
    kind: Type.String(),
    amountCents: Type.Integer(),
    state: Type.String(),
    at: Type.String(),
    reversedAt: Nullable(Type.String()),
    reference: Type.Optional(Type.String()),
    ledgerTransactionId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

/** One schema for both audiences: the staff-only fields are optional and absent from a cardholder's view. */
export const DisputeView = Type.Object(
  {
    id: Type.String(),
    caseId: Type.String(),
    caseNumber: Type.String(),
    transactionId: Type.String(),
    status: Type.String(),
    outcome: Nullable(Type.String()),
    statusText: Type.String(),
    reason: Type.String(),
    reasonLabel: Type.String(),
    reasonCode: Nullable(Type.String()),
    amountCents: Type.Integer(),
    currency: Type.String(),
    regulation: Type.Union([Type.Literal('reg_z'), Type.Literal('reg_e'), Type.Literal('none')]),
    handling: Type.Union([Type.Literal('regulatory'), Type.Literal('courtesy')]),
    handlingExplanation: Type.String(),
    noticeReceivedOn: Day,
    deadlines: Type.Object(
      { acknowledgeBy: Nullable(Day), resolveBy: Nullable(Day), provisionalCreditBy: Type.Optional(Day), decideBy: Type.Optional(Day) },
      { additionalProperties: false },
    ),
    clocks: Type.Array(Clock),
    warnings: Type.Array(Warning),
    network: Type.Object(
      { status: Type.String(), label: Type.String(), text: Type.String(), profile: Type.Optional(Type.String()), allowedActions: Type.Optional(Type.Array(Type.String())) },
      { additionalProperties: false },
    ),
    regulatory: Type.Object({ status: Type.String(), label: Type.String() }, { additionalProperties: false }),
    amountDueAdjustmentCents: Type.Integer({ description: 'Reg Z: left out of the amount due while the dispute is open (12 CFR 1026.13(d)(1))' }),
    moneySteps: Type.Array(MoneyStep),
    whatHappensNext: Type.Array(Type.String()),
    createdAt: Type.String(),
    customerId: Type.Optional(Type.String()),
    accountId: Type.Optional(Type.String()),
    answers: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    noticeWindow: Type.Optional(Nullable(Type.Record(Type.String(), Type.Unknown()))),
    transferFacts: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);
export const DisputeList = Type.Object({ items: Type.Array(DisputeView) }, { additionalProperties: false });

export const DisputeOptionsQuery = Type.Object({ transactionId: TxnId }, { additionalProperties: false });

const ChargeSummary = {
  id: Type.String(),
  merchantName: Nullable(Type.String()),
  description: Type.String(),
  amountCents: Type.Integer(),
  currency: Type.String(),
  status: Type.String(),
  date: Day,
  cardLast4: Nullable(Type.String()),
};
const Question = Type.Object({ key: Type.String(), kind: Type.String(), required: Type.Boolean(), label: Type.String() }, { additionalProperties: false });
const ReasonOption = Type.Object(
  { reason: Type.String(), label: Type.String(), isFraud: Type.Boolean(), asksMerchantContact: Type.Boolean(), questions: Type.Array(Question) },
  { additionalProperties: false },
);

/** Everything the wizard shows before filing: the charge, disputable or why not, the refund check first. */
export const DisputeOptionsView = Type.Object(
  {
    transaction: Type.Object({ ...ChargeSummary, accountId: Type.String() }, { additionalProperties: false }),
    disputable: Type.Boolean(),
    notDisputableReason: Nullable(Type.String()),
    openDispute: Nullable(Type.Object({ id: Type.String(), caseId: Type.String(), caseNumber: Type.String() }, { additionalProperties: false })),
    reasons: Type.Array(ReasonOption),
    refundCheck: Nullable(RefundCheckView),
    sameMerchantCharges: Type.Array(Type.Object(ChargeSummary, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
