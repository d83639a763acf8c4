import { type FormEvent, useState } from 'react';
import { type ApiError, api } from '../../api-client.ts';
import type { AccountDetail, Card, CardControl, Reissued } from '../../api-types.ts';
import { Button } from '../../components/button.tsx';
import { Field } from '../../components/field.tsx';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { asApiError, useResource } from '../../components/use-resource.ts';
import { cardStatus } from '../labels.ts';

/** One card for staff: block (final, with a reason) and reissue (a new last 4; the old card becomes replaced). */
function StaffCardRow({ card, onChanged }: { card: Card; onChanged: (done: string) => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<'block' | 'reissue' | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const [fieldError, setFieldError] = useState<string | undefined>();
  const id = `staff-card-reason-${card.id}`;
  const run = async (action: 'block' | 'reissue', event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    if (reason.trim().length < 3) {
      setFieldError('Write why, in a few words (at least 3 characters); it goes into the audit log.');
      document.getElementById(id)?.focus();
      return;
    }
    setBusy(action);
    setError(undefined);
    setFieldError(undefined);
    try {
      if (action === 'block') {
        const blocked = await api<CardControl>(`/api/v1/cards/${encodeURIComponent(card.id)}/block`, { method: 'POST', body: { reason: reason.trim() } });
        onChanged(`Card ending ${blocked.last4} is blocked.`);
      } else {
        const reissued = await api<Reissued>(`/api/v1/cards/${encodeURIComponent(card.id)}/reissue`, { method: 'POST', body: { reason: reason.trim() } });
        onChanged(`Card ending ${reissued.replaced.last4} is replaced by a new card ending ${reissued.replacement.last4}.`);
      }
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(null);
    }
  };
  const status = cardStatus(card.status);
  return (
    <li className="stack-sm">
      <p>
        <strong>Card ending {card.last4}</strong> · {status.label}
      </p>
      {card.status === 'replaced' ? (
        <p className="muted small">Replaced; nothing more to do on this card.</p>
      ) : (
        <form className="stack-sm" onSubmit={(e) => run('block', e)} noValidate aria-label={`Block or reissue card ending ${card.last4}`}>
          <Field id={id} label={`Reason (card ending ${card.last4})`} value={reason} onValueChange={setReason} error={fieldError} maxLength={500} autoComplete="off" />
          <div className="actions">
            {card.status !== 'blocked' ? (
              <Button type="submit" variant="secondary" aria-disabled={busy !== null || undefined}>
                Block card ending {card.last4}
              </Button>
            ) : null}
            <Button onClick={() => run('reissue')} aria-disabled={busy !== null || undefined}>
              Reissue card ending {card.last4}
            </Button>
          </div>
        </form>
      )}
      {error ? <ErrorAlert error={error} title="That did not work." /> : null}
    </li>
  );
}

/** Staff card actions on the staff account page (item 7: agent block and reissue); every action is audited. */
export function StaffCardActions({ accountId }: { accountId: string }) {
  const detail = useResource<AccountDetail>(`/api/v1/accounts/${encodeURIComponent(accountId)}`);
  const cards = detail.data?.cards ?? [];
  const [done, setDone] = useState('');
  const changed = (text: string) => {
    setDone(text); // kept here: the list reloads (and remounts) with the cards' new status
    detail.reload();
  };
  return (
    <section className="card stack" aria-labelledby="staff-cards">
      <h2 id="staff-cards">Block or reissue a card</h2>
      <p className="muted">Block stops a card at once and for good (fraud, lost or stolen). Reissue sends a new card with a new number; the old one stops working.</p>
      {detail.status === 'loading' && !detail.data ? <Loading label="Loading the cards…" /> : null}
      {detail.status === 'error' ? <ErrorAlert error={detail.error} title="We couldn’t load the cards." /> : null}
      {cards.length ? (
        <ul className="plain-list stack divided" aria-label="Cards on this account">
          {cards.map((card) => (
            <StaffCardRow key={`${card.id}-${card.status}`} card={card} onChanged={changed} />
          ))}
        </ul>
      ) : null}
      <p role="status" className="small">
        {done}
      </p>
    </section>
  );
}
