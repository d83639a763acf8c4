import { useState } from 'react';
import type { TimelineEntry } from '../api-types.ts';
import { formatDate, formatDateTime } from '../components/format.ts';
import { PageHeading } from '../components/page.tsx';
import { Badge, ErrorAlert, Loading, Notice } from '../components/status.tsx';
import { useResource } from '../components/use-resource.ts';
import type { Complaint, ComplaintOptions } from '../cardholder/complaints/complaint-types.ts';
import { describeEvent, representative } from '../messages/case-labels.ts';
import { Link } from '../router.tsx';
import { ComplaintActions } from './complaint-actions.tsx';
import { CHANNEL_WORDS, CLOCK_WORDS } from './complaint-labels.ts';

type Detail = Complaint & {
  cases: Array<{ caseId: string; number: string; subject: string; status: string; statusLabel: string; escalation: string | null }>;
  timeline: Array<TimelineEntry & { caseId: string }>;
};

const COMPLAINT_EVENTS: Record<string, string> = {
  complaint_filed: 'Complaint filed',
  complaint_acknowledged: 'Complaint acknowledged',
  complaint_responded: 'Written response sent',
  complaint_closed: 'Complaint closed',
  notice_issued: 'Letter sent',
  regulator_complaint_recorded: 'CFPB complaint recorded',
  regulator_complaint_linked: 'Linked to a CFPB complaint',
  regulator_response_sent: 'Response sent through the CFPB portal',
  escalated: 'Escalated to a supervisor',
  rights_invoked: 'Rights words recognised',
};

function Clock({ label, due, outcome }: { label: string; due: string | null; outcome: string }) {
  const tone = outcome === 'overdue' || outcome === 'late' ? 'danger' : outcome === 'on_time' ? 'good' : 'neutral';
  return (
    <>
      <dt>{label}</dt>
      <dd>{due ? <>{formatDate(due)} <Badge tone={tone}>{CLOCK_WORDS[outcome] ?? outcome}</Badge></> : 'No such clock'}</dd>
    </>
  );
}

/**
 * One complaint for staff (issue 4, item 4): its clocks, the cases it spans, its whole timeline (every linked
 * case's entries merged in time order) and its next steps.
 */
export function StaffComplaintPage({ id }: { id: string }) {
  const [version, setVersion] = useState(0);
  const [flash, setFlash] = useState<string | null>(null);
  const detail = useResource<Detail>(`/api/v1/complaints/${encodeURIComponent(id)}?v=${version}`);
  const options = useResource<ComplaintOptions>('/api/v1/complaints/options');
  const data = detail.data;
  const numberOf = (caseId: string) => data?.cases.find((c) => c.caseId === caseId)?.number ?? caseId;
  return (
    <div className="stack-lg">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/staff/complaints">Complaint register</Link>
      </nav>
      <PageHeading title={`Complaint ${id}`}>Complaint {id}</PageHeading>
      <div role="status" className="live-region">
        {flash ? <Notice tone="success" title={flash} /> : null}
      </div>
      {detail.status === 'loading' && !data ? <Loading label="Loading the complaint…" /> : null}
      {detail.status === 'error' ? <ErrorAlert error={detail.error} title={detail.error.status === 404 ? 'We can’t find this complaint.' : 'We couldn’t load this complaint.'} /> : null}
      {data ? (
        <>
          <section className="card stack-sm" aria-labelledby="complaint-facts">
            <h2 id="complaint-facts">{data.statusLabel}</h2>
            <dl className="details">
              <dt>Category</dt>
              <dd>{options.data?.categories.find((c) => c.id === data.category)?.label ?? data.category}</dd>
              <dt>Received</dt>
              <dd>
                {formatDate(data.receivedOn)} ({CHANNEL_WORDS[data.channel] ?? data.channel}
                {data.portalComplaintId ? `, CFPB ${data.portalComplaintId}` : ''})
              </dd>
              {data.desiredOutcome ? (
                <>
                  <dt>Wants</dt>
                  <dd>{data.desiredOutcome}</dd>
                </>
              ) : null}
              <Clock label="Acknowledge by" due={data.dueDates.acknowledgment} outcome={data.clocks.acknowledgment} />
              <Clock label="Respond by" due={data.dueDates.response} outcome={data.clocks.response} />
              <Clock label="Final answer by" due={data.dueDates.final} outcome={data.clocks.final} />
              {data.rootCause ? (
                <>
                  <dt>Root cause</dt>
                  <dd>{options.data?.rootCauses.find((r) => r.id === data.rootCause)?.label ?? data.rootCause}</dd>
                </>
              ) : null}
            </dl>
          </section>
          <section className="stack-sm" aria-labelledby="complaint-cases">
            <h2 id="complaint-cases">Cases</h2>
            <ul className="link-list">
              {data.cases.map((c) => (
                <li key={c.caseId}>
                  <Link to={`/staff/cases/${encodeURIComponent(c.caseId)}`}>
                    {c.number}: {c.subject}
                  </Link>{' '}
                  <span className="muted small">({c.statusLabel})</span>
                </li>
              ))}
            </ul>
          </section>
          <ComplaintActions
            complaint={data}
            options={options.data}
            onChanged={(message) => {
              setFlash(message);
              setVersion((v) => v + 1);
            }}
          />
          <section className="stack-sm" aria-labelledby="complaint-timeline">
            <h2 id="complaint-timeline">Whole timeline</h2>
            <ol className="plain-list stack-sm" aria-label="Complaint timeline">
              {data.timeline.map((e) => (
                <li key={`${e.caseId}-${e.id}`} className="event">
                  <p>
                    <strong>{COMPLAINT_EVENTS[e.kind] ?? describeEvent(e, 'staff')}</strong>
                    {e.actor && e.actor.role !== 'system' ? ` by ${representative(e.actor)}` : ''} · case {numberOf(e.caseId)} · <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                  </p>
                </li>
              ))}
            </ol>
          </section>
        </>
      ) : null}
    </div>
  );
}
