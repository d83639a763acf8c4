import { useState } from 'react';
import { api, query } from '../../api-client.ts';
import type { Rewards, RewardsEntry } from '../../api-types.ts';
import { Button } from '../../components/button.tsx';
import { formatDate } from '../../components/format.ts';
import { ErrorAlert } from '../../components/status.tsx';
import { asApiError } from '../../components/use-resource.ts';
import type { ApiError } from '../../api-client.ts';
import { ENTRY_KINDS, formatPoints } from './reward-labels.ts';

/** The points ledger, newest first; later pages are fetched on request. */
export function RewardsHistory({ accountId, first }: { accountId: string; first: Rewards['history'] }) {
  const [items, setItems] = useState<RewardsEntry[]>(first.items);
  const [cursor, setCursor] = useState<string | null>(first.nextCursor);
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const more = async () => {
    if (isLoading || !cursor) return;
    setIsLoading(true);
    setError(null);
    try {
      const page = await api<Rewards>(`/api/v1/accounts/${encodeURIComponent(accountId)}/rewards${query({ cursor, limit: 25 })}`);
      setItems((before) => [...before, ...page.history.items.filter((i) => !before.some((b) => b.id === i.id))]);
      setCursor(page.history.nextCursor);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setIsLoading(false);
    }
  };
  return (
    <section className="card stack" aria-labelledby="points-history">
      <h2 id="points-history">Points history</h2>
      {items.length === 0 ? <p>No points yet.</p> : null}
      <ul className="txn-list" aria-label="Points history">
        {items.map((e) => (
          <li key={e.id} className="txn">
            <div className="txn__main">
              <p className="txn__name">{e.description}</p>
              <p className="txn__meta">
                {ENTRY_KINDS[e.kind] ?? e.kind} · {formatDate(e.effectiveOn)}
              </p>
            </div>
            <div className="txn__side">
              <span className={`txn__amount${e.points > 0 ? ' txn__amount--credit' : ''}`}>{formatPoints(e.points)}</span>
            </div>
          </li>
        ))}
      </ul>
      <p className="muted small" role="status">
        {isLoading ? 'Loading more points history…' : ''}
      </p>
      {error ? <ErrorAlert error={error} title="We couldn’t load more history." /> : null}
      {cursor ? (
        <Button variant="secondary" onClick={() => void more()} aria-disabled={isLoading || undefined}>
          Load more history
        </Button>
      ) : null}
    </section>
  );
}
