import { useId, useState } from 'react';
import { api } from '../../api-client.ts';
import type { PointsExplanation, Transaction } from '../../api-types.ts';
import { Button } from '../../components/button.tsx';
import { formatDate, formatMoney } from '../../components/format.ts';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { asApiError } from '../../components/use-resource.ts';
import type { ApiError } from '../../api-client.ts';
import { transactionState } from '../labels.ts';
import { pointsText, REASON_TITLES } from './reward-labels.ts';

type State = { status: 'closed' } | { status: 'loading' } | { status: 'ok'; data: PointsExplanation } | { status: 'error'; error: ApiError };

/** One transaction with a button that opens "why these points?" in plain words, fetched on first open. */
export function ExplainableTransaction({ t }: { t: Transaction }) {
  const [state, setState] = useState<State>({ status: 'closed' });
  const [isOpen, setIsOpen] = useState(false);
  const panelId = useId();
  const name = t.merchantName || t.description;
  const date = transactionState(t).date;
  const toggle = async () => {
    if (isOpen) return setIsOpen(false);
    setIsOpen(true);
    if (state.status === 'ok') return;
    setState({ status: 'loading' });
    try {
      setState({ status: 'ok', data: await api<PointsExplanation>(`/api/v1/transactions/${encodeURIComponent(t.id)}/points-explanation`) });
    } catch (error) {
      setState({ status: 'error', error: asApiError(error) });
    }
  };
  return (
    <li className="txn">
      <div className="txn__main stack-sm">
        <p className="txn__name">{name}</p>
        <p className="txn__meta">
          {formatDate(date)} · {formatMoney(t.amountCents, t.currency)}
          {t.direction === 'credit' ? ' credit' : ''}
        </p>
        <p>
          <Button variant="link" aria-expanded={isOpen} aria-controls={panelId} onClick={() => void toggle()} aria-label={`Why these points: ${name}, ${formatMoney(t.amountCents, t.currency)}, ${formatDate(date)}`}>
            {isOpen ? 'Hide points explanation' : 'Why these points?'}
          </Button>
        </p>
        <div id={panelId} hidden={!isOpen}>
          {isOpen && state.status === 'loading' ? <Loading label="Checking the points…" /> : null}
          {isOpen && state.status === 'error' ? <ErrorAlert error={state.error} title="We couldn’t explain the points for this transaction." /> : null}
          {isOpen && state.status === 'ok' ? <Explanation e={state.data} /> : null}
        </div>
      </div>
    </li>
  );
}

function Explanation({ e }: { e: PointsExplanation }) {
  return (
    <div className="card stack-sm" role="region" aria-label={`Points explanation: ${REASON_TITLES[e.reason]}`}>
      <p className="alert__title">{REASON_TITLES[e.reason]}</p>
      <p>{e.detail.message}</p>
      <dl className="muted small">
        <dt>Points the rules give</dt>
        <dd>{pointsText(e.expectedPoints)}</dd>
        <dt>Points posted</dt>
        <dd>{pointsText(e.postedPoints)}</dd>
      </dl>
    </div>
  );
}
