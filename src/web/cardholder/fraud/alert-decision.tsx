import { useRef, useState } from 'react';
import type { ApiError } from '../../api-client.ts';
import type { FraudAlert } from '../../api-types.ts';
import { Button } from '../../components/button.tsx';
import { formatDateTime, formatMoney } from '../../components/format.ts';
import { ErrorAlert } from '../../components/status.tsx';
import { asApiError } from '../../components/use-resource.ts';
import { AlertOutcome } from './alert-outcome.tsx';

export type Decide = (alertId: string, decision: 'confirm' | 'deny') => Promise<FraudAlert>;

const COUNTRY = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en-US'], { type: 'region' }) : null;
const countryName = (code: string | null) => (code ? (COUNTRY?.of(code) ?? code) : null);

function ChargeFacts({ alert }: { alert: FraudAlert }) {
  const c = alert.charge;
  if (!c) return <p>A charge on your card that we could not show here.</p>;
  const where = [countryName(c.merchantCountry), c.cardPresent === false ? 'online or by phone' : c.cardPresent ? 'in person' : null].filter(Boolean).join(', ');
  return (
    <dl className="details">
      <dt>Merchant</dt>
      <dd>
        <strong>{c.merchantName ?? 'Unknown merchant'}</strong>
      </dd>
      <dt>Amount</dt>
      <dd>{formatMoney(c.amountCents, c.currency)}</dd>
      <dt>When</dt>
      <dd>{formatDateTime(c.authorizedAt)}</dd>
      {where ? (
        <>
          <dt>Where</dt>
          <dd>{where}</dd>
        </>
      ) : null}
      {c.cardLast4 ? (
        <>
          <dt>Card</dt>
          <dd>ending {c.cardLast4}</dd>
        </>
      ) : null}
    </dl>
  );
}

/**
 * One fraud alert with "It was me" / "It wasn't me". The decision is sent once (the buttons stay put but do
 * nothing while sending); its outcome replaces the question, and focus moves to it.
 */
export function AlertDecision({ alert: initial, decide, caseLink = true, headingLevel = 2 }: { alert: FraudAlert; decide: Decide; caseLink?: boolean; headingLevel?: 2 | 3 }) {
  const [alert, setAlert] = useState(initial);
  const [busy, setBusy] = useState<'confirm' | 'deny' | null>(null);
  const [error, setError] = useState<ApiError | undefined>();
  const outcomeRef = useRef<HTMLDivElement>(null);
  const headingId = `alert-${alert.id}`;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const answer = async (decision: 'confirm' | 'deny') => {
    if (busy) return;
    setBusy(decision);
    setError(undefined);
    try {
      setAlert(await decide(alert.id, decision));
      requestAnimationFrame(() => outcomeRef.current?.focus());
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(null);
    }
  };
  const isPending = alert.status === 'pending';
  return (
    <section className={`card stack ${isPending ? 'card--warning' : 'card--accent'}`} aria-labelledby={headingId}>
      <Heading id={headingId}>{isPending ? 'Did you make this purchase?' : 'Fraud alert answered'}</Heading>
      <ChargeFacts alert={alert} />
      {isPending && alert.reasons.length ? (
        <div className="stack-sm">
          <p>Why we are asking:</p>
          <ul className="bullet-list">
            {alert.reasons.map((r) => (
              <li key={r.rule}>{r.reason}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {isPending ? (
        <div className="actions">
          <Button onClick={() => answer('confirm')} aria-disabled={busy !== null || undefined}>
            {busy === 'confirm' ? 'Sending…' : 'It was me'}
          </Button>
          <Button variant="secondary" onClick={() => answer('deny')} aria-disabled={busy !== null || undefined}>
            {busy === 'deny' ? 'Blocking your card…' : 'It wasn’t me'}
          </Button>
        </div>
      ) : null}
      {isPending ? <p className="muted small">“It wasn’t me” blocks this card at once and orders a replacement with a new number.</p> : null}
      {error ? <ErrorAlert error={error} title="Your answer was not recorded." /> : null}
      <div ref={outcomeRef} tabIndex={-1}>
        <AlertOutcome alert={alert} caseLink={caseLink} />
      </div>
    </section>
  );
}
