import type { DisputeOptions, RefundCheck } from '../../api-types.ts';
import { Button, ButtonLink } from '../../components/button.tsx';
import { formatLongDate, formatMoney } from '../../components/format.ts';
import { Notice } from '../../components/status.tsx';
import { Link } from '../../router.tsx';
import { disputeStatusPath } from './dispute-labels.ts';

/** The charge being disputed, as the cardholder knows it from the account page. */
export function ChargeSummary({ t }: { t: DisputeOptions['transaction'] }) {
  return (
    <div className="card card--accent stack-sm">
      <p className="eyebrow">The charge</p>
      <p>
        <strong>{t.merchantName ?? t.description}</strong> · {formatMoney(t.amountCents, t.currency)} · {t.status === 'posted' ? 'posted' : t.status} {formatLongDate(t.date)}
        {t.cardLast4 ? ` · card ending ${t.cardLast4}` : ''}
      </p>
    </div>
  );
}

/** An authorization (or a decline, or a credit) is explained, with what the cardholder can do instead. */
export function NotDisputable({ options }: { options: DisputeOptions }) {
  const isPending = options.transaction.status === 'authorized';
  return (
    <Notice tone="info" title={isPending ? 'This charge is still pending, so it can’t be disputed yet' : 'This can’t be disputed'}>
      <p>{options.notDisputableReason}</p>
      <div className="actions">
        {isPending ? <ButtonLink to={`/accounts/${encodeURIComponent(options.transaction.accountId)}#cards`}>Lock my card</ButtonLink> : null}
        <ButtonLink to={`/messages/new?accountId=${encodeURIComponent(options.transaction.accountId)}&transactionId=${encodeURIComponent(options.transaction.id)}`}>Ask us about it</ButtonLink>
      </div>
    </Notice>
  );
}

export function AlreadyOpen({ open }: { open: NonNullable<DisputeOptions['openDispute']> }) {
  return (
    <Notice tone="info" title={`You already have an open dispute on this charge (case ${open.caseNumber})`}>
      <p>One dispute per charge keeps everything in one place. You can add information or documents to it.</p>
      <p>
        <Link to={disputeStatusPath(open.id)}>See the dispute on case {open.caseNumber}</Link>
      </p>
    </Notice>
  );
}

/** "The merchant says it refunded me": a matching credit on the ledger is shown before anything is filed. */
export function RefundFound({ check, onContinue }: { check: RefundCheck; onContinue: () => void }) {
  return (
    <section className="card card--warning stack-sm" aria-labelledby="refund-found">
      <h2 id="refund-found">We found a refund from this merchant</h2>
      <p>{check.message}</p>
      <ul className="bullet-list">
        {check.matches.map((m) => (
          <li key={m.transactionId}>
            {formatMoney(m.amountCents)} {m.status === 'pending' ? 'pending since' : 'posted on'} {formatLongDate(m.date)}
            {m.merchantName ? ` from ${m.merchantName}` : ''}
          </li>
        ))}
      </ul>
      <p>If this refund is the one the merchant promised, there is nothing to dispute. If it is for something else, you can still continue.</p>
      <div className="actions">
        <Button variant="secondary" onClick={onContinue}>
          It’s not this refund — continue
        </Button>
      </div>
    </section>
  );
}
