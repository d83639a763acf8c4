import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { requireActor, requireStaff } from '../../platform/auth/authenticate.ts';
import { IdParam, problemResponses } from '../../platform/schemas.ts';
import { getAccount, listAccounts, listStatements, listTransactions } from './account-reads.ts';
import type { ReadContext } from './audited-read.ts';
import {
  AccountDetailView,
  AccountList,
  AccountsQuery,
  CustomerDetailView,
  CustomerSearchResult,
  CustomersQuery,
  StatementList,
  TransactionPage,
  TransactionsQuery,
} from './banking.schema.ts';
import type { CoreBanking } from './core-banking.port.ts';
import { getCustomer, searchCustomers } from './customer-reads.ts';
import { createLedgerBanking } from './ledger.adapter.ts';

/** Accounts, cards, transactions and statements for cardholders (their own) and staff (any, audited). */
export const bankingRoutes: FastifyPluginAsyncTypebox<AppDeps & { banking?: CoreBanking }> = async (app, deps) => {
  // LIMITATION: the built-in ledger is the adapter until AppDeps carries a CoreBanking of the issuer's choice.
  const banking = deps.banking ?? createLedgerBanking(deps.db);
  const context = (request: FastifyRequest): ReadContext => ({
    db: deps.db,
    banking,
    profile: deps.profile,
    actor: requireActor(request),
    requestId: request.id,
    ip: request.ip ?? null,
    now: deps.clock.now(),
  });
  const AccountId = IdParam('acc');

  app.get(
    '/api/v1/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Accounts of the signed-in cardholder, or of ?customerId= for staff',
        querystring: AccountsQuery,
        response: { 200: AccountList, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({ items: await listAccounts(context(request), request.query.customerId) }),
  );

  app.get(
    '/api/v1/accounts/:id',
    { schema: { tags: ['accounts'], summary: 'One account with its cards (last 4 digits only)', params: AccountId, response: { 200: AccountDetailView, ...problemResponses(400, 401, 404) } } },
    async (request) => getAccount(context(request), request.params.id),
  );

  app.get(
    '/api/v1/accounts/:id/transactions',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Transactions, newest first, a page at a time (follow nextCursor)',
        params: AccountId,
        querystring: TransactionsQuery,
        response: { 200: TransactionPage, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => listTransactions(context(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/accounts/:id/statements',
    { schema: { tags: ['accounts'], summary: 'Monthly statements, newest first', params: AccountId, response: { 200: StatementList, ...problemResponses(400, 401, 404) } } },
    async (request) => ({ items: await listStatements(context(request), request.params.id) }),
  );

  app.get(
    '/api/v1/customers',
    {
      schema: {
        tags: ['customers'],
        summary: 'Staff: find customers by name, e-mail, phone or card last 4 (at most 20)',
        querystring: CustomersQuery,
        response: { 200: CustomerSearchResult, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      requireStaff(request);
      return { items: await searchCustomers(context(request), request.query.q) };
    },
  );

  app.get(
    '/api/v1/customers/:id',
    {
      schema: {
        tags: ['customers'],
        summary: 'Staff: a customer with their accounts',
        params: IdParam('cus'),
        response: { 200: CustomerDetailView, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      requireStaff(request);
      return getCustomer(context(request), request.params.id);
    },
  );
};

