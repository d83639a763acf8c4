import type { Dispute } from '../../api-types.ts';
import { ButtonLink } from '../../components/button.tsx';
import { formatLongDate, formatMoney, humanize } from '../../components/format.ts';
import { PageHeading } from '../../components/page.tsx';
import { Badge, ErrorAlert, Loading, Notice } from '../../components/status.tsx';
import { useResource } from '../../components/use-resource.ts';
import { Link, useLocation } from '../../router.tsx';
import { HumanPath } from '../messages/human-path.tsx';
import { disputeTone, expectedDates } from './dispute-labels.ts';

const MONEY_STEP_WORDS: Record<string, string> = {
  provisional_credit: 'Temporary credit',
  provisional_credit_reversal: 'Temporary credit taken back',
  final_credit: 'Credit made final',
};

/** Shown once, right after filing: the case number first, then the dates (DESIGN.md: concrete dates). */
function Filed({ d }: { d: Dispute }) {
  return (
    <div className="alert alert--success" role="status">
      <p className="alert__title">Your dispute was filed. Your case number is {d.caseNumber}.</p>
      <p>Keep this number: it is on every message we send you about this dispute.</p>
    </div>
  );
}

function Handling({ d }: { d: Dispute }) {
  if (d.handling === 'courtesy') {
    return (
      <Notice tone="warning" title="Handled as a courtesy">
        <p>{d.handlingExplanation}</p>
        <p>We will still look into it and answer you, but the federal deadlines and protections for billing errors do not apply to this dispute.</p>
      </Notice>
    );
  }
  return (
    <Notice tone="info" title="Your rights apply">
      <p>{d.handlingExplanation}</p>
    </Notice>
  );
}

function Summary({ d }: { d: Dispute }) {
  return (
    <section className="card stack-sm" aria-labelledby="dispute-summary">
      <h2 id="dispute-summary">Where it stands</h2>
      <p className="badges">
        <Badge tone={disputeTone(d)}>{d.status === 'open' ? 'Open' : 'Resolved'}</Badge>
      </p>
      <p className="lead">{d.statusText}</p>
      <dl className="details">
        <dt>Case number</dt>
        <dd>
          <strong>{d.caseNumber}</strong>
        </dd>
        <dt>Reason</dt>
        <dd>{d.reasonLabel}</dd>
        <dt>Disputed</dt>
        <dd>{formatMoney(d.amountCents, d.currency)}</dd>
        <dt>Received</dt>
        <dd>{formatLongDate(d.noticeReceivedOn)}</dd>
        <dt>With the merchant</dt>
        <dd>
          {d.network.label}: {d.network.text}
        </dd>
        <dt>Our review</dt>
        <dd>{d.regulatory.label}</dd>
      </dl>
    </section>
  );
}

function Dates({ d }: { d: Dispute }) {
  const dates = expectedDates(d);
  return (
    <section className="card stack-sm" aria-labelledby="dispute-dates">
      <h2 id="dispute-dates">Dates to expect</h2>
      {dates.length ? (
        <ul className="bullet-list">
          {dates.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p>This dispute is resolved; there is nothing more to wait for.</p>
      )}
      {d.amountDueAdjustmentCents > 0 ? (
        <p>
          While we investigate, {formatMoney(d.amountDueAdjustmentCents, d.currency)} is left out of the amount you have to pay, and no late fee or interest comes from it. The rest of your balance
          is still due as usual.
        </p>
      ) : null}
    </section>
  );
}

function NextSteps({ d }: { d: Dispute }) {
  return (
    <section className="card stack-sm" aria-labelledby="dispute-next">
      <h2 id="dispute-next">What happens next</h2>
      <ul className="bullet-list">
        {d.whatHappensNext.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {d.moneySteps.length ? (
        <>
          <h3>Money on this dispute</h3>
          <ul className="bullet-list" aria-label="Money on this dispute">
            {d.moneySteps.map((s) => (
              <li key={`${s.kind}-${s.at}`}>
                {MONEY_STEP_WORDS[s.kind] ?? humanize(s.kind)}: {formatMoney(s.amountCents, d.currency)} on {formatLongDate(s.at)}
                {s.reversedAt ? ` (taken back on ${formatLongDate(s.reversedAt)})` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="actions">
        <ButtonLink to={`/messages/${encodeURIComponent(d.caseId)}`} variant="primary">
          Messages and documents for case {d.caseNumber}
        </ButtonLink>
      </div>
    </section>
  );
}

/** One dispute for the cardholder: plain-language status of both tracks, every date, and the way to add more. */
export function DisputeStatusPage({ id }: { id: string }) {
  const { search } = useLocation();
  const dispute = useResource<Dispute>(`/api/v1/disputes/${encodeURIComponent(id)}`);
  const d = dispute.data;
  const title = d ? `Dispute: ${d.reasonLabel}` : 'Dispute';
  return (
    <div className="stack-lg">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/disputes">All disputes</Link>
      </nav>
      {d && search.get('filed') === '1' ? <Filed d={d} /> : null}
      <PageHeading title={title}>{title}</PageHeading>
      {dispute.status === 'loading' ? <Loading label="Loading the dispute…" /> : null}
      {dispute.status === 'error' ? <ErrorAlert error={dispute.error} title={dispute.error.status === 404 ? 'We can’t find this dispute.' : 'We couldn’t load this dispute.'} /> : null}
      {d ? (
        <>
          <Summary d={d} />
          <Dates d={d} />
          <Handling d={d} />
          <NextSteps d={d} />
        </>
      ) : null}
      <HumanPath />
    </div>
  );
}
