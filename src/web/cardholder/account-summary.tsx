import type { Account, Card } from '../api-types.ts';
import { hotlineFor, useDirectory } from '../components/directory.tsx';
import { formatExpiry, formatLongDate, formatMoney } from '../components/format.ts';
import { Badge, Notice } from '../components/status.tsx';
import { Link } from '../router.tsx';
import { accountStatus, balanceText, cardStatus, sentence } from './labels.ts';

export type Audience = 'cardholder' | 'staff';

function WhatToDo({ account }: { account: Account }) {
  const directory = useDirectory();
  const hotline = hotlineFor(directory.data, account.productLine);
  return (
    <p>
      While it is on hold, new charges are declined. <Link to={`/accounts/${encodeURIComponent(account.id)}/review`}>See the review</Link>: the
      documents we need, where to upload them and how long reviews usually take. You can also write to us in the{' '}
      <Link to="/messages">Secure Message Center</Link>
      {hotline ? (
        <>
          {' '}
          or call <a href={`tel:${hotline.phone}`}>{hotline.display}</a> ({hotline.hours.label.toLowerCase()})
        </>
      ) : null}
      .
    </p>
  );
}

/** A hold is explained, never just shown: since when, why, and (for the cardholder) what to do next. */
function HoldExplanation({ account, audience }: { account: Account; audience: Audience }) {
  return (
    <Notice tone="warning" title="This account is on hold">
      <p>
        {account.holdPlacedAt ? `Since ${formatLongDate(account.holdPlacedAt)}. ` : ''}
        Reason: {sentence(account.holdReason, 'we are reviewing this account.')}
      </p>
      {audience === 'staff' ? <p>New charges are declined until the review is decided.</p> : <WhatToDo account={account} />}
    </Notice>
  );
}

function CardItem({ card }: { card: Card }) {
  const status = cardStatus(card.status);
  return (
    <li className="card-chip">
      <span className="card-chip__number">
        <span className="visually-hidden">Card ending in </span>
        <span aria-hidden="true">•••• </span>
        {card.last4}
      </span>
      <span className="card-chip__meta">Expires {formatExpiry(card.expires)}</span>
      <Badge tone={status.tone}>{status.label}</Badge>
    </li>
  );
}

function Figure({ label, cents, currency, isMain = false }: { label: string; cents: number; currency: string; isMain?: boolean }) {
  return (
    <div className={isMain ? 'figure figure--main' : 'figure'}>
      <dt>{label}</dt>
      <dd>{formatMoney(cents, currency)}</dd>
    </div>
  );
}

function Figures({ account }: { account: Account }) {
  const { currency } = account;
  const balance = balanceText(account);
  return (
    <dl className="figures">
      <Figure label={balance.label} cents={Math.abs(account.balanceCents)} currency={currency} isMain />
      {account.pendingCents > 0 ? <Figure label="Pending charges" cents={account.pendingCents} currency={currency} /> : null}
      {account.creditLimitCents !== null ? <Figure label="Credit limit" cents={account.creditLimitCents} currency={currency} /> : null}
      {account.availableCreditCents !== null ? <Figure label="Available credit" cents={account.availableCreditCents} currency={currency} /> : null}
      {account.annualFeeCents > 0 ? <Figure label="Annual fee" cents={account.annualFeeCents} currency={currency} /> : null}
    </dl>
  );
}

/** Product, status, balances and cards of one account. */
export function AccountSummary({ account, cards, audience = 'cardholder' }: { account: Account; cards?: Card[] | undefined; audience?: Audience }) {
  const status = accountStatus(account.status);
  const product = account.cardProductName !== account.nickname ? account.cardProductName : null;
  return (
    <div className="stack-sm">
      <p className="account__meta">
        <Badge tone={status.tone}>{status.label}</Badge>
        {[product, account.productLineName].filter(Boolean).join(' · ')}
      </p>
      {account.status === 'on_hold' ? <HoldExplanation account={account} audience={audience} /> : null}
      {account.status === 'closed' ? <p>This account is closed{account.closedOn ? ` since ${formatLongDate(account.closedOn)}` : ''}.</p> : null}
      <Figures account={account} />
      {cards?.length ? (
        <ul className="card-chips" aria-label="Cards">
          {cards.map((card) => (
            <CardItem key={card.id} card={card} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
