import type { Transaction } from '../../api-types.ts';
import { formatDate, formatMoney } from '../../components/format.ts';
import { Link } from '../../router.tsx';
import { canOfferDispute, disputePath } from './dispute-labels.ts';

/** "Dispute this charge" beside a charge; a pending one leads to the wizard, which explains why not yet. */
export function DisputeLink({ t }: { t: Transaction }) {
  if (!canOfferDispute(t)) return null;
  const name = t.merchantName || t.description;
  return (
    <Link to={disputePath(t)} className="txn__ask" aria-label={`Dispute this charge: ${name}, ${formatMoney(t.amountCents, t.currency)}, ${formatDate(t.postedAt ?? t.authorizedAt)}`}>
      Dispute this charge
    </Link>
  );
}
