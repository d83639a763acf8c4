import type { Executor, Tx } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import * as accounts from './accounts.repo.ts';
import { insertReplacementCard } from './card-issuance.repo.ts';
import type { AdjustmentInput, CoreBanking, PostingResult } from './core-banking.port.ts';
import * as customers from './customers.repo.ts';
import * as statements from './statements.repo.ts';
import * as transactions from './transactions.repo.ts';

const MAX_POSTING_CENTS = 10_000_000_000; // one posting above $100M is a typo, not a credit

/**
 * The built-in ledger: the CoreBanking port over our own tables. Bound to an executor, so
 * `withTransaction(tx)` makes every call part of the caller's transaction.
 */
export function createLedgerBanking(db: Executor): CoreBanking {
  async function post(input: AdjustmentInput, kind: 'credit' | 'adjustment'): Promise<PostingResult> {
    if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0 || input.amountCents > MAX_POSTING_CENTS) {
      throw new AppError('validation_failed', 'amountCents must be a positive whole number of cents', { errors: [{ field: 'amountCents', message: 'must be a positive integer' }] });
    }
    const reference = input.reference.trim();
    if (reference.length < 4 || reference.length > 200) {
      throw new AppError('validation_failed', 'reference must be 4 to 200 characters', { errors: [{ field: 'reference', message: 'must be 4 to 200 characters' }] });
    }
    const account = await accounts.findAccount(db, input.accountId, null);
    if (!account) throw notFound('Account');
    const created = await transactions.insertPosting(db, {
      id: newId('txn'),
      accountId: account.id,
      cardId: input.cardId ?? null,
      kind,
      direction: input.direction,
      amountCents: input.amountCents,
      currency: account.currency,
      description: input.description,
      relatedTo: input.relatedTo ?? null,
      reference,
      at: input.at,
    });
    const transaction = await transactions.findByReference(db, reference);
    if (!transaction) throw new Error(`posting ${reference} vanished`);
    // A replay must describe the same money movement; anything else is a caller bug worth refusing loudly.
    const same =
      transaction.accountId === account.id &&
      transaction.kind === kind &&
      transaction.direction === input.direction &&
      transaction.amountCents === input.amountCents;
    if (!same) throw new AppError('conflict', `The reference ${reference} was already used for a different posting`);
    return { transaction, replayed: !created };
  }

  const port: CoreBanking = {
    findCustomer: (customerId) => customers.findCustomer(db, customerId),
    findCustomers: (customerIds) => customers.findCustomers(db, customerIds),
    searchCustomers: (query, limit) => {
      const digits = query.replace(/\D/g, '');
      return customers.searchCustomers(db, {
        text: query.trim() || null,
        phoneDigits: digits.length >= 4 ? digits : null,
        last4: /^\d{4}$/.test(query.trim()) ? query.trim() : null,
        limit,
      });
    },

    listAccounts: (customerId) => accounts.listAccountsOf(db, customerId),
    findAccount: (accountId, scope) => accounts.findAccount(db, accountId, scope.customerId),
    balances: (accountIds) => accounts.balancesOf(db, accountIds),
    async placeHold(accountId, reason, at) {
      const account = await accounts.setHold(db, accountId, { reason, at });
      if (!account) throw notFound('Account');
      return account;
    },
    async releaseHold(accountId) {
      const account = await accounts.setHold(db, accountId, null);
      if (!account) throw notFound('Account');
      return account;
    },

    async closeAccount(accountId, closedOn) {
      const account = (await accounts.setClosed(db, accountId, closedOn)) ?? (await accounts.findAccount(db, accountId, null));
      if (!account) throw notFound('Account');
      return account;
    },

    listCards: (accountId) => accounts.listCardsOf(db, accountId),
    findCard: (cardId, scope) => accounts.findCard(db, cardId, scope.customerId),
    async setCardStatus(cardId, status, at) {
      const card = await accounts.updateCardStatus(db, cardId, status, at);
      if (!card) {
        const existing = await accounts.findCard(db, cardId, null);
        if (!existing) throw notFound('Card');
        throw new AppError('invalid_state_transition', 'A replaced card cannot change status; use its replacement');
      }
      return card;
    },

    async issueReplacementCard(cardId, at) {
      const replacementId = await insertReplacementCard(db, cardId, at);
      if (!replacementId) {
        const existing = await accounts.findCard(db, cardId, null);
        if (!existing) throw notFound('Card');
        throw new AppError('invalid_state_transition', 'This card was already replaced', { extra: { replacedBy: existing.replacedBy } });
      }
      const [replaced, replacement] = [await accounts.findCard(db, cardId, null), await accounts.findCard(db, replacementId, null)];
      if (!replaced || !replacement) throw new Error(`replacement of ${cardId} left no card`);
      return { replaced, replacement };
    },

    listTransactions: (accountId, query) => transactions.listTransactionsOf(db, accountId, query),
    findTransaction: (transactionId, scope) => transactions.findTransaction(db, transactionId, scope.customerId),
    listRefundsOf: (transactionId) => transactions.listRefundsOf(db, transactionId),

    listStatements: (accountId, limit) => statements.listStatementsOf(db, accountId, limit),
    statementFor: (accountId, postedOn) => statements.statementCovering(db, accountId, postedOn),

    postCredit: (input) => post({ ...input, direction: 'credit' }, 'credit'),
    postAdjustment: (input) => post(input, 'adjustment'),

    withTransaction: (tx: Tx) => createLedgerBanking(tx),
  };
  return port;
}
