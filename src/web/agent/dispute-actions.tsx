import { type FormEvent, useState } from 'react';
import { type ApiError, api } from '../api-client.ts';
import type { Dispute } from '../api-types.ts';
import { Button } from '../components/button.tsx';
import { formatMoney } from '../components/format.ts';
import { ErrorAlert } from '../components/status.tsx';
import { TextArea } from '../components/text-area.tsx';
import { asApiError } from '../components/use-resource.ts';

/** Network-track moves as the API names them (network.machine.ts), in words an agent reads at a glance. */
export const NETWORK_ACTION_LABELS: Record<string, string> = {
  'collect-evidence': 'Gather evidence',
  submit: 'Submit to the network',
  representment: 'Record merchant representment',
  'pre-arbitration': 'Go to pre-arbitration',
  arbitration: 'Go to arbitration',
  win: 'Record a win',
  lose: 'Record a loss',
  withdraw: 'Withdraw the chargeback',
  expire: 'Mark expired',
};

type Props = { dispute: Dispute; onChanged: (d: Dispute) => void };

/** Staff actions on one dispute: the allowed network moves as buttons, then the money steps and the decision. */
export function DisputeActions({ dispute: d, onChanged }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<'cardholder_favor' | 'merchant_favor' | ''>('');
  const [decisionNote, setDecisionNote] = useState('');
  const base = `/api/v1/disputes/${encodeURIComponent(d.id)}`;
  const isOpen = d.status === 'open';
  const credit = d.moneySteps.find((s) => s.kind === 'provisional_credit');
  const canCredit = isOpen && !credit;
  const canReverse = isOpen && credit?.state === 'posted' && !d.moneySteps.some((s) => s.kind === 'provisional_credit_reversal');

  const run = async (key: string, path: string, body: unknown, doneText: string) => {
    if (busy) return;
    setBusy(key);
    setError(undefined);
    setDone('');
    try {
      const updated = await api<Dispute>(`${base}/${path}`, { method: 'POST', ...(body === undefined ? {} : { body }) });
      setDone(doneText);
      setNote('');
      onChanged(updated);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  const resolve = (event: FormEvent) => {
    event.preventDefault();
    if (!outcome || !decisionNote.trim()) {
      setError(undefined);
      setDone('Choose the outcome and write the explanation the cardholder will receive.');
      return;
    }
    void run('resolve', 'resolve', { outcome, note: decisionNote.trim() }, 'The dispute is resolved and the written notice is on the case.');
  };

  const moves = d.network.allowedActions ?? [];
  return (
    <section className="card stack" aria-labelledby="dispute-actions">
      <h2 id="dispute-actions">Actions</h2>
      {isOpen ? (
        <>
          <h3>Network track</h3>
          <TextArea id="dispute-move-note" label="Internal note for the next move (optional)" rows={2} value={note} onValueChange={setNote} maxLength={4000} />
          <div className="actions">
            {moves.map((action) => (
              <Button key={action} variant="secondary" onClick={() => run(action, action, note.trim() ? { note: note.trim() } : {}, `Network track: ${NETWORK_ACTION_LABELS[action] ?? action} done.`)} aria-disabled={busy !== null || undefined}>
                {NETWORK_ACTION_LABELS[action] ?? action}
              </Button>
            ))}
          </div>
          {moves.length === 0 ? <p className="muted">The network track is finished.</p> : null}
          <h3>Money</h3>
          <div className="actions">
            {canCredit ? (
              <Button onClick={() => run('credit', 'provisional-credit', undefined, 'Provisional credit posted; the notice is on the case.')} aria-disabled={busy !== null || undefined}>
                Post provisional credit of {formatMoney(d.amountCents, d.currency)}
              </Button>
            ) : null}
            {canReverse ? (
              <Button variant="secondary" onClick={() => run('reverse', 'reverse-provisional-credit', undefined, 'Provisional credit reversed; the notice is on the case.')} aria-disabled={busy !== null || undefined}>
                Reverse provisional credit
              </Button>
            ) : null}
          </div>
          <form className="stack-sm" onSubmit={resolve} noValidate aria-label="Resolve the dispute">
            <fieldset className="choice-group">
              <legend className="field__label">Decision</legend>
              <label className="choice">
                <input type="radio" name="dispute-outcome" checked={outcome === 'cardholder_favor'} onChange={() => setOutcome('cardholder_favor')} />
                In the cardholder’s favor (credit becomes final)
              </label>
              <label className="choice">
                <input type="radio" name="dispute-outcome" checked={outcome === 'merchant_favor'} onChange={() => setOutcome('merchant_favor')} />
                The charge stands (any provisional credit is reversed)
              </label>
            </fieldset>
            <TextArea id="dispute-decision-note" label="Explanation for the cardholder" rows={3} value={decisionNote} onValueChange={setDecisionNote} maxLength={4000} />
            <Button type="submit" aria-disabled={busy !== null || undefined}>
              Resolve and send the notice
            </Button>
          </form>
        </>
      ) : (
        <p>This dispute is resolved ({d.outcome === 'cardholder_favor' ? 'in the cardholder’s favor' : 'the charge stands'}).</p>
      )}
      <p role="status" className="small">
        {done}
      </p>
      {error ? <ErrorAlert error={error} title="That did not work." /> : null}
    </section>
  );
}
