import { query } from '../api-client.ts';
import type { Page, StaffCaseSummary } from '../api-types.ts';
import { formatDateTime } from '../components/format.ts';
import { PageHeading } from '../components/page.tsx';
import { Badge, ErrorAlert, Loading } from '../components/status.tsx';
import { PRIORITIES, statusLabel, statusTone } from '../messages/case-labels.ts';
import { useCaseEvents, useLiveResource } from '../messages/live.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { PriorityBadge, SlaSummary } from './sla.tsx';

const WHO = [
  { value: 'me', label: 'My cases' },
  { value: 'none', label: 'Unassigned' },
  { value: 'all', label: 'All cases' },
];
const STATUSES = [
  { value: 'active', label: 'Open (not resolved)', api: 'new,open,pending_customer,pending_internal' },
  { value: 'new', label: 'New', api: 'new' },
  { value: 'open', label: 'Open', api: 'open' },
  { value: 'pending_customer', label: 'Waiting for cardholder', api: 'pending_customer' },
  { value: 'pending_internal', label: 'Waiting on another team', api: 'pending_internal' },
  { value: 'resolved', label: 'Resolved', api: 'resolved' },
  { value: 'closed', label: 'Closed', api: 'closed' },
  { value: 'any', label: 'Any status', api: undefined },
];

export type QueueFilters = { who: string; status: string; priority: string; breached: boolean };

export function readFilters(search: URLSearchParams): QueueFilters {
  const who = search.get('who') ?? 'all';
  const status = search.get('status') ?? 'active';
  const priority = search.get('priority') ?? '';
  return {
    who: WHO.some((w) => w.value === who) ? who : 'all',
    status: STATUSES.some((s) => s.value === status) ? status : 'active',
    priority: PRIORITIES.includes(priority as never) ? priority : '',
    breached: search.get('breached') === 'true',
  };
}

export function casesPath(f: QueueFilters): string {
  const status = STATUSES.find((s) => s.value === f.status)?.api;
  return `/api/v1/cases${query({ assignee: f.who === 'all' ? undefined : f.who, status, priority: f.priority || undefined, breached: f.breached ? 'true' : undefined, limit: 50 })}`;
}

function Filters({ filters }: { filters: QueueFilters }) {
  const set = (change: Partial<QueueFilters>) => {
    const next = { ...filters, ...change };
    const q = query({ who: next.who === 'all' ? undefined : next.who, status: next.status === 'active' ? undefined : next.status, priority: next.priority || undefined, breached: next.breached ? 'true' : undefined });
    navigate(`/staff/queue${q}`, { replace: true });
  };
  return (
    <form className="queue-filters" aria-label="Filter the queue" onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label className="field__label" htmlFor="q-who">Show</label>
        <select id="q-who" className="field__input" value={filters.who} onChange={(e) => set({ who: e.target.value })}>
          {WHO.map((w) => <option key={w.value} value={w.value}>{w.label}</option>)}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="q-status">Status</label>
        <select id="q-status" className="field__input" value={filters.status} onChange={(e) => set({ status: e.target.value })}>
          {STATUSES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="q-priority">Priority</label>
        <select id="q-priority" className="field__input" value={filters.priority} onChange={(e) => set({ priority: e.target.value })}>
          <option value="">Any priority</option>
          {PRIORITIES.map((p) => <option key={p} value={p}>{p.charAt(0).toUpperCase() + p.slice(1)}</option>)}
        </select>
      </div>
      <label className="choice queue-filters__check">
        <input type="checkbox" checked={filters.breached} onChange={(e) => set({ breached: e.target.checked })} />
        <span>Only breached</span>
      </label>
    </form>
  );
}

function QueueRow({ item }: { item: StaffCaseSummary }) {
  return (
    <li className="queue__item">
      <div className="queue__main">
        <Link to={`/staff/cases/${encodeURIComponent(item.id)}`} className="queue__subject break">
          <span className="queue__number">{item.number}</span> {item.subject}
        </Link>
        <p className="muted small">
          {item.customerName} · {item.queue} · updated {formatDateTime(item.updatedAt)}
          {item.unreadCount ? ` · ${item.unreadCount} unread` : ''}
        </p>
        <p className="muted small">{item.assignee ? `Assigned to ${item.assignee.displayName} (${item.assignee.agentCode})` : 'Unassigned'}</p>
      </div>
      <div className="queue__side">
        <p className="badges">
          <PriorityBadge priority={item.priority} />
          <Badge tone={statusTone(item.status)}>{statusLabel(item.status)}</Badge>
        </p>
        <p className="small">
          <SlaSummary sla={item.sla} />
        </p>
      </div>
    </li>
  );
}

function matchText(n: number, hasMore: boolean): string {
  if (n === 0) return 'No cases match these filters.';
  if (hasMore) return `Showing the ${n} most recently updated matching cases. Narrow the filters to see others.`;
  return n === 1 ? '1 case matches these filters.' : `${n} cases match these filters.`;
}

/** The agent's work list: filters in the URL (shareable, back button works), live updates. */
export function QueuePage() {
  const { search } = useLocation();
  const filters = readFilters(search);
  const cases = useLiveResource<Page<StaffCaseSummary>>(casesPath(filters));
  const mode = useCaseEvents(() => void cases.refresh());
  const items = cases.data?.items ?? [];
  return (
    <div className="stack-lg">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/staff">Staff console</Link>
      </nav>
      <PageHeading title="Queue">Queue</PageHeading>
      <Filters filters={filters} />
      <section className="stack" aria-labelledby="queue-heading">
        <h2 id="queue-heading">Cases</h2>
        <p role="status" className="muted">
          {cases.data ? matchText(items.length, Boolean(cases.data.nextCursor)) : ''}
          {mode === 'polling' ? ' Updated every 30 seconds.' : ''}
        </p>
        {cases.isLoading && !cases.data ? <Loading label="Loading the queue…" /> : null}
        {cases.error ? <ErrorAlert error={cases.error} title="We couldn’t load the queue." /> : null}
        {items.length ? (
          <ul className="plain-list queue" aria-label="Cases">
            {items.map((item) => <QueueRow key={item.id} item={item} />)}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
