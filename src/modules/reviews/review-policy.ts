import type { IssuerProfile } from '../directory/index.ts';
import type { DocumentKind } from './reviews.tables.ts';

export type ReviewPolicy = { documentDueHours: number; reminderAfterHours: number; estimateMinSimilar: number; defaultEstimateHours: { median: number; p90: number } };

// Defaults when the issuer profile says nothing (issue 6: 48-hour due time, reminder at 24 hours).
export const DEFAULT_REVIEW_POLICY: ReviewPolicy = { documentDueHours: 48, reminderAfterHours: 24, estimateMinSimilar: 5, defaultEstimateHours: { median: 48, p90: 120 } };

export function reviewPolicyFor(profile: IssuerProfile): ReviewPolicy {
  return { ...DEFAULT_REVIEW_POLICY, ...(profile.accountReviews ?? {}) };
}

/** What the cardholder is asked for, in plain words (a `custom` request carries its own label). */
export const DOCUMENT_LABELS: Record<Exclude<DocumentKind, 'custom'>, string> = {
  income: 'Proof of income (your most recent tax return or two recent pay stubs)',
  identity: 'Proof of identity (a government-issued photo ID)',
  bank_statements: 'Bank statements for the last two months',
};

export const HOUR_MS = 3_600_000;

/** "Wednesday, June 17, 2026 at 10:00 AM EDT": concrete dates in the issuer's time zone. */
export function formatWhen(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(at);
}
