import { type Static, type TSchema, Type } from 'typebox';
import { DateString } from '../../platform/schemas.ts';

// Request and response schemas for the banking endpoints. Responses are allow-lists: a field not declared
// here never leaves the server (no full card number, no idempotency reference, no internal ids).

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Cents = (description: string) => Type.Integer({ description: `${description}, in minor units (cents)` });
const Instant = Type.String({ format: 'date-time' });
const CustomerId = Type.String({ pattern: '^cus_[0-9a-z]{16}$', description: 'a cus_… identifier' });

export const AccountsQuery = Type.Object(
  { customerId: Type.Optional(CustomerId) },
  { additionalProperties: false, description: 'Staff must name the customer; cardholders see their own accounts.' },
);

const TransactionStatus = Type.Union([Type.Literal('authorized'), Type.Literal('posted'), Type.Literal('declined'), Type.Literal('reversed')]);

export const TransactionsQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 25 }),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 300, pattern: '^[A-Za-z0-9_-]+$', description: 'nextCursor from the previous page' })),
    from: Type.Optional(Type.String({ format: 'date', description: 'first day, inclusive, YYYY-MM-DD (issuer time zone)' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'last day, inclusive, YYYY-MM-DD (issuer time zone)' })),
    status: Type.Optional(TransactionStatus),
  },
  { additionalProperties: false },
);

export const CustomersQuery = Type.Object(
  { q: Type.String({ minLength: 2, maxLength: 100, description: 'name, e-mail, phone number or card last 4' }) },
  { additionalProperties: false },
);

export const CardView = Type.Object(
  {
    id: Type.String(),
    last4: Type.String({ pattern: '^[0-9]{4}$' }),
    network: Type.String(),
    cardholderName: Type.String(),
    expires: Type.String({ description: 'YYYY-MM' }),
    status: Type.Union([Type.Literal('active'), Type.Literal('locked'), Type.Literal('blocked'), Type.Literal('replaced')]),
    statusChangedAt: Nullable(Instant),
    replacedBy: Nullable(Type.String()),
  },
  { additionalProperties: false },
);

export const AccountView = Type.Object(
  {
    id: Type.String(),
    customerId: Type.String(),
    nickname: Type.String(),
    productLine: Type.String(),
    productLineName: Type.String(),
    cardProduct: Type.String(),
    cardProductName: Type.String(),
    accountKind: Type.String(),
    status: Type.Union([Type.Literal('active'), Type.Literal('on_hold'), Type.Literal('closed')]),
    holdReason: Nullable(Type.String()),
    holdPlacedAt: Nullable(Instant),
    currency: Type.String(),
    balanceSense: Type.Union([Type.Literal('owed'), Type.Literal('held')], { description: 'owed: what the cardholder owes; held: what they hold' }),
    balanceCents: Cents('posted balance'),
    pendingCents: Cents('authorizations not yet posted'),
    creditLimitCents: Nullable(Cents('credit limit')),
    availableCreditCents: Nullable(Cents('credit still available')),
    annualFeeCents: Cents('annual fee'),
    billingCycleDay: Type.Integer({ minimum: 1, maximum: 28 }),
    openedOn: DateString,
    closedOn: Nullable(DateString),
  },
  { additionalProperties: false },
);

export const AccountDetailView = Type.Object(
  { ...AccountView.properties, cards: Type.Array(CardView) },
  { additionalProperties: false },
);

export const AccountList = Type.Object({ items: Type.Array(AccountView) }, { additionalProperties: false });

export const TransactionView = Type.Object(
  {
    id: Type.String(),
    accountId: Type.String(),
    cardId: Nullable(Type.String()),
    cardLast4: Nullable(Type.String()),
    kind: Type.String(),
    direction: Type.Union([Type.Literal('debit'), Type.Literal('credit')]),
    status: TransactionStatus,
    amountCents: Type.Integer({ minimum: 1 }),
    currency: Type.String(),
    description: Type.String(),
    merchantName: Nullable(Type.String()),
    mcc: Nullable(Type.String()),
    merchantCountry: Nullable(Type.String()),
    cardPresent: Nullable(Type.Boolean()),
    authorizedAt: Instant,
    postedAt: Nullable(Instant),
    refundOf: Nullable(Type.String()),
    relatedTo: Nullable(Type.String()),
    statementId: Nullable(Type.String()),
    declineReason: Nullable(Type.String()),
  },
  { additionalProperties: false },
);

export const TransactionPage = Type.Object(
  { items: Type.Array(TransactionView), nextCursor: Nullable(Type.String()) },
  { additionalProperties: false },
);

export const StatementView = Type.Object(
  {
    id: Type.String(),
    accountId: Type.String(),
    periodStart: DateString,
    closingDate: DateString,
    dueDate: DateString,
    currency: Type.String(),
    openingBalanceCents: Cents('balance at the start of the period'),
    debitsCents: Cents('purchases, fees and interest posted in the period'),
    creditsCents: Cents('payments, refunds and credits posted in the period'),
    closingBalanceCents: Cents('balance on the closing date'),
    minimumDueCents: Cents('minimum payment due by the due date'),
  },
  { additionalProperties: false },
);

export const StatementList = Type.Object({ items: Type.Array(StatementView) }, { additionalProperties: false });

export const CustomerSummaryView = Type.Object(
  {
    id: Type.String(),
    firstName: Type.String(),
    lastName: Type.String(),
    displayName: Type.String(),
    email: Type.String(),
    phone: Type.String(),
    city: Type.String(),
    region: Type.String(),
    accountCount: Type.Integer(),
    matchedCardLast4: Nullable(Type.String()),
  },
  { additionalProperties: false },
);

export const CustomerSearchResult = Type.Object({ items: Type.Array(CustomerSummaryView) }, { additionalProperties: false });

export const CustomerDetailView = Type.Object(
  {
    id: Type.String(),
    firstName: Type.String(),
    lastName: Type.String(),
    displayName: Type.String(),
    email: Type.String(),
    phone: Type.String(),
    postalAddress: Type.String({ description: 'one line' }),
    address: Type.Object(
      { line1: Type.String(), line2: Nullable(Type.String()), city: Type.String(), region: Type.String(), postalCode: Type.String(), country: Type.String() },
      { additionalProperties: false },
    ),
    customerSince: Instant,
    accounts: Type.Array(AccountView),
  },
  { additionalProperties: false },
);

export type AccountView = Static<typeof AccountView>;
export type AccountDetailView = Static<typeof AccountDetailView>;
export type CardView = Static<typeof CardView>;
export type TransactionView = Static<typeof TransactionView>;
export type StatementView = Static<typeof StatementView>;
export type CustomerSummaryView = Static<typeof CustomerSummaryView>;
export type CustomerDetailView = Static<typeof CustomerDetailView>;
