import { useState } from 'react';
import type { ApiError } from '../api-client.ts';
import { Button } from '../components/button.tsx';
import { Field } from '../components/field.tsx';
import { formatDateTime, formatMoney } from '../components/format.ts';
import { PageHeading } from '../components/page.tsx';
import { ErrorAlert, Loading } from '../components/status.tsx';
import { useResource } from '../components/use-resource.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { DOCUMENT_KIND_LABELS, staffWrite } from './review-actions.tsx';

type ReviewItem = { id: string; accountId: string; reason: string; caseId: string; caseNumber: string; placedAt: string; source: string };
type RefundItem = { id: string; accountId: string; refundCents: number; caseId: string; caseNumber: string; requestedAt: string };

function PlaceHold({ onDone }: { onDone: () => void }) {
  const [accountId, setAccountId] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async () => {
    const failed = await staffWrite(`/api/v1/accounts/${accountId.trim()}/review`, { reason, reasonCode: 'staff_review', documents: [{ kind: 'income' }] });
    setError(failed);
    if (!failed) onDone();
  };
  return (
    <section className="card stack" aria-labelledby="place">
      <h2 id="place">Place a hold</h2>
      <Field id="hold-account" label="Account id" hint="acc_… from the customer page" value={accountId} onValueChange={setAccountId} />
      <Field id="hold-reason" label="Reason (shown to the cardholder)" value={reason} onValueChange={setReason} />
      <p className="muted">Asks for {DOCUMENT_KIND_LABELS.income.toLowerCase()}; add more from the review screen.</p>
      {error ? <ErrorAlert error={error} /> : null}
      <Button disabled={!accountId.trim() || reason.trim().length < 3} onClick={submit}>Place the hold</Button>
    </section>
  );
}

/** Staff: open account reviews, fee refunds waiting for a supervisor, and placing a hold. */
export function ReviewQueue() {
  const { state } = useSession();
  const canApprove = state.status === 'signed-in' && ['supervisor', 'admin'].includes(state.user.role);
  const reviews = useResource<{ items: ReviewItem[] }>('/api/v1/reviews?status=open');
  const refunds = useResource<{ items: RefundItem[] }>('/api/v1/fee-refunds?status=pending_approval');
  const [error, setError] = useState<ApiError | null>(null);
  const decide = async (id: string, decision: 'approve' | 'reject') => {
    const failed = await staffWrite(`/api/v1/fee-refunds/${id}/${decision}`, decision === 'approve' ? {} : { note: 'The refund does not meet the card’s fee policy.' });
    setError(failed);
    if (!failed) refunds.reload();
  };
  return (
    <div className="stack">
      <PageHeading title="Reviews and fee refunds">Reviews and fee refunds</PageHeading>
      <section className="card stack" aria-labelledby="open-reviews">
        <h2 id="open-reviews">Open account reviews</h2>
        {reviews.status === 'loading' ? <Loading /> : null}
        {reviews.status === 'error' ? <ErrorAlert error={reviews.error} /> : null}
        {reviews.status === 'ok' && reviews.data.items.length === 0 ? <p>No open reviews.</p> : null}
        <ul>
          {reviews.data?.items.map((r) => (
            <li key={r.id}>
              <Link to={`/staff/accounts/${r.accountId}/review`}>Case {r.caseNumber}</Link>: {r.reason} (since {formatDateTime(r.placedAt)}, {r.source})
            </li>
          ))}
        </ul>
      </section>
      <section className="card stack" aria-labelledby="pending-refunds">
        <h2 id="pending-refunds">Fee refunds waiting for approval</h2>
        {error ? <ErrorAlert error={error} /> : null}
        {refunds.status === 'ok' && refunds.data.items.length === 0 ? <p>None waiting.</p> : null}
        <ul className="stack">
          {refunds.data?.items.map((f) => (
            <li key={f.id}>
              <Link to={`/staff/cases/${f.caseId}`}>Case {f.caseNumber}</Link>: {formatMoney(f.refundCents)} requested {formatDateTime(f.requestedAt)}{' '}
              {canApprove ? (
                <span className="cluster">
                  <Button onClick={() => decide(f.id, 'approve')}>Approve {formatMoney(f.refundCents)}</Button>
                  <Button variant="secondary" onClick={() => decide(f.id, 'reject')}>Reject</Button>
                </span>
              ) : (
                <span className="muted">(a supervisor decides)</span>
              )}
            </li>
          ))}
        </ul>
      </section>
      <PlaceHold onDone={reviews.reload} />
    </div>
  );
}
