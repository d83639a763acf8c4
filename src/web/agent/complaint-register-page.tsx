import { query } from '../api-client.ts';
import { useDirectory } from '../components/directory.tsx';
import { formatDate } from '../components/format.ts';
import { PageHeading } from '../components/page.tsx';
import { Badge, ErrorAlert, Loading } from '../components/status.tsx';
import { useResource } from '../components/use-resource.ts';
import type { Complaint, ComplaintOptions } from '../cardholder/complaints/complaint-types.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { CHANNEL_WORDS, CLOCK_WORDS, COMPLAINT_STATUSES, rateText } from './complaint-labels.ts';
import { REGISTER_CSS } from './complaint-register-styles.ts';

type OnTime = { onTime: number; dueSoFar: number; rate: number | null };
type Register = { asOf: string; items: Complaint[]; onTime: { acknowledgment: OnTime; response: OnTime; final: OnTime } };
type Filters = { status: string; category: string; channel: string; productLine: string; overdue: boolean; dueBefore: string };

const CHANNELS = Object.keys(CHANNEL_WORDS);
const PRODUCT_LINE = /^[a-z][a-z0-9_]{1,39}$/;

function readFilters(search: URLSearchParams): Filters {
  const status = search.get('status') ?? 'open';
  const dueBefore = search.get('dueBefore') ?? '';
  return {
    status: COMPLAINT_STATUSES.some((s) => s.value === status) ? status : 'open',
    category: search.get('category') ?? '',
    channel: CHANNELS.includes(search.get('channel') ?? '') ? (search.get('channel') as string) : '',
    productLine: PRODUCT_LINE.test(search.get('productLine') ?? '') ? (search.get('productLine') as string) : '',
    overdue: search.get('overdue') === 'true',
    dueBefore: /^\d{4}-\d{2}-\d{2}$/.test(dueBefore) ? dueBefore : '',
  };
}

function apiQuery(f: Filters): string {
  return query({ status: COMPLAINT_STATUSES.find((s) => s.value === f.status)?.api, category: f.category || undefined, channel: f.channel || undefined, productLine: f.productLine || undefined, overdue: f.overdue ? 'true' : undefined, dueBefore: f.dueBefore || undefined });
}

function Select({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: Array<{ value: string; label: string }>; onChange: (v: string) => void }) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="field__input" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function FilterForm({ filters, options }: { filters: Filters; options: ComplaintOptions | undefined }) {
  const directory = useDirectory();
  const set = (change: Partial<Filters>) => {
    const n = { ...filters, ...change };
    navigate(`/staff/complaints${query({ status: n.status === 'open' ? undefined : n.status, category: n.category || undefined, channel: n.channel || undefined, productLine: n.productLine || undefined, overdue: n.overdue ? 'true' : undefined, dueBefore: n.dueBefore || undefined })}`, { replace: true });
  };
  return (
    <form className="register-filters" aria-label="Filter the register" onSubmit={(e) => e.preventDefault()}>
      <Select id="r-status" label="Status" value={filters.status} options={COMPLAINT_STATUSES.map((s) => ({ value: s.value, label: s.label }))} onChange={(status) => set({ status })} />
      <Select id="r-category" label="Category" value={filters.category} options={[{ value: '', label: 'Any category' }, ...(options?.categories ?? []).map((c) => ({ value: c.id, label: c.label }))]} onChange={(category) => set({ category })} />
      <Select id="r-channel" label="Channel" value={filters.channel} options={[{ value: '', label: 'Any channel' }, ...CHANNELS.map((c) => ({ value: c, label: CHANNEL_WORDS[c]! }))]} onChange={(channel) => set({ channel })} />
      <Select id="r-product" label="Product line" value={filters.productLine} options={[{ value: '', label: 'Any product line' }, ...(directory.data?.hotlines ?? []).map((h) => ({ value: h.productLine, label: h.name }))]} onChange={(productLine) => set({ productLine })} />
      <div className="field">
        <label className="field__label" htmlFor="r-due">Next deadline before</label>
        <input id="r-due" type="date" className="field__input" value={filters.dueBefore} onChange={(e) => set({ dueBefore: e.target.value })} />
      </div>
      <label className="choice">
        <input type="checkbox" checked={filters.overdue} onChange={(e) => set({ overdue: e.target.checked })} />
        <span>Only overdue</span>
      </label>
    </form>
  );
}

function clockCell(due: string | null, outcome: string) {
  if (!due) return <td>—</td>;
  const tone = outcome === 'overdue' || outcome === 'late' ? 'danger' : outcome === 'on_time' ? 'good' : 'neutral';
  return (
    <td>
      {formatDate(due)} <Badge tone={tone}>{CLOCK_WORDS[outcome] ?? outcome}</Badge>
    </td>
  );
}

/**
 * The complaint register (issue 4, items 4 and 8) for compliance and supervisors: filters in the URL, on-time
 * rates for the three clocks, the CSV export with the same filters, and each row opening the complaint with its
 * whole timeline (and from there its cases).
 */
export function ComplaintRegisterPage() {
  const { search } = useLocation();
  const filters = readFilters(search);
  const q = apiQuery(filters);
  const register = useResource<Register>(`/api/v1/complaints${q}`);
  const options = useResource<ComplaintOptions>('/api/v1/complaints/options');
  const categoryLabel = (id: string) => options.data?.categories.find((c) => c.id === id)?.label ?? id;
  const data = register.data;
  return (
    <div className="stack-lg">
      <style href="cardcare-register" precedence="default">
        {REGISTER_CSS}
      </style>
      <PageHeading title="Complaint register">Complaint register</PageHeading>
      <FilterForm filters={filters} options={options.data} />
      <p>
        <a href={`/api/v1/complaints.csv${q}`} download>
          Download these complaints as CSV
        </a>
      </p>
      {register.status === 'loading' ? <Loading label="Loading the register…" /> : null}
      {register.status === 'error' ? <ErrorAlert error={register.error} title="We couldn’t load the register." /> : null}
      {data ? (
        <>
          <section aria-labelledby="rates-heading" className="stack-sm">
            <h2 id="rates-heading">On time, as of {formatDate(data.asOf)}</h2>
            <ul className="rate-tiles">
              {(['acknowledgment', 'response', 'final'] as const).map((k) => (
                <li key={k} className="rate-tile">
                  <p className="rate-tile__label">{k === 'acknowledgment' ? 'Acknowledged on time' : k === 'response' ? 'Answered within 15 days' : 'Closed within 60 days'}</p>
                  <p className="rate-tile__value">{rateText(data.onTime[k])}</p>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="list-heading" className="stack-sm">
            <h2 id="list-heading">{data.items.length === 1 ? '1 complaint' : `${data.items.length} complaints`}</h2>
            {data.items.length === 0 ? (
              <p>No complaints match these filters.</p>
            ) : (
              <div className="data-table-wrap" role="region" aria-labelledby="list-heading" tabIndex={0}>
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">Complaint</th>
                      <th scope="col">Received</th>
                      <th scope="col">Category</th>
                      <th scope="col">Channel</th>
                      <th scope="col">Status</th>
                      <th scope="col">Acknowledge by</th>
                      <th scope="col">Respond by</th>
                      <th scope="col">Final by</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((c) => (
                      <tr key={c.id}>
                        <th scope="row">
                          <Link to={`/staff/complaints/${encodeURIComponent(c.id)}`} aria-label={`Open complaint ${c.id} with its whole timeline`}>
                            {c.id}
                          </Link>
                          {c.portalComplaintId ? <span className="muted small"> CFPB {c.portalComplaintId}</span> : null}
                        </th>
                        <td>{formatDate(c.receivedOn)}</td>
                        <td>{categoryLabel(c.category)}</td>
                        <td>{CHANNEL_WORDS[c.channel] ?? c.channel}</td>
                        <td>{c.statusLabel}</td>
                        {clockCell(c.dueDates.acknowledgment, c.clocks.acknowledgment)}
                        {clockCell(c.dueDates.response, c.clocks.response)}
                        {clockCell(c.dueDates.final, c.clocks.final)}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
