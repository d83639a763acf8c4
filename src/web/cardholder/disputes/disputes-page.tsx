import type { DisputeList } from '../../api-types.ts';
import { formatLongDate, formatMoney } from '../../components/format.ts';
import { PageHeading } from '../../components/page.tsx';
import { Badge, ErrorAlert, Loading } from '../../components/status.tsx';
import { useResource } from '../../components/use-resource.ts';
import { Link } from '../../router.tsx';
import { HumanPath } from '../messages/human-path.tsx';
import { disputeStatusPath, disputeTone } from './dispute-labels.ts';

/** The cardholder's disputes, newest first, each with its case number and plain-language status. */
export function DisputesPage() {
  const list = useResource<DisputeList>('/api/v1/disputes');
  const items = list.data?.items ?? [];
  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <PageHeading title="Your disputes">Your disputes</PageHeading>
        <p className="lead">To dispute a charge, open the account and choose “Dispute this charge” next to it.</p>
      </div>
      {list.status === 'loading' ? <Loading label="Loading your disputes…" /> : null}
      {list.status === 'error' ? <ErrorAlert error={list.error} title="We couldn’t load your disputes." /> : null}
      {list.status === 'ok' && items.length === 0 ? <p>You have no disputes.</p> : null}
      {items.length ? (
        <ul className="plain-list stack" aria-label="Disputes">
          {items.map((d) => (
            <li key={d.id} className="card stack-sm">
              <p className="badges">
                <Badge tone={disputeTone(d)}>{d.status === 'open' ? 'Open' : 'Resolved'}</Badge>
                {d.handling === 'courtesy' ? <Badge tone="neutral">Courtesy</Badge> : null}
              </p>
              <h2 className="h3">
                <Link to={disputeStatusPath(d.id)}>
                  {d.reasonLabel}: {formatMoney(d.amountCents, d.currency)}
                </Link>
              </h2>
              <p className="muted">
                Case {d.caseNumber} · filed {formatLongDate(d.noticeReceivedOn)}
              </p>
              <p>{d.statusText}</p>
            </li>
          ))}
        </ul>
      ) : null}
      <HumanPath />
    </div>
  );
}
