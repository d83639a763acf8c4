import type { AccountDetail, Rewards } from '../../api-types.ts';
import { Button } from '../../components/button.tsx';
import { PageHeading } from '../../components/page.tsx';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { useResource } from '../../components/use-resource.ts';
import { Link } from '../../router.tsx';
import { accountTitle } from '../labels.ts';
import { useTransactionPages } from '../use-transactions.ts';
import { ExplainableTransaction } from './points-explanation.tsx';
import { ProgramSummary } from './program-summary.tsx';
import { RedeemForm } from './redeem-form.tsx';
import { pointsText } from './reward-labels.ts';
import { RewardsHistory } from './rewards-history.tsx';
import { useKeptResource } from './use-kept-resource.ts';

/** "Why didn't my points post?": each recent transaction opens its explanation in plain words. */
function ExplainTransactions({ accountId }: { accountId: string }) {
  const pages = useTransactionPages(accountId);
  return (
    <section className="card stack" aria-labelledby="why-points">
      <h2 id="why-points">Why didn’t my points post?</h2>
      <p className="muted">Open any transaction to see the points it earns, and why.</p>
      {pages.items.length ? (
        <ul className="txn-list" aria-label="Transactions and their points">
          {pages.items.map((t) => (
            <ExplainableTransaction key={t.id} t={t} />
          ))}
        </ul>
      ) : null}
      <p className="muted small" role="status">
        {pages.isLoading ? 'Loading transactions…' : ''}
      </p>
      {pages.error ? <ErrorAlert error={pages.error} title="We couldn’t load the transactions." /> : null}
      {pages.nextCursor !== null || pages.error ? (
        <Button variant="secondary" onClick={pages.loadMore} aria-disabled={pages.isLoading || undefined}>
          {pages.error ? 'Try again' : 'Load more transactions'}
        </Button>
      ) : null}
    </section>
  );
}

export function RewardsPage({ id }: { id: string }) {
  const account = useResource<AccountDetail>(`/api/v1/accounts/${encodeURIComponent(id)}`);
  const rewards = useKeptResource<Rewards>(`/api/v1/accounts/${encodeURIComponent(id)}/rewards`);
  const data = rewards.kept;
  const name = account.data ? accountTitle(account.data) : 'your card';
  const title = `Rewards: ${name}`;
  const failed = account.status === 'error' ? account.error : rewards.status === 'error' ? rewards.error : null;
  return (
    <div className="stack-lg">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/accounts/${encodeURIComponent(id)}`}>Back to the account</Link>
      </nav>
      <PageHeading title={title}>{title}</PageHeading>
      {!data && rewards.status === 'loading' ? <Loading label="Loading your rewards…" /> : null}
      {failed ? <ErrorAlert error={failed} title={failed.status === 404 ? 'We can’t find this account.' : 'We couldn’t load your rewards.'} /> : null}
      {data && !data.program ? <p>This account does not earn rewards points.</p> : null}
      {data?.program ? (
        <>
          <section className="card card--accent stack-sm" aria-labelledby="points-balance">
            <h2 id="points-balance">Points balance</h2>
            <p className="page-title">{pointsText(data.balance)}</p>
            {data.pendingPoints > 0 ? <p className="muted">{`${pointsText(data.pendingPoints)} on the way from pending purchases and the open statement.`}</p> : null}
          </section>
          <ProgramSummary accountId={id} program={data.program} onEnrolled={rewards.reload} canEnroll />
          {data.program.redemption ? <RedeemForm accountId={id} balance={data.balance} offer={data.program.redemption} onRedeemed={rewards.reload} /> : null}
          <ExplainTransactions accountId={id} />
          <RewardsHistory key={data.history.items[0]?.id ?? 'empty'} accountId={id} first={data.history} />
        </>
      ) : null}
    </div>
  );
}
