import { useRef, useState } from 'react';
import { api, ApiError } from '../../api-client.ts';
import { Button } from '../../components/button.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageHeading } from '../../components/page.tsx';
import { Badge, ErrorAlert, Loading, Notice } from '../../components/status.tsx';
import { useResource } from '../../components/use-resource.ts';
import { Link } from '../../router.tsx';

type Doc = { id: string; label: string; note: string | null; status: string; dueAt: string; overdue: boolean; uploads: number; canUpload: boolean };
type Review = {
  status: 'none' | 'open' | 'released' | 'closed';
  reviewId: string | null;
  reason: string | null;
  caseNumber: string | null;
  caseId: string | null;
  documents: Doc[];
  estimate: { summary: string; expectedBy: string | null; latestBy: string | null } | null;
  declines: { title: string; explanation: string; whatToDo: string } | null;
  nextStep: string;
};

const STATUS: Record<string, { label: string; tone: 'warning' | 'pending' | 'good' | 'neutral' }> = {
  requested: { label: 'Needed', tone: 'warning' },
  received: { label: 'Received, being checked', tone: 'pending' },
  satisfied: { label: 'Done', tone: 'good' },
  closed: { label: 'Closed', tone: 'neutral' },
};

function UploadForm({ reviewId, doc, onDone }: { reviewId: string; doc: Doc; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const inputId = `file-${doc.id}`;
  const send = async () => {
    // Read the chosen files at send time (not from state): what the input holds is what is sent.
    const files = input.current?.files;
    if (!files?.length) {
      setError(new ApiError({ status: 400, code: 'validation_failed', title: 'Choose a file to upload first.' }));
      return;
    }
    const form = new FormData();
    for (const f of Array.from(files)) form.append('files', f);
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v1/reviews/${reviewId}/documents/${doc.id}/uploads`, { method: 'POST', body: form });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ status: 0, code: 'client_error', title: 'Something went wrong.' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="stack">
      <label htmlFor={inputId}>File for “{doc.label}”</label>
      <input ref={input} id={inputId} type="file" multiple accept="application/pdf,image/png,image/jpeg" />
      {error ? <ErrorAlert error={error} /> : null}
      <Button variant="secondary" onClick={send} disabled={busy}>
        {busy ? 'Uploading…' : 'Upload'}
      </Button>
    </div>
  );
}

/** The account review page: why the account is on hold, the checklist of documents with uploads, and when it should end. */
export function ReviewPage({ id }: { id: string }) {
  const review = useResource<Review>(`/api/v1/accounts/${id}/review`);
  return (
    <div className="stack">
      <p>
        <Link to={`/accounts/${id}`}>Back to the account</Link>
      </p>
      <PageHeading title="Account review">Account review</PageHeading>
      {review.status === 'loading' ? <Loading /> : null}
      {review.status === 'error' ? <ErrorAlert error={review.error} title="We couldn’t load the review." /> : null}
      {review.status === 'ok' ? (
        <>
          {review.data.status === 'none' ? <p>This account is not under review.</p> : null}
          {review.data.reason ? (
            <section className="card stack" aria-labelledby="why">
              <h2 id="why">Why your account is on hold</h2>
              <p>{review.data.reason}</p>
              {review.data.caseNumber ? <p className="muted">Case {review.data.caseNumber}. <Link to={`/messages/${review.data.caseId}`}>Open the conversation</Link></p> : null}
              {review.data.declines ? (
                <Notice tone="warning" title={review.data.declines.title}>
                  <p>{review.data.declines.explanation}</p>
                </Notice>
              ) : null}
              <p role="status">{review.data.nextStep}</p>
            </section>
          ) : null}
          {review.data.documents.length ? (
            <section className="card stack" aria-labelledby="checklist">
              <h2 id="checklist">Documents we asked for</h2>
              <ul className="stack" aria-label="Document checklist">
                {review.data.documents.map((d) => (
                  <li key={d.id} className="stack">
                    <p>
                      <strong>{d.label}</strong> <Badge tone={STATUS[d.status]?.tone ?? 'neutral'}>{STATUS[d.status]?.label ?? d.status}</Badge>
                    </p>
                    {d.status === 'requested' ? <p className={d.overdue ? 'field__error' : 'muted'}>{d.overdue ? 'Overdue: was due ' : 'Due by '}{formatDateTime(d.dueAt)}</p> : null}
                    {d.canUpload && review.data.reviewId ? <UploadForm reviewId={review.data.reviewId} doc={d} onDone={review.reload} /> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {review.data.estimate ? (
            <section className="card stack" aria-labelledby="estimate">
              <h2 id="estimate">How long it usually takes</h2>
              <p>{review.data.estimate.summary}</p>
              {review.data.estimate.expectedBy ? <p>We expect a decision by {formatDateTime(review.data.estimate.expectedBy)}{review.data.estimate.latestBy ? `, and almost certainly by ${formatDateTime(review.data.estimate.latestBy)}` : ''}.</p> : null}
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
