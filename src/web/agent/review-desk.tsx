import { useState } from 'react';
import type { ApiError } from '../api-client.ts';
import { Button } from '../components/button.tsx';
import { formatDateTime } from '../components/format.ts';
import { PageHeading } from '../components/page.tsx';
import { Badge, ErrorAlert, Loading } from '../components/status.tsx';
import { TextArea } from '../components/text-area.tsx';
import { useResource } from '../components/use-resource.ts';
import { Link } from '../router.tsx';
import { DOCUMENT_KIND_LABELS, staffWrite } from './review-actions.tsx';

type Doc = { id: string; label: string; status: string; dueAt: string; overdue: boolean; uploads: number };
type Review = { status: string; reviewId: string | null; reason: string | null; caseId: string | null; caseNumber: string | null; documents: Doc[]; estimate: { summary: string } | null; nextStep: string };

/** The reviewer's screen for one account: the checklist, more document requests, and the decision. */
export function ReviewDesk({ id }: { id: string }) {
  const review = useResource<Review>(`/api/v1/accounts/${id}/review`);
  const [note, setNote] = useState('');
  const [kinds, setKinds] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (path: string, body: unknown) => {
    const failed = await staffWrite(path, body);
    setError(failed);
    if (!failed) review.reload();
  };
  if (review.status === 'loading') return <Loading />;
  if (review.status === 'error') return <ErrorAlert error={review.error} title="We couldn’t load the review." />;
  const r = review.data;
  const base = `/api/v1/reviews/${r.reviewId}`;
  const open = r.status === 'open' && r.reviewId;
  return (
    <div className="stack">
      <p>
        <Link to={`/staff/accounts/${id}`}>Back to the account</Link>
      </p>
      <PageHeading title="Account review">Account review</PageHeading>
      <p>
        Status: <Badge tone={open ? 'warning' : 'neutral'}>{r.status}</Badge> {r.caseId ? <Link to={`/staff/cases/${r.caseId}`}>Case {r.caseNumber}</Link> : null}
      </p>
      {r.reason ? <p>Reason: {r.reason}</p> : null}
      <p>{r.nextStep}</p>
      {r.estimate ? <p className="muted">{r.estimate.summary}</p> : null}
      {error ? <ErrorAlert error={error} /> : null}
      {r.documents.length ? (
        <section className="card stack" aria-labelledby="checklist">
          <h2 id="checklist">Checklist</h2>
          <ul className="stack">
            {r.documents.map((d) => (
              <li key={d.id} className="stack">
                <p>
                  <strong>{d.label}</strong> <Badge tone={d.status === 'satisfied' ? 'good' : d.overdue ? 'danger' : 'pending'}>{d.overdue ? 'overdue' : d.status}</Badge> · due {formatDateTime(d.dueAt)} · {d.uploads} upload(s)
                </p>
                {open && (d.status === 'received' || d.status === 'requested') ? (
                  <p className="cluster">
                    <Button variant="secondary" onClick={() => run(`${base}/documents/${d.id}/check`, { satisfied: true })}>Check off “{d.label}”</Button>
                    <Button variant="secondary" onClick={() => (note.trim() ? run(`${base}/documents/${d.id}/check`, { satisfied: false, note }) : undefined)} aria-describedby="decision-note-hint">Send back “{d.label}”</Button>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {open ? (
        <section className="card stack" aria-labelledby="act">
          <h2 id="act">Ask for more, or decide</h2>
          <fieldset>
            <legend>More documents</legend>
            {Object.entries(DOCUMENT_KIND_LABELS).map(([kind, label]) => (
              <label key={kind} className="block">
                <input type="checkbox" checked={kinds.includes(kind)} onChange={(e) => setKinds(e.target.checked ? [...kinds, kind] : kinds.filter((k) => k !== kind))} /> {label}
              </label>
            ))}
            <Button variant="secondary" disabled={kinds.length === 0} onClick={() => run(`${base}/documents`, { documents: kinds.map((kind) => ({ kind })) }).then(() => setKinds([]))}>
              Request documents
            </Button>
          </fieldset>
          <TextArea id="decision-note" label="Written reason" hint="Sent to the cardholder with the decision; for closing, it is the principal reason in the adverse-action notice." value={note} onValueChange={setNote} />
          <p className="cluster">
            <Button disabled={!note.trim()} onClick={() => run(`${base}/decide`, { decision: 'release', note })}>Release the hold</Button>
            <Button variant="secondary" disabled={!note.trim()} onClick={() => run(`${base}/decide`, { decision: 'extend', note, extendHours: 72 })}>Extend by 3 days</Button>
            <Button variant="secondary" disabled={!note.trim()} onClick={() => run(`${base}/decide`, { decision: 'close', note })}>Close the account</Button>
          </p>
        </section>
      ) : null}
    </div>
  );
}
