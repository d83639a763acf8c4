import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, api, query } from '../api-client.ts';
import type { Page, Transaction } from '../api-types.ts';
import { asApiError } from '../components/use-resource.ts';

export const PAGE_SIZE = 20;

export type TransactionPages = {
  items: Transaction[];
  nextCursor: string | null;
  isLoading: boolean;
  error: ApiError | null;
  loadMore: () => void;
};

/** Cursor pagination: each "load more" appends the next page; a failed page can be retried. */
export function useTransactionPages(accountId: string): TransactionPages {
  const [items, setItems] = useState<Transaction[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const controller = useRef<AbortController | null>(null);

  const load = useCallback(
    async (cursor: string | null) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setIsLoading(true);
      setError(null);
      try {
        const path = `/api/v1/accounts/${encodeURIComponent(accountId)}/transactions${query({ limit: PAGE_SIZE, cursor })}`;
        const page = await api<Page<Transaction>>(path, { signal: current.signal });
        setItems((before) => (cursor ? [...before, ...page.items.filter((t) => !before.some((b) => b.id === t.id))] : page.items));
        setNextCursor(page.nextCursor ?? null);
      } catch (caught) {
        if (!current.signal.aborted) setError(asApiError(caught));
      } finally {
        if (!current.signal.aborted) setIsLoading(false);
      }
    },
    [accountId],
  );

  useEffect(() => {
    void load(null);
    return () => controller.current?.abort();
  }, [load]);

  const loadMore = useCallback(() => {
    if (!isLoading) void load(nextCursor);
  }, [isLoading, load, nextCursor]);

  return { items, nextCursor, isLoading, error, loadMore };
}
