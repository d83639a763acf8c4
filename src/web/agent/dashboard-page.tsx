import { query } from '../api-client.ts';
import { formatDate, formatDateTime } from '../components/format.ts';
import { PageHeading } from '../components/page.tsx';
import { Badge, ErrorAlert, Loading } from '../components/status.tsx';
import { useResource } from '../components/use-resource.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { CHANNEL_WORDS, percent } from './complaint-labels.ts';
import { RateChart, VolumeChart } from './dashboard-charts.tsx';
import { bucketLabel, summarize } from './dashboard-summary.ts';
import type { Dashboard, DashboardCase } from './dashboard-types.ts';
import { REGISTER_CSS } from './complaint-register-styles.ts';
import { DASHBOARD_CSS } from './dashboard-styles.ts';

const RANGES = [
  { days: 14, label: 'Last 14 days' },
  { days: 28, label: 'Last 28 days' },
  { days: 91, label: 'Last 13 weeks' },
];
const CLOCK_NAMES = { acknowledgment: 'Acknowledge', response: 'Respond', final: 'Final answer' } as const;

function CaseTable({ id, title, empty, items }: { id: string; title: string; empty: string; items: DashboardCase[] }) {
  return (
    <section aria-labelledby={id} className="stack-sm">
      <h2 id={id}>
        {title} ({items.length})
      </h2>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="data-table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Cardholder</th>
                <th scope="col">Held by</th>
                <th scope="col">Next due</th>
                <th scope="col">SLA</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/staff/cases/${encodeURIComponent(c.id)}`}>{c.number}</Link> <span className="break">{c.subject}</span>
                  </th>
                  <td>{c.customerName}</td>
                  <td>{c.assignee ? `${c.assignee.displayName} (${c.assignee.agentCode})` : `Unassigned · ${c.queue}`}</td>
                  <td>{c.nextDueAt ? formatDateTime(c.nextDueAt) : '—'}</td>
                  <td>{c.breached ? <Badge tone="danger">Breached</Badge> : c.atRisk ? <Badge tone="warning">At risk</Badge> : <Badge tone="good">On track</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ComplaintsDue({ data }: { data: Dashboard['complaints'] }) {
  return (
    <section aria-labelledby="dash-complaints" className="stack-sm">
      <h2 id="dash-complaints">Complaints by due date ({data.open} open)</h2>
      {data.items.length === 0 ? (
        <p>No open complaints.</p>
      ) : (
        <div className="data-table-wrap" role="region" aria-labelledby="dash-complaints" tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Due</th>
                <th scope="col">Next step</th>
                <th scope="col">Complaint</th>
                <th scope="col">Channel</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    {formatDate(c.nextDueOn)} {c.overdue ? <Badge tone="danger">Overdue</Badge> : null}
                  </td>
                  <td>{CLOCK_NAMES[c.nextClock]}</td>
                  <th scope="row">
                    <Link to={`/staff/cases/${encodeURIComponent(c.caseId)}`}>{c.id}</Link>
                  </th>
                  <td>{CHANNEL_WORDS[c.channel] ?? c.channel}</td>
                  <td>{c.statusLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to="/staff/complaints">Open the complaint register</Link>
      </p>
    </section>
  );
}

function SeriesTable({ data }: { data: Dashboard }) {
  return (
    <details>
      <summary>Show the chart data as a table</summary>
      <div className="data-table-wrap" role="region" aria-label="Chart data" tabIndex={0}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{data.range.unit === 'week' ? 'Week' : 'Day'}</th>
              <th scope="col" className="num">Cases opened</th>
              <th scope="col" className="num">Within SLA</th>
              <th scope="col" className="num">Complaints answered on time</th>
            </tr>
          </thead>
          <tbody>
            {data.series.map((p) => (
              <tr key={p.start}>
                <th scope="row">{bucketLabel(p.start, data.range.unit)}</th>
                <td className="num">{p.casesOpened}</td>
                <td className="num">{p.casesOpened ? `${p.casesWithinSla} (${percent(p.slaAttainment)})` : '—'}</td>
                <td className="num">{p.complaintsDue ? `${p.complaintsOnTime} of ${p.complaintsDue} (${percent(p.complaintOnTime)})` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/**
 * The supervisor dashboard (issue 4, items 7 and 8): the four numbers that need action first, then the charts
 * (each with a title, axis labels and a sentence saying what it shows), then the lists behind the numbers.
 */
export function DashboardPage() {
  const { search } = useLocation();
  const days = RANGES.find((r) => String(r.days) === search.get('days'))?.days ?? 28;
  const dashboard = useResource<Dashboard>(`/api/v1/staff/dashboard${query({ days })}`);
  const data = dashboard.data;
  const text = data ? summarize(data.series, data.range.unit) : null;
  const figures = data
    ? [
        { label: 'Escalated to a supervisor', value: data.escalated.length, alert: false },
        { label: 'SLA breached', value: data.breached.length, alert: data.breached.length > 0 },
        { label: 'At risk of breaching', value: data.atRisk.length, alert: false },
        { label: 'Complaints overdue', value: data.complaints.overdue, alert: data.complaints.overdue > 0 },
      ]
    : [];
  return (
    <div className="stack-lg">
      <style href="cardcare-register" precedence="default">
        {REGISTER_CSS}
      </style>
      <style href="cardcare-dashboard" precedence="default">
        {DASHBOARD_CSS}
      </style>
      <PageHeading title="Supervisor dashboard">Supervisor dashboard</PageHeading>
      <form className="register-filters" aria-label="Period" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label className="field__label" htmlFor="dash-range">
            Period
          </label>
          <select id="dash-range" className="field__input" value={days} onChange={(e) => navigate(`/staff/dashboard${query({ days: e.target.value === '28' ? undefined : e.target.value })}`, { replace: true })}>
            {RANGES.map((r) => (
              <option key={r.days} value={r.days}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
      </form>
      {dashboard.status === 'loading' ? <Loading label="Loading the dashboard…" /> : null}
      {dashboard.status === 'error' ? <ErrorAlert error={dashboard.error} title="We couldn’t load the dashboard." /> : null}
      {data && text ? (
        <>
          <section aria-labelledby="dash-now" className="stack-sm">
            <h2 id="dash-now">Right now ({formatDateTime(data.generatedAt)})</h2>
            <ul className="dash-figures">
              {figures.map((f) => (
                <li key={f.label} className={['dash-figure', f.alert ? 'dash-figure--alert' : ''].filter(Boolean).join(' ')}>
                  <p className="dash-figure__value">{f.value}</p>
                  <p className="dash-figure__label">{f.label}</p>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="dash-trends" className="stack-sm">
            <h2 id="dash-trends">
              Trends, {formatDate(data.range.from)} to {formatDate(data.range.to)}
            </h2>
            <div className="charts">
              <VolumeChart series={data.series} unit={data.range.unit} summary={text.volume} />
              <RateChart id="chart-sla" title="Cases within SLA" dataKey="sla" series={data.series} unit={data.range.unit} summary={text.sla} />
              <RateChart id="chart-complaints" title="Complaints answered on time" dataKey="complaints" series={data.series} unit={data.range.unit} summary={text.complaints} />
            </div>
            <SeriesTable data={data} />
          </section>
          <CaseTable id="dash-escalated" title="Escalated cases" empty="No case is waiting for a supervisor." items={data.escalated} />
          <CaseTable id="dash-breached" title="SLA breaches" empty="No open case has missed a service level." items={data.breached} />
          <CaseTable id="dash-risk" title="At risk" empty="No case is close to missing a service level." items={data.atRisk} />
          <ComplaintsDue data={data.complaints} />
        </>
      ) : null}
    </div>
  );
}
