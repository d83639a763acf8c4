import type { Dispute, DisputeList } from '../api-types.ts';
import { formatLongDate, formatMoney } from '../components/format.ts';
import { PageHeading } from '../components/page.tsx';
import { Badge, ErrorAlert, Loading } from '../components/status.tsx';
import { useResource } from '../components/use-resource.ts';
import { Link } from '../router.tsx';

/** The next clock still open on a dispute: the one that falls due first. */
export function nextOpenClock(d: Pick<Dispute, 'clocks'>): Dispute['clocks'][number] | null {
  return d.clocks.filter((c) => !c.metOn).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0] ?? null;
}

/** Open disputes for staff, the nearest regulatory deadline first, with the clocks that are already warning. */
export function DisputesQueuePage() {
  const list = useResource<DisputeList>('/api/v1/disputes?status=open&limit=100');
  const items = [...(list.data?.items ?? [])].sort((a, b) => (nextOpenClock(a)?.dueOn ?? '9999').localeCompare(nextOpenClock(b)?.dueOn ?? '9999'));
  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <PageHeading title="Open disputes">Open disputes</PageHeading>
        <p className="lead">Nearest deadline first. Regulatory clocks cannot be paused; a warning starts five days before one falls due.</p>
      </div>
      {list.status === 'loading' ? <Loading label="Loading disputes…" /> : null}
      {list.status === 'error' ? <ErrorAlert error={list.error} title="We couldn’t load the disputes." /> : null}
      {list.status === 'ok' && items.length === 0 ? <p>No open disputes.</p> : null}
      {items.length ? (
        <ul className="plain-list stack" aria-label="Open disputes">
          {items.map((d) => {
            const next = nextOpenClock(d);
            return (
              <li key={d.id} className="card stack-sm">
                <p className="badges">
                  {d.warnings.map((w) => (
                    <Badge key={w.name} tone={w.daysLeft < 0 ? 'danger' : 'warning'}>
                      {w.daysLeft < 0 ? `Overdue: ${w.name.replaceAll('_', ' ')}` : `${w.daysLeft} days left: ${w.name.replaceAll('_', ' ')}`}
                    </Badge>
                  ))}
                  {d.handling === 'courtesy' ? <Badge tone="neutral">Courtesy</Badge> : null}
                </p>
                <h2 className="h3">
                  <Link to={`/staff/disputes/${encodeURIComponent(d.id)}`}>
                    Case {d.caseNumber}: {d.reasonLabel}, {formatMoney(d.amountCents, d.currency)}
                  </Link>
                </h2>
                <p className="muted">
                  {d.network.label}
                  {next ? ` · next: ${next.label} by ${formatLongDate(next.dueOn)} (${next.citation})` : ''}
                </p>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
