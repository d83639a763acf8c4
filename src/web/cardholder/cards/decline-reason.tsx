import { useId, useState } from 'react';
import { type ApiError, api } from '../../api-client.ts';
import type { DeclineAnswer } from '../../api-types.ts';
import { asApiError } from '../../components/use-resource.ts';

/** "Why was my card declined?" on a declined transaction: the reason in plain words, fetched when asked. */
export function DeclineReason({ transactionId }: { transactionId: string }) {
  const panelId = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [answer, setAnswer] = useState<DeclineAnswer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const toggle = async () => {
    const next = !isOpen;
    setIsOpen(next);
    if (!next || answer) return;
    try {
      setError(null);
      setAnswer(await api<DeclineAnswer>(`/api/v1/transactions/${encodeURIComponent(transactionId)}/decline-reason`));
    } catch (caught) {
      setError(asApiError(caught));
    }
  };
  return (
    <div>
      <button type="button" className="button button--link txn__ask" aria-expanded={isOpen} aria-controls={panelId} onClick={toggle}>
        Why was my card declined?
      </button>
      <div id={panelId} hidden={!isOpen} role="status">
        {isOpen && !answer && !error ? <p className="muted small">Looking it up…</p> : null}
        {isOpen && error ? <p>{error.userMessage}</p> : null}
        {isOpen && answer ? (
          <div className="stack-sm">
            <p>
              <strong>{answer.title}.</strong> {answer.explanation}
            </p>
            <p>{answer.whatToDo}</p>
          </div>
        ) : null}
      </div>
    </div>
  );
}
