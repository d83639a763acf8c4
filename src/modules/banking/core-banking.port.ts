import type { Tx } from '../../platform/db.ts';
import type { AccountKind, AccountStatus, CardStatus, Direction, TransactionKind, TransactionStatus } from './banking.tables.ts';

export type { AccountKind, AccountStatus, CardStatus, Direction, TransactionKind, TransactionStatus };

/**
 * The CoreBanking port: what Cardcare needs from the issuer's processor. Cardcare does not own the card
 * processor; the built-in ledger (ledger.adapter.ts) is the default adapter, and an issuer writes another
 * adapter for its own processor. Amounts are integer minor units; dates are `YYYY-MM-DD`.
 */

export type PostalAddress = { line1: string; line2: string | null; city: string; region: string; postalCode: string; country: string };

export type Customer = {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  address: PostalAddress;
  createdAt: Date;
};

export type CustomerMatch = Customer & { accountCount: number; matchedCardLast4: string | null };

export type Account = {
  id: string;
  customerId: string;
  productLine: string;
  cardProduct: string;
  kind: AccountKind;
  nickname: string;
  currency: string;
  annualFeeCents: number;
  creditLimitCents: number | null;
  billingCycleDay: number;
  status: AccountStatus;
  holdReason: string | null;
  holdPlacedAt: Date | null;
  openedOn: string;
  closedOn: string | null;
};

/**
 * Balances in the account's own sense (see `balanceSense`): owed on credit and charge accounts, held on
 * the others. `pendingDebitsCents` are authorizations not yet posted.
 */
export type AccountBalance = {
  accountId: string;
  postedBalanceCents: number;
  pendingDebitsCents: number;
  availableCreditCents: number | null;
};

export type Card = {
  id: string;
  accountId: string;
  last4: string;
  network: string;
  cardholderName: string;
  expires: string;
  status: CardStatus;
  statusChangedAt: Date | null;
  replacedBy: string | null;
  issuedAt: Date;
};

export type Transaction = {
  id: string;
  accountId: string;
  cardId: string | null;
  cardLast4: string | null;
  kind: TransactionKind;
  direction: Direction;
  status: TransactionStatus;
  amountCents: number;
  currency: string;
  description: string;
  merchantName: string | null;
  merchantId: string | null;
  mcc: string | null;
  merchantCountry: string | null;
  cardPresent: boolean | null;
  authorizedAt: Date;
  postedAt: Date | null;
  /** For a merchant refund: the charge it gives back. */
  refundOf: string | null;
  /** For an issuer credit or adjustment: the transaction it is about (e.g. a disputed charge). */
  relatedTo: string | null;
  statementId: string | null;
  declineReason: string | null;
  reference: string | null;
};

export type Statement = {
  id: string;
  accountId: string;
  periodStart: string;
  closingDate: string;
  dueDate: string;
  openingBalanceCents: number;
  debitsCents: number;
  creditsCents: number;
  closingBalanceCents: number;
  minimumDueCents: number;
};

/** Position in the (authorized_at desc, id desc) order: the last row of the previous page. */
export type TransactionCursor = { at: Date; id: string };

export type TransactionQuery = {
  limit: number;
  after?: TransactionCursor | undefined;
  /** Inclusive lower bound on authorized_at. */
  from?: Date | undefined;
  /** Exclusive upper bound on authorized_at. */
  before?: Date | undefined;
  status?: TransactionStatus | undefined;
  kind?: TransactionKind | undefined;
};

export type TransactionPage = { items: Transaction[]; next: TransactionCursor | null };

/** A cardholder is limited to their own customer; staff pass `null`. */
export type CustomerScope = { customerId: string | null };

export type PostingInput = {
  accountId: string;
  amountCents: number;
  description: string;
  /** Idempotency key: a second posting with the same reference returns the first one. */
  reference: string;
  at: Date;
  relatedTo?: string | null | undefined;
  cardId?: string | null | undefined;
};

export type AdjustmentInput = PostingInput & { direction: Direction };

export type PostingResult = { transaction: Transaction; replayed: boolean };

export type CoreBanking = {
  findCustomer(customerId: string): Promise<Customer | null>;
  /** Several customers in one call (those not found are absent from the map). */
  findCustomers(customerIds: readonly string[]): Promise<Map<string, Customer>>;
  /** Name, e-mail, phone or card last 4; at most `limit` matches. */
  searchCustomers(query: string, limit: number): Promise<CustomerMatch[]>;

  listAccounts(customerId: string): Promise<Account[]>;
  findAccount(accountId: string, scope: CustomerScope): Promise<Account | null>;
  balances(accountIds: readonly string[]): Promise<Map<string, AccountBalance>>;
  placeHold(accountId: string, reason: string, at: Date): Promise<Account>;
  releaseHold(accountId: string, at: Date): Promise<Account>;
  /** Closes the account as of `closedOn` (YYYY-MM-DD); closing a closed account returns it unchanged. */
  closeAccount(accountId: string, closedOn: string, at: Date): Promise<Account>;

  listCards(accountId: string): Promise<Card[]>;
  findCard(cardId: string, scope: CustomerScope): Promise<Card | null>;
  setCardStatus(cardId: string, status: Exclude<CardStatus, 'replaced'>, at: Date): Promise<Card>;
  /**
   * Issues a replacement card (new last 4) on the same account; the old card becomes `replaced` and names it.
   * A card already replaced is a 409 (invalid_state_transition); an unknown card a 404.
   */
  issueReplacementCard(cardId: string, at: Date): Promise<{ replaced: Card; replacement: Card }>;

  listTransactions(accountId: string, query: TransactionQuery): Promise<TransactionPage>;
  findTransaction(transactionId: string, scope: CustomerScope): Promise<Transaction | null>;
  /** Merchant refunds linked to a charge (used to check "the merchant says it refunded me"). */
  listRefundsOf(transactionId: string): Promise<Transaction[]>;

  listStatements(accountId: string, limit: number): Promise<Statement[]>;
  /** The statement whose period holds a posting date, or null while it is still in the open cycle. */
  statementFor(accountId: string, postedOn: string): Promise<Statement | null>;

  /** An issuer credit (provisional credit, fee refund, goodwill); idempotent by `reference`. */
  postCredit(input: PostingInput): Promise<PostingResult>;
  /** A correction either way (e.g. reversing a provisional credit); idempotent by `reference`. */
  postAdjustment(input: AdjustmentInput): Promise<PostingResult>;

  /**
   * The same port working inside one of our database transactions, so a use case writes its own rows and the
   * ledger posting atomically. An adapter for an external processor returns itself.
   */
  withTransaction(tx: Tx): CoreBanking;
};

/** Which way balances count for an account kind: what the cardholder owes, or what they hold. */
export function balanceSense(kind: AccountKind): 'owed' | 'held' {
  return kind === 'credit' || kind === 'charge' ? 'owed' : 'held';
}

/** Signed effect of one posted transaction on the balance, in the account's own sense. */
export function balanceEffect(kind: AccountKind, direction: Direction, amountCents: number): number {
  const owedEffect = direction === 'debit' ? amountCents : -amountCents;
  return balanceSense(kind) === 'owed' ? owedEffect : -owedEffect;
}
