import { type FormEvent, useState } from 'react';
import { type ApiError, api } from '../api-client.ts';
import { Button } from '../components/button.tsx';
import { Field } from '../components/field.tsx';
import { PageHeading } from '../components/page.tsx';
import { ErrorAlert, Notice } from '../components/status.tsx';
import { TextArea } from '../components/text-area.tsx';
import { asApiError } from '../components/use-resource.ts';
import type { ScamCheckResult } from '../../modules/scam-check/scam-check.types.ts';
import { ScamVerdict } from './scam-verdict.tsx';

type Values = { phone: string; email: string; url: string; text: string };
const EMPTY: Values = { phone: '', email: '', url: '', text: '' };
// SCAM_CHECK_LIMITS on the server.
const LIMITS = { phone: 64, email: 320, url: 2048, text: 10_000 } as const;

/**
 * "Is this really us?" (issue 7, item 4): any of a phone number, an e-mail address, a link or a whole message →
 * the verdict, the reasons and what to do. Public: a worried cardholder should not have to sign in first.
 */
export function ScamCheckPage() {
  const [values, setValues] = useState<Values>(EMPTY);
  const [result, setResult] = useState<ScamCheckResult | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [isEmpty, setIsEmpty] = useState(false);
  const [isChecking, setIsChecking] = useState(false);
  const set = (key: keyof Values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== '')) as Partial<Values>;
    setFailure(undefined);
    setIsEmpty(Object.keys(body).length === 0);
    if (Object.keys(body).length === 0) return;
    setIsChecking(true);
    try {
      setResult(await api<ScamCheckResult>('/api/v1/scam-check', { method: 'POST', body, notifyUnauthorized: false }));
    } catch (caught) {
      setResult(undefined);
      setFailure(asApiError(caught));
    } finally {
      setIsChecking(false);
    }
  };

  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <PageHeading title="Is this really us?">Is this really us?</PageHeading>
        <p className="lead">
          Check a phone number, e-mail address, link or message before you answer it. Fill in any one of the fields; you don’t need to sign in.
        </p>
        <p>Please don’t paste your PIN, security code or one-time codes. Card numbers you paste are removed before anything is read.</p>
      </div>
      <form className="card form stack" onSubmit={submit} noValidate aria-label="Scam check">
        {isEmpty ? (
          <p className="field__error" role="alert">
            Fill in at least one field: a phone number, an e-mail address, a link or a message.
          </p>
        ) : null}
        <Field id="scam-phone" label="Phone number" hint="The number that called or texted you, or that you were asked to call." type="tel" value={values.phone} maxLength={LIMITS.phone} autoComplete="off" onValueChange={set('phone')} />
        <Field id="scam-email" label="E-mail address" hint="The sender’s address." type="email" value={values.email} maxLength={LIMITS.email} autoComplete="off" onValueChange={set('email')} />
        <Field id="scam-url" label="Link (web address)" hint="Copy the link; don’t open it." type="text" inputMode="url" value={values.url} maxLength={LIMITS.url} autoComplete="off" onValueChange={set('url')} />
        <TextArea id="scam-text" label="The message" hint="Paste the text message, e-mail or chat as you received it." rows={6} value={values.text} maxLength={LIMITS.text} onValueChange={set('text')} />
        <Button type="submit" disabled={isChecking}>{isChecking ? 'Checking…' : 'Check it'}</Button>
      </form>
      {failure ? <ErrorAlert error={failure} title="We couldn’t run the check." /> : null}
      <div role="status" aria-live="polite">
        {result ? <ScamVerdict result={result} /> : null}
      </div>
      <Notice title="Not sure?">
        <p>
          Hang up and call the number on the back of your card, or read <a href="/help/scams-and-phishing">how to spot a scam</a>.
        </p>
      </Notice>
    </div>
  );
}
