import type { Rewards } from '../../api-types.ts';
import { ButtonLink } from '../../components/button.tsx';
import { useResource } from '../../components/use-resource.ts';
import { pointsText } from './reward-labels.ts';

/** On the account page: the points balance and the way to the rewards page, for accounts that earn points. */
export function RewardsLink({ accountId }: { accountId: string }) {
  const rewards = useResource<Rewards>(`/api/v1/accounts/${encodeURIComponent(accountId)}/rewards?limit=1`);
  if (!rewards.data?.program) return null;
  return (
    <section className="card stack-sm" aria-labelledby="rewards-summary">
      <h2 id="rewards-summary">Rewards</h2>
      <p>{`${pointsText(rewards.data.balance)} (${rewards.data.program.name})`}</p>
      <p>
        <ButtonLink to={`/accounts/${encodeURIComponent(accountId)}/rewards`}>Points and why they posted</ButtonLink>
      </p>
    </section>
  );
}
