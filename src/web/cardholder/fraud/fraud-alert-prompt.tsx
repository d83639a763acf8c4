import { api } from '../../api-client.ts';
import type { FraudAlert, FraudAlertList } from '../../api-types.ts';
import { useResource } from '../../components/use-resource.ts';
import { AlertDecision, type Decide } from './alert-decision.tsx';

/** Signed in: the portal answers for the cardholder (no token). */
export const decideSignedIn: Decide = (alertId, decision) => api<FraudAlert>(`/api/v1/fraud-alerts/${encodeURIComponent(alertId)}/${decision}`, { method: 'POST' });

/**
 * Open fraud alerts, shown prominently at the top of the cardholder's home and account pages (only the ones on
 * the given cards, when given). Nothing is shown when there are none or the list cannot load: the alert also
 * reached the cardholder by e-mail and SMS.
 */
export function FraudAlertPrompt({ cardIds, onDecided }: { cardIds?: string[] | undefined; onDecided?: () => void }) {
  const alerts = useResource<FraudAlertList>('/api/v1/fraud-alerts');
  const pending = (alerts.data?.items ?? []).filter((a) => a.status === 'pending' && (!cardIds || cardIds.includes(a.cardId)));
  if (pending.length === 0) return null;
  const decide: Decide = async (id, decision) => {
    const result = await decideSignedIn(id, decision);
    onDecided?.();
    return result;
  };
  return (
    <div className="stack" role="region" aria-label="Fraud alerts">
      {pending.map((alert) => (
        <AlertDecision key={alert.id} alert={alert} decide={decide} />
      ))}
    </div>
  );
}
