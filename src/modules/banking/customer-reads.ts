import { AppError, notFound } from '../../platform/errors.ts';
import { findPans, maskPans } from '../../platform/pan.ts';
import { canReadCustomer, canSearchCustomers } from '../../platform/policy.ts';
import { auditedRead, type ReadContext } from './audited-read.ts';
import type { CustomerDetailView, CustomerSummaryView } from './banking.schema.ts';
import { accountView, customerDetailView, customerSummaryView } from './banking.view.ts';

// Staff-only reads of customers. The search box takes whatever an agent types, which may be a full card
// number read out on the phone: it is reduced to its last 4 before searching and never stored in the audit log.

export const SEARCH_LIMIT = 20;

export async function searchCustomers(ctx: ReadContext, q: string): Promise<CustomerSummaryView[]> {
  if (!canSearchCustomers(ctx.actor)) throw new AppError('forbidden', 'Only staff can search customers');
  const pan = findPans(q)[0];
  const query = pan ? pan.last4 : q.trim();
  return auditedRead(
    ctx,
    { action: 'customer.search', targetType: 'customer', targetId: null, detail: (r) => ({ query: maskPans(q).text, matched: r.map((c) => c.id) }) },
    async (banking) => (await banking.searchCustomers(query, SEARCH_LIMIT)).map(customerSummaryView),
  );
}

export async function getCustomer(ctx: ReadContext, customerId: string): Promise<CustomerDetailView> {
  if (ctx.actor.kind !== 'staff' || !canReadCustomer(ctx.actor, customerId)) throw new AppError('forbidden', 'Only staff can read customer records');
  return auditedRead(ctx, { action: 'customer.read', targetType: 'customer', targetId: customerId, detail: (r) => ({ accounts: r.accounts.length }) }, async (banking) => {
    const customer = await banking.findCustomer(customerId);
    if (!customer) throw notFound('Customer');
    const accounts = await banking.listAccounts(customerId);
    const balances = await banking.balances(accounts.map((a) => a.id));
    return customerDetailView(customer, accounts.map((a) => accountView(ctx.profile, a, balances.get(a.id))));
  });
}
