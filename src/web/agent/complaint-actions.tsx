import { type FormEvent, useState } from 'react';
import { type ApiError, api } from '../api-client.ts';
import { Button } from '../components/button.tsx';
import { ErrorAlert, Notice } from '../components/status.tsx';
import { TextArea } from '../components/text-area.tsx';
import { asApiError } from '../components/use-resource.ts';
import type { Complaint, ComplaintOptions } from '../cardholder/complaints/complaint-types.ts';

type Props = { complaint: Complaint; options: ComplaintOptions | undefined; onChanged: (message: string) => void };

/**
 * A complaint's next steps for staff: acknowledge (sends the acknowledgment letter), send the written response
 * (a response letter, HTML and PDF, on the case), close with a root cause. The server refuses what the state
 * does not allow (409), and the reason is shown here.
 */
export function ComplaintActions({ complaint, options, onChanged }: Props) {
  const [response, setResponse] = useState('');
  const [responseError, setResponseError] = useState<string | undefined>();
  const [rootCause, setRootCause] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState<string | null>(null);
  const id = encodeURIComponent(complaint.id);
  const isRegulator = complaint.source === 'regulator';

  const run = async (name: string, path: string, body: unknown, done: string) => {
    if (busy) return;
    setBusy(name);
    setError(undefined);
    try {
      await api(`/api/v1/complaints/${id}/${path}`, { method: 'POST', body });
      onChanged(done);
      if (name === 'respond') setResponse('');
    } catch (caught) {
      const failure = asApiError(caught);
      if (name === 'respond') setResponseError(failure.errors.find((e) => e.field === 'response')?.message ?? failure.userMessage);
      setError(failure);
    } finally {
      setBusy(null);
    }
  };

  const respond = (event: FormEvent) => {
    event.preventDefault();
    if (!response.trim()) {
      setResponseError('Write the response before sending it.');
      return;
    }
    setResponseError(undefined);
    void run('respond', 'respond', { response: response.trim() }, 'The response letter was sent to the cardholder.');
  };

  const close = (event: FormEvent) => {
    event.preventDefault();
    void run('close', 'close', rootCause ? { rootCause } : {}, 'The complaint is closed.');
  };

  if (complaint.status === 'closed') return <Notice title="This complaint is closed." />;
  return (
    <section className="card stack" aria-labelledby="complaint-actions-heading">
      <h2 id="complaint-actions-heading">Next steps</h2>
      {error ? <ErrorAlert error={error} title="That did not work." /> : null}
      {complaint.status === 'received' && !isRegulator ? (
        <p>
          <Button onClick={() => void run('ack', 'acknowledge', {}, 'The acknowledgment letter was sent to the cardholder.')} aria-disabled={busy !== null || undefined}>
            {busy === 'ack' ? 'Sending…' : 'Acknowledge and send the letter'}
          </Button>
        </p>
      ) : null}
      {isRegulator ? (
        <p>Answer a CFPB complaint through the regulator portal, then record it with the regulator-response API.</p>
      ) : (
        <form className="stack-sm" onSubmit={respond} noValidate aria-label="Written response">
          <TextArea id="complaint-response" label="Written response" hint="Sent as a letter (HTML and PDF) in the Secure Message Center, signed with your name and agent ID." rows={6} value={response} onValueChange={setResponse} error={responseError} maxLength={20000} />
          <div className="actions">
            <Button type="submit" aria-disabled={busy !== null || undefined}>
              {busy === 'respond' ? 'Sending…' : 'Send the response letter'}
            </Button>
          </div>
        </form>
      )}
      {complaint.status === 'responded' ? (
        <form className="stack-sm" onSubmit={close} noValidate aria-label="Close the complaint">
          <div className="field">
            <label className="field__label" htmlFor="complaint-root-cause">
              Root cause
            </label>
            <select id="complaint-root-cause" className="field__input" value={rootCause} onChange={(e) => setRootCause(e.target.value)}>
              <option value="">Choose the root cause</option>
              {(options?.rootCauses ?? []).map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <Button type="submit" variant="secondary" aria-disabled={busy !== null || undefined}>
              {busy === 'close' ? 'Closing…' : 'Close the complaint'}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
