import type { FraudAlert, FraudAlertList } from '../../api-types.ts';
import { PageHeading } from '../../components/page.tsx';
import { ErrorAlert, Loading } from '../../components/status.tsx';
import { useResource } from '../../components/use-resource.ts';
import { Link } from '../../router.tsx';
import { HumanPath } from '../messages/human-path.tsx';
import { AlertDecision } from './alert-decision.tsx';
import { decideSignedIn } from './fraud-alert-prompt.tsx';

/** `/alerts`: every fraud alert, open ones first; `/alerts/:id`: one (the e-mail's sign-in link lands here). */
export function FraudAlertsPage({ id }: { id?: string | undefined }) {
  const one = useResource<FraudAlert>(id ? `/api/v1/fraud-alerts/${encodeURIComponent(id)}` : null);
  const all = useResource<FraudAlertList>(id ? null : '/api/v1/fraud-alerts');
  const items = id ? (one.data ? [one.data] : []) : [...(all.data?.items ?? [])].sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'));
  const state = id ? one : all;
  return (
    <div className="stack-lg">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={id ? '/alerts' : '/'}>{id ? 'All fraud alerts' : 'Your accounts'}</Link>
      </nav>
      <PageHeading title={id ? 'Fraud alert' : 'Fraud alerts'}>{id ? 'Fraud alert' : 'Fraud alerts'}</PageHeading>
      {state.status === 'loading' && (id || !all.data) ? <Loading label="Loading…" /> : null}
      {state.status === 'error' ? <ErrorAlert error={state.error} title={state.error.status === 404 ? 'We can’t find this alert.' : 'We couldn’t load your alerts.'} /> : null}
      {state.status === 'ok' && items.length === 0 ? <p>You have no fraud alerts.</p> : null}
      {items.map((alert) => (
        <AlertDecision key={alert.id} alert={alert} decide={decideSignedIn} />
      ))}
      <HumanPath />
    </div>
  );
}
