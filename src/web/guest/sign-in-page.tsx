import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../api-client.ts';
import type { SessionResponse } from '../api-types.ts';
import { Button } from '../components/button.tsx';
import { Field } from '../components/field.tsx';
import { PageHeading } from '../components/page.tsx';
import { Notice } from '../components/status.tsx';
import { asApiError } from '../components/use-resource.ts';
import { Link, navigate, safeNext, useLocation } from '../router.tsx';
import { homePathFor, useSession } from '../session.tsx';
import { describeSignInError, type FieldErrors, type SignInFields, validateSignIn } from './sign-in-errors.ts';

export function SignInPage() {
  const { state, signedIn } = useSession();
  const { search } = useLocation();
  const next = safeNext(search.get('next'));
  const [values, setValues] = useState<SignInFields>({ email: '', password: '', totp: '' });
  const [needsCode, setNeedsCode] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const refs = { email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null), totp: useRef<HTMLInputElement>(null) };
  const [focusNext, setFocusNext] = useState<keyof SignInFields | null>(null);

  useEffect(() => {
    if (state.status === 'signed-in') navigate(next ?? homePathFor(state.user), { replace: true });
  }, [state, next]);

  useEffect(() => {
    if (!focusNext) return;
    refs[focusNext].current?.focus();
    setFocusNext(null);
  });

  const set = (name: keyof SignInFields) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isBusy) return;
    const errors = validateSignIn(values, needsCode);
    setFieldErrors(errors);
    setFormError(null);
    const firstInvalid = (['email', 'password', 'totp'] as const).find((name) => errors[name]);
    if (firstInvalid) return setFocusNext(firstInvalid);
    setIsBusy(true);
    try {
      const body = { email: values.email.trim(), password: values.password, ...(needsCode ? { totp: values.totp.trim() } : {}) };
      const session = await api<SessionResponse>('/api/v1/session', { method: 'POST', body, notifyUnauthorized: false });
      signedIn(session);
      navigate(next ?? homePathFor(session.user), { replace: true });
    } catch (caught) {
      const error = asApiError(caught);
      if (error.code === 'totp_required') {
        setNeedsCode(true);
        setFocusNext('totp');
      } else {
        const described = describeSignInError(error);
        setFieldErrors(described.fields ?? {});
        setFormError(described.form ?? null);
        if (described.fields?.totp) {
          setValues((v) => ({ ...v, totp: '' }));
          setFocusNext('totp');
        }
      }
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <div className="narrow stack">
      <PageHeading title="Sign in">Sign in</PageHeading>
      {search.get('signed-out') ? <Notice tone="success">You have signed out.</Notice> : null}
      {search.get('expired') ? <Notice tone="warning">Your session ended. Sign in again to continue where you were.</Notice> : null}
      <div aria-live="assertive" aria-atomic="true">
        {formError ? (
          <div className="alert alert--error">
            <p>{formError}</p>
          </div>
        ) : null}
      </div>
      <form className="card form stack" noValidate onSubmit={submit} aria-busy={isBusy}>
        <Field ref={refs.email} id="email" label="E-mail address" type="email" autoComplete="username" inputMode="email" autoCapitalize="none" spellCheck={false}
          value={values.email} onValueChange={set('email')} error={fieldErrors.email} />
        <Field ref={refs.password} id="password" label="Password" type="password" autoComplete="current-password"
          value={values.password} onValueChange={set('password')} error={fieldErrors.password} />
        <div aria-live="polite">
          {needsCode ? (
            <Field ref={refs.totp} id="totp" label="6-digit code" hint="Staff accounts need a second step: open your authenticator app and enter the code it shows now."
              inputMode="numeric" autoComplete="one-time-code" maxLength={6} pattern="[0-9]*"
              value={values.totp} onValueChange={set('totp')} error={fieldErrors.totp} />
          ) : null}
        </div>
        <Button type="submit" aria-disabled={isBusy || undefined}>
          {isBusy ? 'Signing in…' : needsCode ? 'Verify and sign in' : 'Sign in'}
        </Button>
      </form>
      <p>
        Can’t sign in? Call the number on the back of your card, or see <Link to="/contact">every way to contact us</Link>.
      </p>
    </div>
  );
}
