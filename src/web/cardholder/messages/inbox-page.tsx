import type { CaseSummary, Page } from '../../api-types.ts';
import { ButtonLink } from '../../components/button.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageHeading } from '../../components/page.tsx';
import { Badge, ErrorAlert, Loading } from '../../components/status.tsx';
import { useCaseEvents, useLiveResource } from '../../messages/live.ts';
import { Link } from '../../router.tsx';
import { HumanPath, REASSURANCE } from './human-path.tsx';

function handledBy(item: CaseSummary): string {
  if (item.assignee) return `Handled by ${item.assignee.displayName} (agent ID ${item.assignee.agentCode})`;
  if (item.status === 'resolved' || item.status === 'closed') return 'Handled by our service team';
  return 'The next available representative will pick it up';
}

function CaseRow({ item }: { item: CaseSummary }) {
  const unread = item.unreadCount;
  return (
    <li className={unread ? 'inbox__item inbox__item--unread' : 'inbox__item'}>
      <div className="inbox__top">
        <Link to={`/messages/${encodeURIComponent(item.id)}`} className="inbox__subject break">
          {item.subject}
          {unread ? <span className="visually-hidden">, {unread} unread</span> : null}
        </Link>
        {unread ? (
          <span className="badge badge--unread" aria-hidden="true">
            {unread} new
          </span>
        ) : null}
      </div>
      <p className="inbox__meta">
        <span>Case {item.number}</span>
        <Badge tone={item.status === 'pending_customer' ? 'warning' : item.status === 'resolved' || item.status === 'closed' ? 'good' : 'pending'}>
          {item.statusLabel}
        </Badge>
      </p>
      <p className="muted small">{handledBy(item)}</p>
      {item.replyExpectedBy ? <p className="small">We will answer by {formatDateTime(item.replyExpectedBy)}</p> : null}
      <p className="muted small">Last update {formatDateTime(item.updatedAt)}</p>
      {item.mergedInto ? <p className="muted small">Continued in case {item.mergedInto}</p> : null}
    </li>
  );
}

/** The cardholder's Secure Message Center: every conversation (case), newest activity first. */
export function InboxPage() {
  const cases = useLiveResource<Page<CaseSummary>>('/api/v1/cases?limit=100');
  useCaseEvents(() => void cases.refresh());
  const items = cases.data?.items ?? [];
  const unread = items.reduce((n, c) => n + (c.unreadCount > 0 ? 1 : 0), 0);
  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <PageHeading title="Secure Message Center">Secure Message Center</PageHeading>
        <p className="lead">Write to us safely. Every message gets a case number and a named representative.</p>
        <p className="reassurance">{REASSURANCE}</p>
      </div>
      <p>
        <ButtonLink to="/messages/new" variant="primary">
          Write a new message
        </ButtonLink>
      </p>
      <section className="stack" aria-labelledby="conversations">
        <h2 id="conversations">Your conversations</h2>
        {cases.isLoading && !cases.data ? <Loading label="Loading your messages…" /> : null}
        {cases.error && !cases.data ? (
          <ErrorAlert error={cases.error} title="We couldn’t load your messages.">
            <button type="button" className="button button--secondary" onClick={() => void cases.refresh()}>
              Try again
            </button>
          </ErrorAlert>
        ) : null}
        {cases.data ? (
          <p role="status" className="muted">
            {items.length === 0
              ? 'You have no conversations yet.'
              : `${items.length} conversation${items.length === 1 ? '' : 's'}${unread ? `, ${unread} with new replies` : ''}.`}
          </p>
        ) : null}
        {items.length ? (
          <ul className="plain-list inbox" aria-label="Conversations">
            {items.map((item) => (
              <CaseRow key={item.id} item={item} />
            ))}
          </ul>
        ) : null}
      </section>
      <HumanPath />
    </div>
  );
}
