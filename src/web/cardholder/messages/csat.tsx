import { type FormEvent, useState } from 'react';
import { type ApiError, api } from '../../api-client.ts';
import { Button } from '../../components/button.tsx';
import { ErrorAlert, Notice } from '../../components/status.tsx';
import { TextArea } from '../../components/text-area.tsx';
import { asApiError } from '../../components/use-resource.ts';

const RATINGS = [
  { value: 5, label: 'Very good' },
  { value: 4, label: 'Good' },
  { value: 3, label: 'Neither good nor poor' },
  { value: 2, label: 'Poor' },
  { value: 1, label: 'Very poor' },
];

/** After a resolution, once: how did we do? (1–5 and an optional comment.) */
export function CsatPrompt({ caseId, rating, canRate, onRated }: { caseId: string; rating: number | null; canRate: boolean; onRated: () => void }) {
  const [choice, setChoice] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [choiceError, setChoiceError] = useState<string | undefined>();
  const [sent, setSent] = useState<number | null>(null);

  const given = sent ?? rating;
  if (given !== null && (sent !== null || !canRate)) {
    return (
      <Notice tone="success" title="Thank you for your feedback">
        <p>You rated this conversation {given} out of 5.</p>
      </Notice>
    );
  }
  if (!canRate) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (choice === null) return setChoiceError('Choose a rating from 1 to 5.');
    setChoiceError(undefined);
    try {
      await api<void>(`/api/v1/cases/${encodeURIComponent(caseId)}/csat`, { method: 'POST', body: { rating: choice, ...(comment.trim() ? { comment: comment.trim() } : {}) } });
      setSent(choice);
      onRated();
    } catch (caught) {
      setError(asApiError(caught));
    }
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="csat-heading">
      <h2 id="csat-heading">How did we do?</h2>
      <fieldset className="choice-group" aria-describedby={choiceError ? 'csat-error' : undefined}>
        <legend className="field__label">Rate how we handled this case</legend>
        {choiceError ? (
          <p className="field__error" id="csat-error">
            <span className="visually-hidden">Error: </span>
            {choiceError}
          </p>
        ) : null}
        {RATINGS.map((r) => (
          <label key={r.value} className="choice">
            <input type="radio" name="csat" value={r.value} checked={choice === r.value} onChange={() => setChoice(r.value)} />
            <span>
              {r.value} — {r.label}
            </span>
          </label>
        ))}
      </fieldset>
      <TextArea id="csat-comment" label="Anything you want to tell us? (optional)" rows={3} value={comment} onValueChange={setComment} maxLength={2000} />
      {error ? <ErrorAlert error={error} title="Your rating was not sent." /> : null}
      <div className="actions">
        <Button type="submit">Send rating</Button>
      </div>
    </form>
  );
}
