import { useEffect, useState } from 'react';
import type { Dispute, DisputeList } from '../api-types.ts';
import { formatDateTime, formatLongDate, formatMoney, humanize } from '../components/format.ts';
import { PageHeading } from '../components/page.tsx';
import { Badge, ErrorAlert, Loading, Notice } from '../components/status.tsx';
import { useResource } from '../components/use-resource.ts';
import { REGULATION_NAMES } from '../cardholder/disputes/dispute-labels.ts';
import { Link } from '../router.tsx';
import { DisputeActions } from './dispute-actions.tsx';

function Tracks({ d }: { d: Dispute }) {
  return (
    <section className="card stack-sm" aria-labelledby="dispute-tracks">
      <h2 id="dispute-tracks">Both tracks</h2>
      <dl className="details">
        <dt>Case</dt>
        <dd>
          <Link to={`/staff/cases/${encodeURIComponent(d.caseId)}`}>{d.caseNumber}</Link>
        </dd>
        <dt>Reason</dt>
        <dd>
          {d.reasonLabel}
          {d.reasonCode ? ` · ${d.network.profile ?? 'network'} code ${d.reasonCode}` : ' · no network code'}
        </dd>
        <dt>Amount</dt>
        <dd>{formatMoney(d.amountCents, d.currency)}</dd>
        <dt>Network track</dt>
        <dd>
          <Badge tone={d.status === 'open' ? 'pending' : 'neutral'}>{d.network.label}</Badge> <span className="muted small">({d.network.status})</span>
        </dd>
        <dt>Regulatory track</dt>
        <dd>
          {d.regulatory.label} · {REGULATION_NAMES[d.regulation]}
        </dd>
        <dt>Handling</dt>
        <dd>{d.handling === 'courtesy' ? <Badge tone="warning">Courtesy — outside the 60-day window</Badge> : 'Regulatory (protections apply)'}</dd>
        <dt>Notice received</dt>
        <dd>{formatLongDate(d.noticeReceivedOn)}</dd>
      </dl>
      <p className="muted small">{d.handlingExplanation}</p>
      {d.amountDueAdjustmentCents > 0 ? <p>Left out of the amount due while open: {formatMoney(d.amountDueAdjustmentCents, d.currency)} (12 CFR 1026.13(d)(1)).</p> : null}
    </section>
  );
}

function Deadlines({ d }: { d: Dispute }) {
  return (
    <section className="card stack-sm" aria-labelledby="dispute-deadlines">
      <h2 id="dispute-deadlines">Every deadline</h2>
      {d.warnings.map((w) => (
        <Notice key={w.name} tone="warning" title={`${humanize(w.status)}: ${w.name.replaceAll('_', ' ')} due ${formatLongDate(w.dueOn)} (${w.daysLeft} days left)`} />
      ))}
      <ul className="plain-list divided" aria-label="Deadlines">
        {d.clocks.map((c) => (
          <li key={c.name} className="stack-sm">
            <p>
              <strong>{c.label}</strong>: due {formatLongDate(c.dueOn)} {c.metOn ? <Badge tone="good">{`Met ${formatLongDate(c.metOn)}`}</Badge> : <Badge tone="pending">Open</Badge>}
            </p>
            <p className="muted small">{c.citation}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function MoneySteps({ d }: { d: Dispute }) {
  return (
    <section className="card stack-sm" aria-labelledby="dispute-money">
      <h2 id="dispute-money">Money steps</h2>
      {d.moneySteps.length === 0 ? <p>No money has moved on this dispute.</p> : null}
      <ul className="plain-list divided" aria-label="Money steps">
        {d.moneySteps.map((s) => (
          <li key={s.reference ?? `${s.kind}-${s.at}`}>
            <strong>{humanize(s.kind)}</strong> {formatMoney(s.amountCents, d.currency)} · {s.state} · {formatDateTime(s.at)}
            {s.reversedAt ? ` · reversed ${formatDateTime(s.reversedAt)}` : ''}
            {s.ledgerTransactionId ? <span className="muted small break"> · ledger {s.ledgerTransactionId}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Answers({ d }: { d: Dispute }) {
  const entries = Object.entries(d.answers ?? {});
  if (entries.length === 0) return null;
  return (
    <section className="card stack-sm" aria-labelledby="dispute-answers">
      <h2 id="dispute-answers">What the cardholder told us</h2>
      <dl className="details">
        {entries.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{humanize(k.replace(/([A-Z])/g, ' $1').toLowerCase())}</dt>
            <dd className="break">{typeof v === 'object' ? Object.entries(v as Record<string, unknown>).map(([a, b]) => `${a}: ${String(b)}`).join('; ') : String(v)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The agent's dispute view: both tracks, every deadline with its warnings, money steps and the actions. */
export function DisputeStaffPage({ id }: { id: string }) {
  const loaded = useResource<Dispute>(`/api/v1/disputes/${encodeURIComponent(id)}`);
  const [d, setD] = useState<Dispute | undefined>();
  useEffect(() => setD(loaded.data), [loaded.data]);
  const title = d ? `Dispute on case ${d.caseNumber}` : 'Dispute';
  return (
    <div className="stack-lg">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        {d ? <Link to={`/staff/cases/${encodeURIComponent(d.caseId)}`}>Back to case {d.caseNumber}</Link> : <Link to="/staff/queue">Queue</Link>}
      </nav>
      <PageHeading title={title}>{title}</PageHeading>
      {loaded.status === 'loading' ? <Loading label="Loading the dispute…" /> : null}
      {loaded.status === 'error' ? <ErrorAlert error={loaded.error} title={loaded.error.status === 404 ? 'We can’t find this dispute.' : 'We couldn’t load this dispute.'} /> : null}
      {d ? (
        <div className="case-layout">
          <div className="case-layout__side stack-lg">
            <Tracks d={d} />
            <DisputeActions dispute={d} onChanged={setD} />
          </div>
          <div className="case-layout__main stack-lg">
            <Deadlines d={d} />
            <MoneySteps d={d} />
            <Answers d={d} />
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** On the staff case page: the disputes filed on this case, each linked to its dispute view. */
export function CaseDisputes({ caseId }: { caseId: string }) {
  const list = useResource<DisputeList>(`/api/v1/disputes?caseId=${encodeURIComponent(caseId)}`);
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card stack-sm" aria-labelledby="case-disputes">
      <h2 id="case-disputes" className="h3">
        Disputes on this case
      </h2>
      <ul className="plain-list">
        {items.map((x) => (
          <li key={x.id}>
            <Link to={`/staff/disputes/${encodeURIComponent(x.id)}`}>
              {x.reasonLabel}: {formatMoney(x.amountCents, x.currency)} — {x.network.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
