import { type FormEvent, useState } from 'react';
import { type ApiError, api, query } from '../api-client.ts';
import type { Page, StaffCaseDetail, StaffCaseSummary } from '../api-types.ts';
import { Button } from '../components/button.tsx';
import { ErrorAlert } from '../components/status.tsx';
import { asApiError, useResource } from '../components/use-resource.ts';

/** Merge a duplicate into another open case of the same cardholder (the list offers only those). */
export function MergeForm({ detail, onMerged }: { detail: StaffCaseDetail; onMerged: () => void }) {
  const others = useResource<Page<StaffCaseSummary>>(
    `/api/v1/cases${query({ customerId: detail.customerId, status: 'new,open,pending_customer,pending_internal,resolved', limit: 50 })}`,
  );
  const [into, setInto] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [choiceError, setChoiceError] = useState<string | undefined>();
  const [isBusy, setIsBusy] = useState(false);
  const candidates = (others.data?.items ?? []).filter((c) => c.id !== detail.id && !c.mergedInto);
  if (detail.mergedInto || detail.status === 'closed' || candidates.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    if (!into) return setChoiceError('Choose the case to merge into.');
    setChoiceError(undefined);
    setError(undefined);
    setIsBusy(true);
    try {
      await api<StaffCaseSummary>(`/api/v1/cases/${encodeURIComponent(detail.id)}/merge`, { method: 'POST', body: { intoCaseId: into } });
      onMerged();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form className="stack-sm" onSubmit={submit} noValidate aria-label="Merge">
      <div className={choiceError ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor="merge-into">Merge this case into</label>
        <p className="field__hint" id="merge-hint">Its messages move to the other case; the cardholder is told which case continues.</p>
        {choiceError ? (
          <p className="field__error" id="merge-error">
            <span className="visually-hidden">Error: </span>
            {choiceError}
          </p>
        ) : null}
        <select id="merge-into" className="field__input" value={into} onChange={(e) => setInto(e.target.value)}
          aria-describedby={choiceError ? 'merge-hint merge-error' : 'merge-hint'} aria-invalid={choiceError ? true : undefined}>
          <option value="">Choose a case…</option>
          {candidates.map((c) => <option key={c.id} value={c.id}>{`${c.number}: ${c.subject}`}</option>)}
        </select>
      </div>
      <Button type="submit" variant="secondary" aria-disabled={isBusy || undefined}>Merge</Button>
      {error ? <ErrorAlert error={error} title="The cases were not merged." /> : null}
    </form>
  );
}
