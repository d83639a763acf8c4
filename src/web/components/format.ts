/** Money and dates in plain language, with Intl (en-US: the demo issuer is American). */
const LOCALE = 'en-US';
const money = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number, currency = 'USD'): string {
  let format = money.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency });
    money.set(currency, format);
  }
  return format.format(cents / 100);
}

function toDate(value: string | Date): Date {
  // A bare calendar date (2026-06-15) is a day, not an instant: read it at local noon so no zone shifts it.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T12:00:00`);
  return new Date(value);
}

const longDate = new Intl.DateTimeFormat(LOCALE, { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
const shortDate = new Intl.DateTimeFormat(LOCALE, { month: 'short', day: 'numeric', year: 'numeric' });
const dateTime = new Intl.DateTimeFormat(LOCALE, { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' });

/** "Tuesday, March 3, 2026" */
export function formatLongDate(value: string | Date): string {
  return longDate.format(toDate(value));
}

/** "Mar 3, 2026" */
export function formatDate(value: string | Date): string {
  return shortDate.format(toDate(value));
}

/** "Mar 3, 2026, 4:05 PM" */
export function formatDateTime(value: string | Date): string {
  return dateTime.format(toDate(value));
}

/** "2029-08" → "08/29", the way it is printed on a card. */
export function formatExpiry(value: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  return match ? `${match[2]}/${match[1]?.slice(2)}` : value;
}

/** "on_hold" → "On hold" */
export function humanize(value: string): string {
  const text = value.replaceAll('_', ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "+14705550150" → "+1 (470) 555-0150"; other numbers stay as they are. */
export function formatPhone(e164: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return match ? `+1 (${match[1]}) ${match[2]}-${match[3]}` : e164;
}
