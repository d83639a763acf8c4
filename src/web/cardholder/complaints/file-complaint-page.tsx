import { type FormEvent, useRef, useState } from 'react';
import { useSubmissionKey } from '../../components/use-submission-key.ts';
import { type ApiError, api } from '../../api-client.ts';
import type { CaseDetail } from '../../api-types.ts';
import { Button, ButtonLink } from '../../components/button.tsx';
import { formatLongDate } from '../../components/format.ts';
import { PageHeading } from '../../components/page.tsx';
import { ErrorAlert, Loading, Notice } from '../../components/status.tsx';
import { TextArea } from '../../components/text-area.tsx';
import { asApiError, useResource } from '../../components/use-resource.ts';
import { FilePicker } from '../../messages/attachments.tsx';
import { postReply } from '../../messages/post-message.ts';
import { Link, useLocation } from '../../router.tsx';
import { HumanPath, REASSURANCE } from '../messages/human-path.tsx';
import type { Complaint, ComplaintOptions } from './complaint-types.ts';

type Errors = Partial<Record<'category' | 'description' | 'desiredOutcome', string>>;

/** The confirmation: the reference, the case, and the three dates we committed to, in words. */
function Filed({ complaint, caseNumber, documents }: { complaint: Complaint; caseNumber: string | null; documents: number }) {
  const due = complaint.dueDates;
  return (
    <Notice tone="success" title="Your complaint is recorded.">
      <p>
        Complaint reference <strong>{complaint.id}</strong>
        {caseNumber ? (
          <>
            , case number <strong>{caseNumber}</strong>
          </>
        ) : null}
        . Keep them for your records.
        {documents ? ` Your ${documents === 1 ? 'document is' : `${documents} documents are`} attached to it.` : ''}
      </p>
      <ul className="bullet-list">
        {due.acknowledgment ? (
          <li>
            We will confirm we received it by <strong>{formatLongDate(due.acknowledgment)}</strong>.
          </li>
        ) : null}
        <li>
          You will have our written response by <strong>{formatLongDate(due.response)}</strong>.
        </li>
        <li>
          If it takes longer to put right, our final answer comes no later than <strong>{formatLongDate(due.final)}</strong>.
        </li>
      </ul>
      <p>
        <Link to={`/messages/${encodeURIComponent(complaint.caseId)}`}>Follow your complaint in your messages</Link>, where you can add documents.
      </p>
    </Notice>
  );
}

/**
 * "File a complaint" (issue 4, items 2 and 8): from a case (`?caseId=`) or on its own. Category, what
 * happened, and what the cardholder wants; the answer confirms the acknowledgment, response and final dates.
 */
export function FileComplaintPage() {
  const submission = useSubmissionKey();
  const { search } = useLocation();
  const caseId = search.get('caseId');
  const options = useResource<ComplaintOptions>('/api/v1/complaints/options');
  const related = useResource<CaseDetail>(caseId ? `/api/v1/cases/${encodeURIComponent(caseId)}` : null);
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [desiredOutcome, setDesiredOutcome] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [filed, setFiled] = useState<{ complaint: Complaint; caseNumber: string | null; documents: number } | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [documentsError, setDocumentsError] = useState<ApiError | undefined>();
  const [isSending, setIsSending] = useState(false);
  const refs = { category: useRef<HTMLSelectElement>(null), description: useRef<HTMLTextAreaElement>(null), desiredOutcome: useRef<HTMLTextAreaElement>(null) };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isSending) return;
    const found: Errors = {};
    if (!category) found.category = 'Choose what your complaint is about.';
    if (!description.trim()) found.description = 'Tell us what happened.';
    if (!desiredOutcome.trim()) found.desiredOutcome = 'Tell us what you would like us to do.';
    setErrors(found);
    setError(undefined);
    const first = (['category', 'description', 'desiredOutcome'] as const).find((k) => found[k]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    setIsSending(true);
    try {
      const complaint = await api<Complaint>('/api/v1/complaints', {
        method: 'POST',
        body: { category, description: description.trim(), desiredOutcome: desiredOutcome.trim(), ...(caseId && related.data ? { caseId } : {}) },
        idempotencyKey: submission.key(),
      });
      submission.settle();
      // Documents go the Secure Message Center's way (same intake rules), as a message on the complaint's case.
      let documents = 0;
      if (files.length > 0) {
        try {
          await postReply(complaint.caseId, { body: 'Documents I am sending with my complaint.' }, files);
          documents = files.length;
        } catch (caught) {
          setDocumentsError(asApiError(caught));
        }
      }
      const opened = await api<CaseDetail>(`/api/v1/cases/${encodeURIComponent(complaint.caseId)}`).catch(() => null);
      setFiled({ complaint, caseNumber: opened?.number ?? null, documents });
    } catch (caught) {
      submission.settle(caught);
      const failure = asApiError(caught);
      const byField: Errors = {};
      for (const e of failure.errors) if (e.field === 'category' || e.field === 'description' || e.field === 'desiredOutcome') byField[e.field] = e.message;
      setErrors(byField);
      setError(failure);
    } finally {
      setIsSending(false);
    }
  };

  return (
    <div className="stack-lg narrow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        {caseId ? <Link to={`/messages/${encodeURIComponent(caseId)}`}>Back to the conversation</Link> : <Link to="/messages">All messages</Link>}
      </nav>
      <PageHeading title="File a complaint">File a complaint</PageHeading>
      <div role="status" className="live-region">
        {filed ? <Filed complaint={filed.complaint} caseNumber={filed.caseNumber} documents={filed.documents} /> : null}
        {filed && documentsError ? (
          <ErrorAlert error={documentsError} title="Your complaint is recorded, but the documents were not attached.">
            <p>You can add them from your messages.</p>
          </ErrorAlert>
        ) : null}
      </div>
      {filed ? (
        <p>
          <ButtonLink to="/messages">Back to your messages</ButtonLink>
        </p>
      ) : (
        <>
          <p className="lead">
            A complaint is recorded and answered in writing. {options.data ? `We confirm it within ${options.data.clocks.acknowledgmentBusinessDays} business day${options.data.clocks.acknowledgmentBusinessDays === 1 ? '' : 's'} and respond within ${options.data.clocks.responseCalendarDays} days.` : ''}
          </p>
          {caseId && related.data ? <p>This complaint is about case <strong>{related.data.number}</strong>: {related.data.subject}.</p> : null}
          {options.status === 'loading' ? <Loading label="Loading the form…" /> : null}
          {options.status === 'error' ? <ErrorAlert error={options.error} title="We couldn’t load the form." /> : null}
          {options.data ? (
            <form className="card stack" onSubmit={submit} noValidate aria-labelledby="complaint-form-heading">
              <h2 id="complaint-form-heading">Your complaint</h2>
              <p className="reassurance">{REASSURANCE}</p>
              <div className={['field', errors.category ? 'field--error' : ''].filter(Boolean).join(' ')}>
                <label className="field__label" htmlFor="complaint-category">
                  What is it about?
                </label>
                {errors.category ? (
                  <p className="field__error" id="complaint-category-error">
                    <span className="visually-hidden">Error: </span>
                    {errors.category}
                  </p>
                ) : null}
                <select ref={refs.category} id="complaint-category" className="field__input" value={category} onChange={(e) => setCategory(e.target.value)} aria-invalid={errors.category ? true : undefined} aria-describedby={errors.category ? 'complaint-category-error' : undefined}>
                  <option value="">Choose one</option>
                  {options.data.categories.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </div>
              <TextArea ref={refs.description} id="complaint-description" label="What happened?" hint="Dates, amounts and who you spoke to help us look into it." rows={6} value={description} onValueChange={setDescription} error={errors.description} maxLength={20000} />
              <TextArea ref={refs.desiredOutcome} id="complaint-outcome" label="What would you like us to do?" rows={3} value={desiredOutcome} onValueChange={setDesiredOutcome} error={errors.desiredOutcome} maxLength={2000} />
              <FilePicker id="complaint-files" files={files} onChange={setFiles} />
              {error && Object.keys(errors).length === 0 ? <ErrorAlert error={error} title="Your complaint was not sent." /> : null}
              <div className="actions">
                <Button type="submit" aria-disabled={isSending || undefined}>
                  {isSending ? 'Sending…' : 'Send complaint'}
                </Button>
              </div>
            </form>
          ) : null}
        </>
      )}
      <HumanPath productLine={related.data?.productLine} />
    </div>
  );
}
