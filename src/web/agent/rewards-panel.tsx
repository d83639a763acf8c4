import { useState } from 'react';
import { type ApiError, api } from '../api-client.ts';
import type { RewardAdjustment, Rewards } from '../api-types.ts';
import { Button } from '../components/button.tsx';
import { formatDateTime } from '../components/format.ts';
import { ErrorAlert, Loading, Notice } from '../components/status.tsx';
import { asApiError } from '../components/use-resource.ts';
import { useKeptResource } from '../cardholder/rewards/use-kept-resource.ts';
import { useSession } from '../session.tsx';
import { pointsText } from '../cardholder/rewards/reward-labels.ts';
import { RewardsAdjustmentForm } from './rewards-adjustment-form.tsx';

const STATUS_TEXT: Record<RewardAdjustment['status'], string> = { pending_approval: 'Waiting for a supervisor', applied: 'Applied', rejected: 'Rejected' };

/** Staff view of an account's points: balance, adjustments (supervisors approve pending ones) and the form. */
export function RewardsPanel({ accountId }: { accountId: string }) {
  const rewards = useKeptResource<Rewards>(`/api/v1/accounts/${encodeURIComponent(accountId)}/rewards?limit=5`);
  const { state } = useSession();
  const me = state.status === 'signed-in' ? state.user : null;
  const data = rewards.kept;
  if (rewards.status === 'error') return <ErrorAlert error={rewards.error} title="We couldn’t load the points." />;
  if (!data) return <Loading label="Loading points…" />;
  if (!data.program) return null;
  const adjustments = data.adjustments ?? [];
  const canAdjust = me !== null && ['agent', 'supervisor', 'admin'].includes(me.role);
  return (
    <section className="card stack" aria-labelledby="staff-rewards">
      <h2 id="staff-rewards">Rewards points</h2>
      <p>
        <strong>{pointsText(data.balance)}</strong> ({data.program.name}); {pointsText(data.pendingPoints)} not posted yet.
      </p>
      {adjustments.length ? (
        <>
          <h3>Adjustments</h3>
          <ul className="plain-list divided" aria-label="Adjustments">
            {adjustments.map((a) => (
              <AdjustmentItem key={a.id} a={a} canDecide={me?.role === 'supervisor' && me.id !== a.requestedBy} onDecided={rewards.reload} />
            ))}
          </ul>
        </>
      ) : null}
      {canAdjust ? <RewardsAdjustmentForm accountId={accountId} approvalAbove={data.program.adjustmentApprovalAbovePoints} onDone={rewards.reload} /> : null}
    </section>
  );
}

function AdjustmentItem({ a, canDecide, onDecided }: { a: RewardAdjustment; canDecide: boolean; onDecided: () => void }) {
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const decide = async (decision: 'approve' | 'reject') => {
    if (isBusy) return;
    setIsBusy(true);
    setError(null);
    try {
      await api<RewardAdjustment>(`/api/v1/accounts/${encodeURIComponent(a.accountId)}/rewards/adjustments/${encodeURIComponent(a.id)}/${decision}`, { method: 'POST', body: {} });
      onDecided();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <li className="stack-sm">
      <p>
        <strong>{`${a.points > 0 ? '+' : ''}${pointsText(a.points)}`}</strong>: {a.reason}
      </p>
      <p className="muted small">{`${STATUS_TEXT[a.status]} · requested ${formatDateTime(a.createdAt)}`}</p>
      {a.status === 'pending_approval' && canDecide ? (
        <p className="stack-sm">
          <Button variant="secondary" onClick={() => void decide('approve')} aria-disabled={isBusy || undefined} aria-label={`Approve ${pointsText(a.points)}: ${a.reason}`}>
            Approve
          </Button>{' '}
          <Button variant="secondary" onClick={() => void decide('reject')} aria-disabled={isBusy || undefined} aria-label={`Reject ${pointsText(a.points)}: ${a.reason}`}>
            Reject
          </Button>
        </p>
      ) : null}
      {a.status === 'pending_approval' && !canDecide ? <Notice>A supervisor other than the requester decides.</Notice> : null}
      {error ? <ErrorAlert error={error} title="The decision was not saved." /> : null}
    </li>
  );
}
