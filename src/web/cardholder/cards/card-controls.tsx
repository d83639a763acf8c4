import { useState } from 'react';
import { type ApiError, api } from '../../api-client.ts';
import type { AccountDetail, Card, CardControl } from '../../api-types.ts';
import { Button } from '../../components/button.tsx';
import { formatExpiry } from '../../components/format.ts';
import { Badge, Loading } from '../../components/status.tsx';
import { asApiError, useResource } from '../../components/use-resource.ts';
import { cardStatus } from '../labels.ts';

const STOPPED_TEXT: Record<string, string> = {
  blocked: 'Blocked to protect you; it cannot be used again. Use its replacement.',
  replaced: 'Replaced by a new card; it no longer works.',
};

function CardControlRow({ card }: { card: Card }) {
  const [status, setStatus] = useState<Card['status']>(card.status);
  const [isBusy, setIsBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const badge = cardStatus(status);
  const change = async (action: 'lock' | 'unlock') => {
    if (isBusy) return;
    setIsBusy(true);
    setError(null);
    try {
      const updated = await api<CardControl>(`/api/v1/cards/${encodeURIComponent(card.id)}/${action}`, { method: 'POST' });
      setStatus(updated.status);
      setMessage(updated.status === 'locked' ? `Card ending ${card.last4} is locked. New purchases will be declined until you unlock it.` : `Card ending ${card.last4} is unlocked and ready to use.`);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <li className="stack-sm">
      <p className="card-chip">
        <span className="card-chip__number">
          <span className="visually-hidden">Card ending in </span>
          <span aria-hidden="true">•••• </span>
          {card.last4}
        </span>
        <span className="card-chip__meta">Expires {formatExpiry(card.expires)}</span>
        <Badge tone={badge.tone}>{badge.label}</Badge>
      </p>
      {status === 'active' ? (
        <Button variant="secondary" onClick={() => change('lock')} aria-disabled={isBusy || undefined}>
          Lock card ending {card.last4}
        </Button>
      ) : null}
      {status === 'locked' ? (
        <Button variant="secondary" onClick={() => change('unlock')} aria-disabled={isBusy || undefined}>
          Unlock card ending {card.last4}
        </Button>
      ) : null}
      {STOPPED_TEXT[status] ? <p className="muted small">{STOPPED_TEXT[status]}</p> : null}
      <p role="status" className="small">
        {message}
      </p>
      {error ? (
        <p role="alert" className="field__error">
          {error.userMessage}
        </p>
      ) : null}
    </li>
  );
}

/**
 * Lock and unlock (the cardholder's own control; a lock is undone by unlocking, a block is final). Shown on the
 * account page, reading the account's cards itself so that a fraud denial elsewhere on the page
 * refreshes it (the page re-keys it) without reloading the page; a stolen card is reported by calling, which the hint says.
 */
export function CardControls({ accountId }: { accountId: string }) {
  const detail = useResource<AccountDetail>(`/api/v1/accounts/${encodeURIComponent(accountId)}`);
  const cards = detail.data?.cards ?? [];
  if (detail.status === 'error') return null;
  return (
    <section className="card stack" aria-labelledby="cards-heading" id="cards">
      <h2 id="cards-heading">Lock or unlock a card</h2>
      <p className="muted">Misplaced your card? Lock it: purchases are declined until you unlock it. If it was stolen or you see charges you did not make, call us so we can block and replace it.</p>
      {detail.status === 'loading' ? <Loading label="Loading your cards…" /> : null}
      {cards.length ? (
        <ul className="plain-list stack" aria-label="Card controls">
          {cards.map((card) => (
            <CardControlRow key={`${card.id}-${card.status}`} card={card} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
