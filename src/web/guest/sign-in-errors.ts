import type { ApiError } from '../api-client.ts';

export type SignInFields = { email: string; password: string; totp: string };
export type FieldErrors = Partial<Record<keyof SignInFields, string>>;

/** Client-side checks, in the words a person would use. */
export function validateSignIn(values: SignInFields, needsCode: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.email.trim()) errors.email = 'Enter your e-mail address.';
  else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email.trim())) errors.email = 'Enter an e-mail address like name@example.com.';
  if (!values.password) errors.password = 'Enter your password.';
  if (needsCode && !/^[0-9]{6}$/.test(values.totp.trim())) errors.totp = 'Enter the 6-digit code from your authenticator app.';
  return errors;
}

function untilText(seconds: number | undefined): string {
  if (!seconds) return 'Please wait a few minutes and try again.';
  const at = new Date(Date.now() + seconds * 1000);
  const time = at.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
  return `You can try again at ${time}.`;
}

/** What the server's answer means for the form: a message for the whole form, or for one field. */
export function describeSignInError(error: ApiError): { form?: string; fields?: FieldErrors } {
  switch (error.code) {
    case 'invalid_credentials':
      return { form: 'The e-mail address or password is wrong. Check them and try again.' };
    case 'invalid_totp':
      return { fields: { totp: 'That code is wrong or has expired. Enter the newest 6-digit code from your app.' } };
    case 'account_locked':
      return { form: `Too many sign-in attempts, so this account is locked for a short time. ${untilText(error.retryAfterSeconds)}` };
    case 'rate_limited':
      return { form: `Too many sign-in attempts from this device. ${untilText(error.retryAfterSeconds)}` };
    case 'validation_failed': {
      const fields: FieldErrors = {};
      for (const e of error.errors) {
        const name = e.field.replace(/^body\./, '');
        if (name === 'email' || name === 'password' || name === 'totp') fields[name] = `Check this field: it ${e.message}.`;
      }
      return Object.keys(fields).length ? { fields } : { form: error.userMessage };
    }
    default:
      return { form: error.userMessage };
  }
}
