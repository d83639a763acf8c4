import { query } from '../api-client.ts';
import type { Account, AccountDetail, CustomerDetail, Page, StaffCaseSummary } from '../api-types.ts';
import { AccountSummary } from '../cardholder/account-summary.tsx';
import { accountTitle } from '../cardholder/labels.ts';
import { ButtonLink } from '../components/button.tsx';
import { formatLongDate, formatPhone } from '../components/format.ts';
import { PageHeading } from '../components/page.tsx';
import { Badge, ErrorAlert, Loading } from '../components/status.tsx';
import { statusLabel, statusTone } from '../messages/case-labels.ts';
import { useResource } from '../components/use-resource.ts';
import { Link } from '../router.tsx';
import { PriorityBadge } from './sla.tsx';

function AccountItem({ account }: { account: Account }) {
  const detail = useResource<AccountDetail>(`/api/v1/accounts/${encodeURIComponent(account.id)}`); // the cards
  const headingId = `account-${account.id}`;
  return (
    <li>
      <section className="card stack-sm" aria-labelledby={headingId}>
        <h3 id={headingId}>{accountTitle(account)}</h3>
        <p className="muted small">
          Account ID {account.id} · opened {formatLongDate(account.openedOn)}
        </p>
        <AccountSummary account={account} cards={detail.data?.cards} audience="staff" />
        {detail.status === 'error' ? <ErrorAlert error={detail.error} title="We couldn’t load the cards." /> : null}
        <ButtonLink to={`/staff/accounts/${encodeURIComponent(account.id)}`} label={`Transactions and statements, ${accountTitle(account)}`}>
          Transactions and statements
        </ButtonLink>
      </section>
    </li>
  );
}

function Profile({ customer }: { customer: CustomerDetail }) {
  return (
    <section className="card stack-sm" aria-labelledby="profile">
      <h2 id="profile">Profile</h2>
      <dl className="details">
        <dt>Customer ID</dt>
        <dd className="break">{customer.id}</dd>
        <dt>E-mail</dt>
        <dd className="break">{customer.email}</dd>
        <dt>Phone</dt>
        <dd>{formatPhone(customer.phone)}</dd>
        <dt>Address</dt>
        <dd>{customer.postalAddress}</dd>
        <dt>Customer since</dt>
        <dd>{formatLongDate(customer.customerSince)}</dd>
      </dl>
    </section>
  );
}

function Cases({ customerId }: { customerId: string }) {
  const cases = useResource<Page<StaffCaseSummary>>(`/api/v1/cases${query({ customerId, limit: 20 })}`);
  return (
    <section className="card stack-sm" aria-labelledby="cases">
      <h2 id="cases">Cases</h2>
      {cases.status === 'loading' ? <Loading label="Loading cases…" /> : null}
      {cases.status === 'error' ? <ErrorAlert error={cases.error} title="We couldn’t load the cases." /> : null}
      {cases.data && cases.data.items.length === 0 ? <p>No cases.</p> : null}
      {cases.data?.items.length ? (
        <ul className="plain-list divided">
          {cases.data.items.map((c) => (
            <li key={c.id} className="stack-sm">
              <Link to={`/staff/cases/${encodeURIComponent(c.id)}`} className="result__link break">{`${c.number}: ${c.subject}`}</Link>
              <p className="badges">
                <PriorityBadge priority={c.priority} />
                <Badge tone={statusTone(c.status)}>{statusLabel(c.status)}</Badge>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function CustomerPage({ id }: { id: string }) {
  const customer = useResource<CustomerDetail>(`/api/v1/customers/${encodeURIComponent(id)}`);
  const name = customer.data?.displayName ?? 'Customer';
  return (
    <div className="stack-lg">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/staff">Staff console</Link>
      </nav>
      <PageHeading title={name}>{name}</PageHeading>
      {customer.status === 'loading' ? <Loading label="Loading the customer…" /> : null}
      {customer.status === 'error' ? <ErrorAlert error={customer.error} title="We couldn’t load this customer." /> : null}
      {customer.data ? (
        <>
          <Profile customer={customer.data} />
          <Cases customerId={customer.data.id} />
          <section className="stack" aria-labelledby="accounts">
            <h2 id="accounts">Accounts</h2>
            {customer.data.accounts.length === 0 ? (
              <p>This customer has no accounts.</p>
            ) : (
              <ul className="plain-list stack">
                {customer.data.accounts.map((account) => (
                  <AccountItem key={account.id} account={account} />
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
