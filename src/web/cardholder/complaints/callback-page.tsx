import { type FormEvent, useRef, useState } from 'react';
import { useSubmissionKey } from '../../components/use-submission-key.ts';
import { type ApiError, api } from '../../api-client.ts';
import { Button } from '../../components/button.tsx';
import { Field } from '../../components/field.tsx';
import { PageHeading } from '../../components/page.tsx';
import { ErrorAlert, Notice } from '../../components/status.tsx';
import { TextArea } from '../../components/text-area.tsx';
import { asApiError } from '../../components/use-resource.ts';
import { Link } from '../../router.tsx';
import { HumanPath, REASSURANCE } from '../messages/human-path.tsx';
import { type NextSteps, NextStepsNotice } from './next-steps-notice.tsx';

type Callback = { caseId: string; number: string; message: string; nextSteps: NextSteps | null };
type Errors = Partial<Record<'phone' | 'when' | 'reason', string>>;

/**
 * Phone numbers as people type them ("(212) 555-0123", "212.555.0123", "+44 20 7946 0958") to E.164. Ten
 * digits without a country code are taken as North American (the demo issuer's market); the server checks
 * the number plan.
 */
export function toE164(input: string): string {
  const digits = input.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return `+${digits.slice(1).replace(/\+/g, '')}`;
  if (/^\d{10}$/.test(digits)) return `+1${digits}`;
  if (/^1\d{10}$/.test(digits)) return `+${digits}`;
  return digits;
}

/** "Ask us to call you" (issue 4, item 5): a case in the phone queue with the number and the preferred time. */
export function CallbackPage() {
  const submission = useSubmissionKey();
  const [phone, setPhone] = useState('');
  const [when, setWhen] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [done, setDone] = useState<Callback | null>(null);
  const [isSending, setIsSending] = useState(false);
  const refs = { phone: useRef<HTMLInputElement>(null), when: useRef<HTMLInputElement>(null), reason: useRef<HTMLTextAreaElement>(null) };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isSending) return;
    const found: Errors = {};
    if (!/^\+[1-9]\d{6,14}$/.test(toE164(phone))) found.phone = 'Enter a phone number, for example (212) 555-0123 or +44 20 7946 0958.';
    if (!when || Number.isNaN(new Date(when).getTime())) found.when = 'Choose a day and time.';
    if (!reason.trim()) found.reason = 'Tell us briefly what the call is about.';
    setErrors(found);
    setError(undefined);
    const first = (['phone', 'when', 'reason'] as const).find((k) => found[k]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    setIsSending(true);
    try {
      // datetime-local is the browser's local time; the server stores the instant and says it in the issuer's zone.
      setDone(
        await api<Callback>('/api/v1/callbacks', {
          method: 'POST',
          body: { phone: toE164(phone), preferredTime: new Date(when).toISOString(), reason: reason.trim() },
          idempotencyKey: submission.key(),
        }),
      );
      submission.settle();
    } catch (caught) {
      submission.settle(caught);
      const failure = asApiError(caught);
      const byField: Errors = {};
      for (const e of failure.errors) {
        if (e.field === 'phone' || e.field === 'reason') byField[e.field] = e.message;
        if (e.field === 'preferredTime') byField.when = e.message;
      }
      setErrors(byField);
      setError(failure);
    } finally {
      setIsSending(false);
    }
  };

  return (
    <div className="stack-lg narrow">
      <PageHeading title="Ask us to call you">Ask us to call you</PageHeading>
      <div role="status" className="live-region stack-sm">
        {done ? (
          <Notice tone="success" title={`We will call you. Your case number is ${done.number}.`}>
            <p>{done.message}</p>
            <p>
              <Link to={`/messages/${encodeURIComponent(done.caseId)}`}>See this request in your messages</Link>
            </p>
          </Notice>
        ) : null}
        {done ? <NextStepsNotice steps={done.nextSteps} /> : null}
      </div>
      {done ? null : (
        <form className="card stack" onSubmit={submit} noValidate aria-labelledby="callback-heading">
          <h2 id="callback-heading">When and where should we call?</h2>
          <p className="reassurance">{REASSURANCE} When we call, we will mention your case number.</p>
          <Field ref={refs.phone} id="callback-phone" label="Phone number" type="tel" autoComplete="tel" value={phone} onValueChange={setPhone} error={errors.phone} />
          <Field ref={refs.when} id="callback-when" label="Preferred day and time" hint="Your local time, within the next 30 days." type="datetime-local" value={when} onValueChange={setWhen} error={errors.when} />
          <TextArea ref={refs.reason} id="callback-reason" label="What is the call about?" rows={3} value={reason} onValueChange={setReason} error={errors.reason} maxLength={2000} />
          {error && Object.keys(errors).length === 0 ? <ErrorAlert error={error} title="Your request was not sent." /> : null}
          <div className="actions">
            <Button type="submit" aria-disabled={isSending || undefined}>
              {isSending ? 'Sending…' : 'Ask for a call'}
            </Button>
          </div>
        </form>
      )}
      <HumanPath />
    </div>
  );
}
