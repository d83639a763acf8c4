import { useEffect, useRef } from 'react';
import { api } from '../api-client.ts';
import type { StaffCaseDetail } from '../api-types.ts';
import { formatDateTime, humanize } from '../components/format.ts';
import { PageHeading } from '../components/page.tsx';
import { Badge, ErrorAlert, Loading, Notice } from '../components/status.tsx';
import { statusLabel, statusTone } from '../messages/case-labels.ts';
import { useCaseEvents, useLiveResource } from '../messages/live.ts';
import { Link } from '../router.tsx';
import { CaseActions } from './case-actions.tsx';
import { CaseTimeline } from './case-timeline.tsx';
import { CaseDisputes } from './dispute-page.tsx';
import { PriorityBadge, SlaDetails } from './sla.tsx';
import { StaffComposer } from './staff-composer.tsx';

function CaseHeader({ detail }: { detail: StaffCaseDetail }) {
  return (
    <section className="card stack-sm" aria-label="Case details">
      <p className="badges">
        <PriorityBadge priority={detail.priority} />
        <Badge tone={statusTone(detail.status)}>{statusLabel(detail.status)}</Badge>
        {detail.escalation === 'supervisor' ? <Badge tone="danger">Supervisor requested</Badge> : null}
      </p>
      <dl className="details">
        <dt>Case number</dt>
        <dd><strong>{detail.number}</strong></dd>
        <dt>Customer</dt>
        <dd>
          <Link to={`/staff/customers/${encodeURIComponent(detail.customerId)}`}>{detail.customerName}</Link>
        </dd>
        {detail.accountId ? (
          <>
            <dt>Account</dt>
            <dd>
              <Link to={`/staff/accounts/${encodeURIComponent(detail.accountId)}`} className="break">{detail.accountId}</Link>
              {detail.transactionId ? <span className="muted small break"> · transaction {detail.transactionId}</span> : null}
            </dd>
          </>
        ) : null}
        <dt>Assignee</dt>
        <dd>{detail.assignee ? `${detail.assignee.displayName} (${detail.assignee.agentCode})` : 'Unassigned'}</dd>
        <dt>Queue</dt>
        <dd>{`${detail.queue} · ${humanize(detail.type)} · ${humanize(detail.channel)}`}</dd>
        <dt>Opened</dt>
        <dd>{formatDateTime(detail.createdAt)}</dd>
      </dl>
      <h2 className="h3">Service levels</h2>
      <SlaDetails sla={detail.sla} />
      {detail.mergedInto ? <Notice title={`Merged into case ${detail.mergedInto}.`} /> : null}
    </section>
  );
}

/** One case for staff: header, actions, the whole timeline (internal notes included) and the composer. */
export function StaffCasePage({ id }: { id: string }) {
  const path = `/api/v1/cases/${encodeURIComponent(id)}`;
  const detail = useLiveResource<StaffCaseDetail>(path);
  useCaseEvents((event) => {
    if (event.caseId === null || event.caseId === id) void detail.refresh();
  });
  const data = detail.data;
  const marked = useRef('');
  const lastMessage = data?.messages.at(-1)?.id ?? '';
  useEffect(() => {
    if (!data || marked.current === lastMessage) return;
    marked.current = lastMessage;
    api<void>(`${path}/read`, { method: 'POST' }).catch(() => {});
  }, [data, lastMessage, path]);

  const title = data ? `${data.number}: ${data.subject}` : 'Case';
  return (
    <div className="stack-lg">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/staff/queue">Queue</Link>
      </nav>
      <PageHeading title={title}>{data ? <><span className="case-number">{data.number}</span> {data.subject}</> : 'Case'}</PageHeading>
      {detail.isLoading && !data ? <Loading label="Loading the case…" /> : null}
      {detail.error && !data ? <ErrorAlert error={detail.error} title={detail.error.status === 404 ? 'We can’t find this case.' : 'We couldn’t load this case.'} /> : null}
      {data ? (
        <div className="case-layout">
          <div className="case-layout__side stack-lg">
            <CaseHeader detail={data} />
            <CaseActions detail={data} onChanged={() => void detail.refresh()} />
            <CaseDisputes caseId={data.id} />
          </div>
          <div className="case-layout__main stack-lg">
            <CaseTimeline detail={data} />
            <StaffComposer caseId={id} canReply={data.status !== 'closed'} onSent={() => void detail.refresh()} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
