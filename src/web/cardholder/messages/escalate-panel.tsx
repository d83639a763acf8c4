import { type FormEvent, useRef, useState } from 'react';
import { type ApiError, api } from '../../api-client.ts';
import type { CaseDetail, CaseSummary } from '../../api-types.ts';
import { Button, ButtonLink } from '../../components/button.tsx';
import { formatDateTime } from '../../components/format.ts';
import { ErrorAlert, Notice } from '../../components/status.tsx';
import { TextArea } from '../../components/text-area.tsx';
import { asApiError } from '../../components/use-resource.ts';
import { Link } from '../../router.tsx';

/** Who holds an escalated case, in the words the cardholder sees on the case bar. */
function holder(c: Pick<CaseSummary, 'assignee'>): string {
  return c.assignee ? `${c.assignee.displayName} (agent ID ${c.assignee.agentCode}), a supervisor` : 'our supervisor team: the first available supervisor picks it up';
}

function Escalated({ summary, justNow }: { summary: Pick<CaseSummary, 'number' | 'assignee' | 'replyExpectedBy'>; justNow: boolean }) {
  return (
    <Notice tone={justNow ? 'success' : 'info'} title={justNow ? `Case ${summary.number} is now with a supervisor.` : `A supervisor is handling case ${summary.number}.`}>
      <p>
        Who holds it now: <strong>{holder(summary)}</strong>.
      </p>
      {summary.replyExpectedBy ? (
        <p>
          A supervisor will answer by <strong>{formatDateTime(summary.replyExpectedBy)}</strong>.
        </p>
      ) : null}
    </Notice>
  );
}

/**
 * "Ask for a supervisor" (issue 4, items 1 and 8): the reason goes with the request; the confirmation says who
 * holds the case now and the tighter time by which a supervisor answers. A formal complaint is one link away.
 */
export function EscalatePanel({ detail, onEscalated }: { detail: CaseDetail; onEscalated: () => void }) {
  const [isOpen, setIsOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<CaseSummary | null>(null);
  const [isSending, setIsSending] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const isEscalated = detail.escalation === 'supervisor';
  const canAsk = !isEscalated && !detail.mergedInto && detail.status !== 'closed';
  const complaintLink = `/complaints/new?caseId=${encodeURIComponent(detail.id)}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isSending) return;
    if (!reason.trim()) {
      setReasonError('Tell us briefly why you want a supervisor.');
      field.current?.focus();
      return;
    }
    setReasonError(undefined);
    setError(undefined);
    setIsSending(true);
    try {
      const summary = await api<CaseSummary>(`/api/v1/cases/${encodeURIComponent(detail.id)}/escalate`, { method: 'POST', body: { reason: reason.trim() } });
      setDone(summary);
      setIsOpen(false);
      onEscalated();
    } catch (caught) {
      const failure = asApiError(caught);
      setReasonError(failure.errors.find((e) => e.field === 'reason')?.message);
      setError(failure);
    } finally {
      setIsSending(false);
    }
  };

  return (
    <section className="card stack-sm" aria-labelledby="escalate-heading">
      <h2 id="escalate-heading">Not happy with how this is going?</h2>
      <div role="status" className="live-region">
        {done ? <Escalated summary={done} justNow /> : null}
      </div>
      {isEscalated && !done ? <Escalated summary={detail} justNow={false} /> : null}
      {canAsk && !isOpen ? (
        <p>
          <Button variant="secondary" onClick={() => setIsOpen(true)} aria-expanded={false} aria-controls="escalate-form">
            Ask for a supervisor
          </Button>
        </p>
      ) : null}
      {canAsk && isOpen ? (
        <form id="escalate-form" className="stack-sm" onSubmit={submit} noValidate aria-label="Ask for a supervisor">
          <p>A supervisor will take over this case and answer you sooner. Your case number stays the same.</p>
          <TextArea ref={field} id="escalate-reason" label="Why do you want a supervisor?" hint="For example: I have waited too long, or the answer did not solve my problem." rows={3} value={reason} onValueChange={setReason} error={reasonError} maxLength={2000} autoFocus />
          {error && !reasonError ? <ErrorAlert error={error} title="We could not pass your case to a supervisor." /> : null}
          <div className="actions">
            <Button type="submit" aria-disabled={isSending || undefined}>
              {isSending ? 'Sending…' : 'Send to a supervisor'}
            </Button>
            <Button variant="link" onClick={() => setIsOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      <p>
        You can also make a formal complaint. We will confirm it in writing and tell you the dates by which we will answer.
      </p>
      <p>
        <ButtonLink to={complaintLink}>File a complaint about this case</ButtonLink>
      </p>
      <p>
        <Link to="/callbacks/new">Ask us to call you</Link> at a time that suits you.
      </p>
    </section>
  );
}
