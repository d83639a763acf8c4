import { type FormEvent, useState } from 'react';
import { type ApiError, api } from '../../api-client.ts';
import type { Redemption, Rewards } from '../../api-types.ts';
import { Button } from '../../components/button.tsx';
import { Field } from '../../components/field.tsx';
import { formatMoney } from '../../components/format.ts';
import { ErrorAlert, Notice } from '../../components/status.tsx';
import { asApiError } from '../../components/use-resource.ts';
import { pointsText } from './reward-labels.ts';

type Offer = NonNullable<NonNullable<Rewards['program']>['redemption']>;

/** Turn points into a statement credit; the value is shown before the cardholder confirms. */
export function RedeemForm({ accountId, balance, offer, onRedeemed }: { accountId: string; balance: number; offer: Offer; onRedeemed: () => void }) {
  const [points, setPoints] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<Redemption | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const value = /^\d+$/.test(points.trim()) ? Number(points) : null;
  const worth = value ? Math.floor((value * Math.round(offer.statementCreditCentsPerPoint * 10_000)) / 10_000) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    if (value === null || value < offer.minimumPoints) return setFieldError(`Enter at least ${offer.minimumPoints.toLocaleString('en-US')} points.`);
    if (value > balance) return setFieldError(`You have ${pointsText(balance)}.`);
    setFieldError(undefined);
    setError(null);
    setIsBusy(true);
    try {
      setDone(await api<Redemption>(`/api/v1/accounts/${encodeURIComponent(accountId)}/rewards/redemptions`, { method: 'POST', body: { points: value } }));
      setPoints('');
      onRedeemed();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="card stack-sm" aria-labelledby="redeem">
      <h2 id="redeem">Use your points</h2>
      <form className="stack-sm" onSubmit={submit} noValidate>
        <Field id="redeem-points" label="Points to redeem for a statement credit" inputMode="numeric" value={points} onValueChange={setPoints} error={fieldError}
          hint={`Each point is worth ${offer.statementCreditCentsPerPoint} cent${offer.statementCreditCentsPerPoint === 1 ? '' : 's'}; at least ${offer.minimumPoints.toLocaleString('en-US')} points.${worth ? ` That is ${formatMoney(worth)}.` : ''}`} />
        <Button type="submit" aria-disabled={isBusy || undefined}>{isBusy ? 'Redeeming…' : 'Redeem for a statement credit'}</Button>
      </form>
      {done ? <Notice tone="success">{`${pointsText(done.points)} redeemed: a credit of ${formatMoney(done.amountCents, done.currency)} is on your account.`}</Notice> : null}
      {error ? <ErrorAlert error={error} title="The points were not redeemed." /> : null}
    </section>
  );
}
