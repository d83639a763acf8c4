import type { IssuerProfile } from '../directory/index.ts';
import type { AccountView, CardView, CustomerDetailView, CustomerSummaryView, StatementView, TransactionView } from './banking.schema.ts';
import { type Account, type AccountBalance, balanceSense, type Card, type Customer, type CustomerMatch, type Statement, type Transaction } from './core-banking.port.ts';

// Domain objects → JSON views. Only what the schemas allow goes out; dates as ISO strings, money in cents.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function accountView(profile: IssuerProfile, a: Account, balance: AccountBalance | undefined): AccountView {
  const line = profile.productLines.find((l) => l.id === a.productLine);
  const product = profile.cardProducts.find((p) => p.id === a.cardProduct);
  return {
    id: a.id,
    customerId: a.customerId,
    nickname: a.nickname,
    productLine: a.productLine,
    productLineName: line?.name ?? a.productLine,
    cardProduct: a.cardProduct,
    cardProductName: product?.name ?? a.cardProduct,
    accountKind: a.kind,
    status: a.status,
    holdReason: a.holdReason,
    holdPlacedAt: iso(a.holdPlacedAt),
    currency: a.currency,
    balanceSense: balanceSense(a.kind),
    balanceCents: balance?.postedBalanceCents ?? 0,
    pendingCents: balance?.pendingDebitsCents ?? 0,
    creditLimitCents: a.creditLimitCents,
    availableCreditCents: balance?.availableCreditCents ?? null,
    annualFeeCents: a.annualFeeCents,
    billingCycleDay: a.billingCycleDay,
    openedOn: a.openedOn,
    closedOn: a.closedOn,
  };
}

export function cardView(c: Card): CardView {
  return {
    id: c.id,
    last4: c.last4,
    network: c.network,
    cardholderName: c.cardholderName,
    expires: c.expires,
    status: c.status,
    statusChangedAt: iso(c.statusChangedAt),
    replacedBy: c.replacedBy,
  };
}

export function transactionView(t: Transaction): TransactionView {
  return {
    id: t.id,
    accountId: t.accountId,
    cardId: t.cardId,
    cardLast4: t.cardLast4,
    kind: t.kind,
    direction: t.direction,
    status: t.status,
    amountCents: t.amountCents,
    currency: t.currency,
    description: t.description,
    merchantName: t.merchantName,
    mcc: t.mcc,
    merchantCountry: t.merchantCountry,
    cardPresent: t.cardPresent,
    authorizedAt: t.authorizedAt.toISOString(),
    postedAt: iso(t.postedAt),
    refundOf: t.refundOf,
    relatedTo: t.relatedTo,
    statementId: t.statementId,
    declineReason: t.declineReason,
  };
}

export function statementView(s: Statement, currency: string): StatementView {
  return {
    id: s.id,
    accountId: s.accountId,
    periodStart: s.periodStart,
    closingDate: s.closingDate,
    dueDate: s.dueDate,
    currency,
    openingBalanceCents: s.openingBalanceCents,
    debitsCents: s.debitsCents,
    creditsCents: s.creditsCents,
    closingBalanceCents: s.closingBalanceCents,
    minimumDueCents: s.minimumDueCents,
  };
}

export function customerSummaryView(c: CustomerMatch): CustomerSummaryView {
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    displayName: `${c.firstName} ${c.lastName}`,
    email: c.email,
    phone: c.phone,
    city: c.address.city,
    region: c.address.region,
    accountCount: c.accountCount,
    matchedCardLast4: c.matchedCardLast4,
  };
}

export function customerDetailView(c: Customer, accounts: AccountView[]): CustomerDetailView {
  const a = c.address;
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    displayName: `${c.firstName} ${c.lastName}`,
    email: c.email,
    phone: c.phone,
    postalAddress: [a.line1, a.line2, `${a.city}, ${a.region} ${a.postalCode}`, a.country === 'US' ? null : a.country].filter(Boolean).join(', '),
    address: { line1: a.line1, line2: a.line2, city: a.city, region: a.region, postalCode: a.postalCode, country: a.country },
    customerSince: c.createdAt.toISOString(),
    accounts,
  };
}
