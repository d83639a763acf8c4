import type { ReactNode } from 'react';
import type { ApiError } from '../api-client.ts';

/** A polite live region: screen readers hear "Loading…" without losing their place. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}

/** An error that arrived asynchronously: role="alert" is announced at once. */
export function ErrorAlert({ error, title, children }: { error?: ApiError | undefined; title?: string; children?: ReactNode }) {
  return (
    <div className="alert alert--error" role="alert">
      {title ? <p className="alert__title">{title}</p> : null}
      {error ? <p>{error.userMessage}</p> : null}
      {children}
    </div>
  );
}

export function Notice({ tone = 'info', title, children }: { tone?: 'info' | 'warning' | 'success'; title?: string; children?: ReactNode }) {
  return (
    <div className={`alert alert--${tone}`}>
      {title ? <p className="alert__title">{title}</p> : null}
      {children}
    </div>
  );
}

export type BadgeTone = 'neutral' | 'good' | 'warning' | 'danger' | 'pending';

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
