import { api, query } from '../api-client.ts';
import type { FraudAlert } from '../api-types.ts';
import { AlertDecision, type Decide } from '../cardholder/fraud/alert-decision.tsx';
import { HumanPath } from '../cardholder/messages/human-path.tsx';
import { PageHeading } from '../components/page.tsx';
import { ErrorAlert, Loading } from '../components/status.tsx';
import { useResource } from '../components/use-resource.ts';
import { Link } from '../router.tsx';

/**
 * The one-time link from the fraud-alert e-mail or SMS (`/alerts/:id?token=…`), public: no sign-in, the
 * token answers for the cardholder once and expires. A used or expired link (410) says so and offers sign-in
 * and the phone; nothing about the charge is shown without a valid token.
 */
export function FraudLinkPage({ id, token }: { id: string; token: string }) {
  const qs = query({ token });
  const alert = useResource<FraudAlert>(`/api/v1/fraud-alerts/${encodeURIComponent(id)}${qs}`);
  const decide: Decide = (alertId, decision) => api<FraudAlert>(`/api/v1/fraud-alerts/${encodeURIComponent(alertId)}/${decision}${qs}`, { method: 'POST', notifyUnauthorized: false });
  const signIn = `/sign-in?next=${encodeURIComponent(`/alerts/${id}`)}`;
  const isGone = alert.status === 'error' && alert.error.status === 410;
  return (
    <div className="stack-lg narrow">
      <div className="stack-sm">
        <PageHeading title="Was this you?">Was this you?</PageHeading>
        <p className="lead">We noticed a charge on your card that looks unusual. Tell us whether you made it.</p>
        <p className="reassurance">We will never ask for your card number, security code, PIN or a one-time code on this page.</p>
      </div>
      {alert.status === 'loading' ? <Loading label="Loading the alert…" /> : null}
      {alert.status === 'error' ? (
        <ErrorAlert error={alert.error} title={isGone ? 'This link can’t be used any more.' : alert.error.status === 404 ? 'This link is not valid.' : 'We couldn’t load the alert.'}>
          <p>
            <Link to={signIn}>Sign in to see your alerts</Link>, or call the number on the back of your card.
          </p>
        </ErrorAlert>
      ) : null}
      {alert.data ? <AlertDecision alert={alert.data} decide={decide} caseLink={false} /> : null}
      <HumanPath />
    </div>
  );
}
