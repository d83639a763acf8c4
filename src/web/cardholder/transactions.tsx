import type { Transaction } from '../api-types.ts';
import { formatDate, formatMoney } from '../components/format.ts';
import { Badge } from '../components/status.tsx';
import { Link } from '../router.tsx';
import { declineText, transactionState } from './labels.ts';
import { DeclineReason } from './cards/decline-reason.tsx';
import { DisputeLink } from './disputes/dispute-link.tsx';

function Amount({ t }: { t: Transaction }) {
  const money = formatMoney(t.amountCents, t.currency);
  const isVoid = t.status === 'declined' || t.status === 'reversed';
  if (t.direction === 'credit') {
    return (
      <span className={`txn__amount txn__amount--credit${isVoid ? ' txn__amount--void' : ''}`}>
        +{money}
        <span className="visually-hidden"> credit</span>
      </span>
    );
  }
  return (
    <span className={`txn__amount${isVoid ? ' txn__amount--void' : ''}`}>
      {money}
      {isVoid ? <span className="visually-hidden"> (not charged)</span> : null}
    </span>
  );
}

/** The compose page, preselecting this transaction and its account. */
export function askAboutPath(t: Transaction): string {
  return `/messages/new?accountId=${encodeURIComponent(t.accountId)}&transactionId=${encodeURIComponent(t.id)}`;
}

export function TransactionRow({ t, askAbout = false }: { t: Transaction; askAbout?: boolean }) {
  const state = transactionState(t);
  const name = t.merchantName || t.description;
  const detail = t.merchantName && t.description !== t.merchantName ? t.description : null;
  return (
    <li className={`txn txn--${t.status}`}>
      <div className="txn__main">
        <p className="txn__name">{name}</p>
        {detail ? <p className="txn__detail">{detail}</p> : null}
        <p className="txn__meta">
          {state.dateLabel} {formatDate(state.date)}
          {t.cardLast4 ? ` · card ending ${t.cardLast4}` : ''}
        </p>
        {t.status === 'declined' ? <p className="txn__meta">{declineText(t.declineReason)}</p> : null}
        {askAbout ? (
          <Link to={askAboutPath(t)} className="txn__ask" aria-label={`Ask about this: ${name}, ${formatMoney(t.amountCents, t.currency)}, ${formatDate(state.date)}`}>
            Ask about this
          </Link>
        ) : null}
        {askAbout ? <DisputeLink t={t} /> : null}
        {askAbout && t.status === 'declined' ? <DeclineReason transactionId={t.id} /> : null}
      </div>
      <div className="txn__side">
        <Amount t={t} />
        <Badge tone={state.tone}>{state.label}</Badge>
      </div>
    </li>
  );
}

export function TransactionList({ items, label, askAbout = false }: { items: Transaction[]; label: string; askAbout?: boolean }) {
  if (items.length === 0) return <p className="muted">No transactions yet.</p>;
  const hasPending = items.some((t) => t.status === 'authorized');
  return (
    <>
      <ul className="txn-list" aria-label={label}>
        {items.map((t) => (
          <TransactionRow key={t.id} t={t} askAbout={askAbout} />
        ))}
      </ul>
      {hasPending ? (
        <p className="muted small">
          <strong>Pending</strong> charges are approved but not final: the amount can still change or drop off. <strong>Posted</strong> charges are
          final and appear on your statement.
        </p>
      ) : null}
    </>
  );
}
