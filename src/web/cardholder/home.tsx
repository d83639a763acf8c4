import { query } from '../api-client.ts';
import type { Account, AccountDetail, Page, Transaction } from '../api-types.ts';
import { ButtonLink } from '../components/button.tsx';
import { PageHeading } from '../components/page.tsx';
import { ErrorAlert, Loading } from '../components/status.tsx';
import { useResource } from '../components/use-resource.ts';
import { useSession } from '../session.tsx';
import { AccountSummary } from './account-summary.tsx';
import { FraudAlertPrompt } from './fraud/fraud-alert-prompt.tsx';
import { accountTitle } from './labels.ts';
import { TransactionList } from './transactions.tsx';

export const RECENT_COUNT = 5;

function RecentTransactions({ account }: { account: Account }) {
  const recent = useResource<Page<Transaction>>(`/api/v1/accounts/${encodeURIComponent(account.id)}/transactions${query({ limit: RECENT_COUNT })}`);
  return (
    <div className="stack-sm">
      <h3>Recent transactions</h3>
      {recent.status === 'loading' ? <Loading label="Loading transactions…" /> : null}
      {recent.status === 'error' ? <ErrorAlert error={recent.error} title="We couldn’t load the transactions." /> : null}
      {recent.data ? <TransactionList items={recent.data.items} label={`Recent transactions, ${accountTitle(account)}`} askAbout /> : null}
    </div>
  );
}

function AccountPanel({ account }: { account: Account }) {
  const headingId = `account-${account.id}`;
  const detail = useResource<AccountDetail>(`/api/v1/accounts/${encodeURIComponent(account.id)}`); // the cards
  return (
    <li>
      <section className="card account stack" aria-labelledby={headingId}>
        <h2 id={headingId} className="account__title">
          {accountTitle(account)}
        </h2>
        <div className="account__body">
          <AccountSummary account={account} cards={detail.data?.cards} />
          <RecentTransactions account={account} />
        </div>
        <div className="actions">
          <ButtonLink to={`/accounts/${encodeURIComponent(account.id)}`} label={`All transactions, ${accountTitle(account)}`}>
            All transactions
          </ButtonLink>
          <ButtonLink to={`/messages/new?accountId=${encodeURIComponent(account.id)}`} label={`Ask about this account, ${accountTitle(account)}`}>
            Ask about this account
          </ButtonLink>
        </div>
      </section>
    </li>
  );
}

export function CardholderHome() {
  const { state } = useSession();
  const accounts = useResource<Page<Account>>('/api/v1/accounts');
  const firstName = state.status === 'signed-in' ? state.user.displayName.split(' ')[0] : '';
  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <PageHeading title="Your accounts">Your accounts</PageHeading>
        {firstName ? <p className="lead">Hello, {firstName}.</p> : null}
      </div>
      <FraudAlertPrompt />
      {accounts.status === 'loading' ? <Loading label="Loading your accounts…" /> : null}
      {accounts.status === 'error' ? (
        <ErrorAlert error={accounts.error} title="We couldn’t load your accounts.">
          <button type="button" className="button button--secondary" onClick={accounts.reload}>
            Try again
          </button>
        </ErrorAlert>
      ) : null}
      {accounts.data && accounts.data.items.length === 0 ? <p>You have no accounts with us yet.</p> : null}
      {accounts.data?.items.length ? (
        <ul className="plain-list stack-lg" aria-label="Accounts">
          {accounts.data.items.map((account) => (
            <AccountPanel key={account.id} account={account} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
