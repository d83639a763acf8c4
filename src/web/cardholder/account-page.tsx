import { useEffect, useRef, useState } from 'react';
import type { Account, AccountDetail, Page, Statement } from '../api-types.ts';
import { Button, ButtonLink } from '../components/button.tsx';
import { formatLongDate, formatMoney } from '../components/format.ts';
import { PageHeading } from '../components/page.tsx';
import { ErrorAlert, Loading } from '../components/status.tsx';
import { useResource } from '../components/use-resource.ts';
import { Link } from '../router.tsx';
import { AccountSummary, type Audience } from './account-summary.tsx';
import { CardControls } from './cards/card-controls.tsx';
import { StaffCardActions } from './cards/staff-card-actions.tsx';
import { FraudAlertPrompt } from './fraud/fraud-alert-prompt.tsx';
import { accountTitle } from './labels.ts';
import { RewardsLink } from './rewards/rewards-link.tsx';
import { RewardsPanel } from '../agent/rewards-panel.tsx';
import { TransactionList } from './transactions.tsx';
import { useTransactionPages } from './use-transactions.ts';

function Transactions({ account, audience }: { account: Account; audience: Audience }) {
  const pages = useTransactionPages(account.id);
  const hasMore = pages.nextCursor !== null;
  const status = useRef<HTMLParagraphElement>(null);
  const hasAskedForMore = useRef(false);
  useEffect(() => {
    // The button goes away with the last page: keep keyboard focus nearby instead of dropping it to the body.
    if (hasAskedForMore.current && !hasMore && !pages.isLoading) status.current?.focus();
  }, [hasMore, pages.isLoading]);
  const loadMore = () => {
    hasAskedForMore.current = true;
    pages.loadMore();
  };
  return (
    <section className="card stack" aria-labelledby="transactions">
      <h2 id="transactions">Transactions</h2>
      {pages.items.length ? <TransactionList items={pages.items} label="Transactions" askAbout={audience === 'cardholder'} /> : null}
      {!pages.isLoading && !pages.error && pages.items.length === 0 ? <p>No transactions yet.</p> : null}
      <p className="muted small" role="status" ref={status} tabIndex={-1}>
        {pages.isLoading ? 'Loading transactions…' : pages.items.length ? `Showing ${pages.items.length} transactions${hasMore ? '' : ', all there are'}.` : ''}
      </p>
      {pages.error ? <ErrorAlert error={pages.error} title="We couldn’t load more transactions." /> : null}
      {hasMore || pages.error ? (
        <Button variant="secondary" onClick={loadMore} aria-disabled={pages.isLoading || undefined}>
          {pages.error ? 'Try again' : 'Load more transactions'}
        </Button>
      ) : null}
    </section>
  );
}

const STATEMENTS_SHOWN = 6;

function Statements({ account }: { account: Account }) {
  const statements = useResource<Page<Statement>>(`/api/v1/accounts/${encodeURIComponent(account.id)}/statements`);
  const [isAll, setIsAll] = useState(false);
  const items = statements.data?.items ?? [];
  const shown = isAll ? items : items.slice(0, STATEMENTS_SHOWN);
  return (
    <section className="card stack" aria-labelledby="statements">
      <h2 id="statements">Statements</h2>
      {statements.status === 'loading' ? <Loading label="Loading statements…" /> : null}
      {statements.status === 'error' ? <ErrorAlert error={statements.error} title="We couldn’t load the statements." /> : null}
      {statements.status === 'ok' && items.length === 0 ? <p>No statements yet.</p> : null}
      {shown.length ? (
        <ul className="plain-list divided">
          {shown.map((s) => (
            <li key={s.id} className="statement">
              <p className="statement__title">Statement closing {formatLongDate(s.closingDate)}</p>
              <p className="muted">
                {`Balance ${formatMoney(s.closingBalanceCents, s.currency || account.currency)}`}
                {account.balanceSense === 'owed' && s.minimumDueCents > 0
                  ? ` · minimum payment ${formatMoney(s.minimumDueCents, s.currency || account.currency)} due ${formatLongDate(s.dueDate)}`
                  : ''}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {items.length > STATEMENTS_SHOWN && !isAll ? (
        <Button variant="secondary" onClick={() => setIsAll(true)}>
          Show all {items.length} statements
        </Button>
      ) : null}
    </section>
  );
}

/** One account with all its transactions and statements: the cardholder's own, or any for staff (audited). */
export function AccountPage({ id, audience = 'cardholder' }: { id: string; audience?: Audience }) {
  const account = useResource<AccountDetail>(`/api/v1/accounts/${encodeURIComponent(id)}`);
  const [cardsVersion, setCardsVersion] = useState(0); // a fraud denial blocks and replaces a card: re-read the cards
  const title = account.data ? accountTitle(account.data) : 'Account';
  const back =
    audience === 'cardholder'
      ? { to: '/', label: 'Your accounts' }
      : { to: account.data ? `/staff/customers/${encodeURIComponent(account.data.customerId)}` : '/staff', label: 'Back to the customer' };
  return (
    <div className="stack-lg">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={back.to}>{back.label}</Link>
      </nav>
      <PageHeading title={title}>{title}</PageHeading>
      {account.status === 'loading' ? <Loading label="Loading the account…" /> : null}
      {account.status === 'error' ? (
        <ErrorAlert error={account.error} title={account.error.status === 404 ? 'We can’t find this account.' : 'We couldn’t load this account.'}>
          <p>
            <Link to={back.to}>{back.label}</Link>
          </p>
        </ErrorAlert>
      ) : null}
      {account.data ? (
        <>
          {audience === 'cardholder' ? <FraudAlertPrompt cardIds={account.data.cards.map((c) => c.id)} onDecided={() => setCardsVersion((v) => v + 1)} /> : null}
          <section className="card stack" aria-label="Summary">
            <AccountSummary account={account.data} cards={account.data.cards} audience={audience} />
            {audience === 'cardholder' ? (
              <p>
                <ButtonLink to={`/messages/new?accountId=${encodeURIComponent(account.data.id)}`}>Ask about this account</ButtonLink>
              </p>
            ) : null}
            {audience === 'cardholder' && account.data.annualFeeCents > 0 && account.data.status !== 'closed' ? (
              <p>
                <Link to={`/accounts/${encodeURIComponent(account.data.id)}/fee-refund`}>Thinking of closing? See what annual fee you would get back</Link>
              </p>
            ) : null}
          </section>
          {audience === 'cardholder' ? <CardControls key={cardsVersion} accountId={account.data.id} /> : null}
          {audience === 'staff' ? <StaffCardActions accountId={account.data.id} /> : null}
          {audience === 'cardholder' ? <RewardsLink accountId={account.data.id} /> : <RewardsPanel accountId={account.data.id} />}
          <Transactions account={account.data} audience={audience} />
          <Statements account={account.data} />
        </>
      ) : null}
    </div>
  );
}
