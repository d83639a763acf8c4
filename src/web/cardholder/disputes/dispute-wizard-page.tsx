import { useState } from 'react';
import { query } from '../../api-client.ts';
import type { DisputeOptions } from '../../api-types.ts';
import { PageHeading } from '../../components/page.tsx';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { useResource } from '../../components/use-resource.ts';
import { Link, useLocation } from '../../router.tsx';
import { HumanPath } from '../messages/human-path.tsx';
import { DisputeForm } from './dispute-form.tsx';
import { AlreadyOpen, ChargeSummary, NotDisputable, RefundFound } from './dispute-precheck.tsx';

const TXN = /^txn_[0-9a-z]{16}$/;

/**
 * Dispute a charge: the charge, then whatever must come first (not disputable yet, already disputed, a refund
 * already on its way), then the reason, its questions, the amount and evidence. Filing leads to the status
 * page with the case number and the dates to expect.
 */
export function DisputeWizardPage() {
  const { search } = useLocation();
  const given = search.get('transactionId') ?? '';
  const transactionId = TXN.test(given) ? given : null;
  const options = useResource<DisputeOptions>(transactionId ? `/api/v1/disputes/options${query({ transactionId })}` : null);
  const [isPastRefund, setIsPastRefund] = useState(false);
  const data = options.data;
  const back = data ? `/accounts/${encodeURIComponent(data.transaction.accountId)}` : '/';

  let body = null;
  if (data) {
    if (!data.disputable) body = <NotDisputable options={data} />;
    else if (data.openDispute) body = <AlreadyOpen open={data.openDispute} />;
    else if (data.refundCheck?.found && !isPastRefund) body = <RefundFound check={data.refundCheck} onContinue={() => setIsPastRefund(true)} />;
    else body = <DisputeForm options={data} />;
  }

  return (
    <div className="stack-lg">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={back}>Back to the account</Link>
      </nav>
      <div className="stack-sm">
        <PageHeading title="Dispute a charge">Dispute a charge</PageHeading>
        <p className="lead">Tell us what went wrong. You get a case number straight away, and the dates by which we will answer.</p>
      </div>
      {!transactionId ? (
        <ErrorAlert title="Choose the charge to dispute from your account’s transactions.">
          <p>
            <Link to="/">Your accounts</Link>
          </p>
        </ErrorAlert>
      ) : null}
      {options.status === 'loading' && transactionId ? <Loading label="Loading the charge…" /> : null}
      {options.status === 'error' ? <ErrorAlert error={options.error} title={options.error.status === 404 ? 'We can’t find this charge.' : 'We couldn’t load this charge.'} /> : null}
      {data ? <ChargeSummary t={data.transaction} /> : null}
      {body}
      <HumanPath />
    </div>
  );
}
