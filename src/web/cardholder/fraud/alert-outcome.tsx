import type { FraudAlert } from '../../api-types.ts';
import { formatDateTime, formatExpiry, formatLongDate, formatMoney } from '../../components/format.ts';
import { Notice } from '../../components/status.tsx';
import { Link } from '../../router.tsx';

type Charge = { id: string; merchantName: string | null; amountCents: number; currency: string; authorizedAt: string };
type Recurring = { merchantName: string; typicalAmountCents?: number; lastChargedAt?: string; nextExpectedAround?: string };
/** The decision's record as decide-alert.ts writes it (the API declares it an open object). */
type Outcome = {
  kind?: string;
  nextStep?: string;
  sameMerchantQuietUntil?: string;
  case?: { id: string; number: string };
  blockedCard?: { id: string; last4: string };
  replacementCard?: { id: string; last4: string; expires: string } | null;
  unauthorizedCharges?: Charge[];
  recurringMerchants?: Recurring[];
  caseNumber?: string;
};

export const outcomeOf = (alert: FraudAlert): Outcome => (alert.outcome ?? {}) as Outcome;

/** The liability the profile promises, and the regulation's own cap beside it (REFERENCE.md). */
export function LiabilityText({ liability }: { liability: FraudAlert['liability'] }) {
  const promise = liability.issuerPromiseCents;
  const cap = liability.regulatoryCapCents;
  if (promise === null) return <p>{liability.explanation}</p>;
  return (
    <>
      <p>{promise === 0 ? 'You pay nothing for charges you did not make.' : `You pay at most ${formatMoney(promise)} for charges you did not make.`} That is our promise.</p>
      {cap !== null && cap > promise ? (
        <p className="muted small">
          Even without it, the law limits what you could owe to {formatMoney(cap)}{liability.citation ? ` (${liability.citation})` : ''}.
        </p>
      ) : null}
    </>
  );
}

function Denied({ alert, o, caseLink }: { alert: FraudAlert; o: Outcome; caseLink: boolean }) {
  const charges = o.unauthorizedCharges ?? [];
  const recurring = o.recurringMerchants ?? [];
  return (
    <div className="stack">
      <div className="alert alert--success" role="status">
        <p className="alert__title">{o.blockedCard ? `Your card ending ${o.blockedCard.last4} is blocked.` : 'Your card is blocked.'}</p>
        {o.replacementCard ? (
          <p>
            A replacement card ending <strong>{o.replacementCard.last4}</strong> has been ordered (expires {formatExpiry(o.replacementCard.expires)}).
          </p>
        ) : null}
        {o.case ? <p>We opened fraud case {caseLink ? <Link to={`/messages/${encodeURIComponent(o.case.id)}`}>{o.case.number}</Link> : <strong>{o.case.number}</strong>} for these charges.</p> : null}
        {o.caseNumber ? <p>These charges are on fraud case {o.caseNumber}.</p> : null}
      </div>
      {charges.length ? (
        <section className="stack-sm" aria-labelledby={`charges-${alert.id}`}>
          <h3 id={`charges-${alert.id}`}>Charges we are disputing for you as unauthorized</h3>
          <ul className="bullet-list">
            {charges.map((c) => (
              <li key={c.id}>
                {c.merchantName ?? 'Unknown merchant'}: {formatMoney(c.amountCents, c.currency)} on {formatDateTime(c.authorizedAt)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="stack-sm" aria-labelledby={`recurring-${alert.id}`}>
        <h3 id={`recurring-${alert.id}`}>Merchants to give your new card to</h3>
        {recurring.length ? (
          <ul className="bullet-list" aria-label="Recurring merchants to update">
            {recurring.map((r) => (
              <li key={r.merchantName}>
                {r.merchantName}
                {r.typicalAmountCents ? `, usually ${formatMoney(r.typicalAmountCents)}` : ''}
                {r.nextExpectedAround ? `, next charge expected around ${formatLongDate(r.nextExpectedAround)}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>We found no merchants that charge this card regularly.</p>
        )}
      </section>
      <section className="stack-sm" aria-labelledby={`liability-${alert.id}`}>
        <h3 id={`liability-${alert.id}`}>What you pay</h3>
        <LiabilityText liability={alert.liability} />
      </section>
      {o.nextStep ? <p>{o.nextStep}</p> : null}
    </div>
  );
}

/** What a decision did, for the cardholder (portal or one-time link). */
export function AlertOutcome({ alert, caseLink = true }: { alert: FraudAlert; caseLink?: boolean }) {
  const o = outcomeOf(alert);
  if (alert.status === 'denied') return <Denied alert={alert} o={o} caseLink={caseLink} />;
  if (alert.status === 'confirmed') {
    return (
      <div className="alert alert--success" role="status">
        <p className="alert__title">Thank you for confirming it was you.</p>
        <p>{o.nextStep ?? 'The charge stays on your account as usual.'}</p>
        {o.sameMerchantQuietUntil ? <p>We will not ask again about this merchant until {formatLongDate(o.sameMerchantQuietUntil)}.</p> : null}
      </div>
    );
  }
  if (alert.status === 'expired') return <Notice tone="info" title="This alert has expired.">Call us if you do not recognize the charge.</Notice>;
  return null;
}
