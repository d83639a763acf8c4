import { type FormEvent, useState } from 'react';
import { type ApiError, api } from '../api-client.ts';
import type { RewardAdjustment } from '../api-types.ts';
import { Button } from '../components/button.tsx';
import { Field } from '../components/field.tsx';
import { ErrorAlert, Notice } from '../components/status.tsx';
import { TextArea } from '../components/text-area.tsx';
import { asApiError } from '../components/use-resource.ts';

type Errors = { points?: string; reason?: string };

/** Add or take away points with a reason (required, audited); large changes wait for a supervisor. */
export function RewardsAdjustmentForm({ accountId, approvalAbove, onDone }: { accountId: string; approvalAbove: number | undefined; onDone: () => void }) {
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<RewardAdjustment | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const value = Number(points);
    const found: Errors = {};
    if (!/^-?\d+$/.test(points.trim()) || value === 0) found.points = 'Enter a whole number of points, negative to take points away (not 0).';
    if (!reason.trim()) found.reason = 'Say why the points change: it is kept in the audit log.';
    setErrors(found);
    if (found.points || found.reason) return;
    setIsBusy(true);
    setError(null);
    setDone(null);
    try {
      const created = await api<RewardAdjustment>(`/api/v1/accounts/${encodeURIComponent(accountId)}/rewards/adjustments`, { method: 'POST', body: { points: value, reason: reason.trim() } });
      setDone(created);
      setPoints('');
      setReason('');
      onDone();
    } catch (caught) {
      const e = asApiError(caught);
      setErrors(Object.fromEntries(e.errors.map((f) => [f.field, f.message])));
      setError(e);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form className="stack-sm" onSubmit={submit} noValidate aria-labelledby="adjust-points">
      <h3 id="adjust-points">Adjust points</h3>
      <Field id="adjust-points-value" label="Points" inputMode="numeric" value={points} onValueChange={setPoints} error={errors.points}
        hint={approvalAbove ? `More than ${approvalAbove.toLocaleString('en-US')} points either way waits for a supervisor’s approval.` : 'Large adjustments wait for a supervisor’s approval.'} />
      <TextArea id="adjust-points-reason" label="Reason" value={reason} onValueChange={setReason} error={errors.reason} rows={3} maxLength={500} />
      <Button type="submit" aria-disabled={isBusy || undefined}>{isBusy ? 'Saving…' : 'Save adjustment'}</Button>
      {done ? <Notice tone="success">{done.status === 'applied' ? 'The adjustment was applied.' : 'The adjustment is waiting for a supervisor’s approval.'}</Notice> : null}
      {error ? <ErrorAlert error={error} title="The adjustment was not saved." /> : null}
    </form>
  );
}
