import { type FormEvent, useState } from 'react';
import { query } from '../api-client.ts';
import type { CustomerSummary, Page } from '../api-types.ts';
import { Button } from '../components/button.tsx';
import { Field } from '../components/field.tsx';
import { formatPhone } from '../components/format.ts';
import { PageHeading } from '../components/page.tsx';
import { ErrorAlert, Loading } from '../components/status.tsx';
import { useResource } from '../components/use-resource.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { accountCountText, roleLabel } from './labels.ts';

function WhoAmI() {
  const { state } = useSession();
  if (state.status !== 'signed-in') return null;
  const { user } = state;
  return (
    <section className="card stack-sm" aria-labelledby="who-am-i">
      <h2 id="who-am-i">Signed in as {user.displayName}</h2>
      <dl className="figures">
        <div className="figure">
          <dt>Agent ID</dt>
          <dd>{user.agentCode ?? '—'}</dd>
        </div>
        <div className="figure">
          <dt>Role</dt>
          <dd>{roleLabel(user.role)}</dd>
        </div>
      </dl>
      <p className="muted small">Cardholders see your name and agent ID on every reply you send.</p>
    </section>
  );
}

function Results({ q }: { q: string }) {
  const results = useResource<Page<CustomerSummary>>(`/api/v1/customers${query({ q })}`);
  if (results.status === 'loading') return <Loading label="Searching…" />;
  if (results.status === 'error') return <ErrorAlert error={results.error} title="The search didn’t work." />;
  const items = results.data.items;
  return (
    <div className="stack-sm">
      <p role="status">{items.length === 0 ? `No customers match “${q}”.` : `${items.length} ${items.length === 1 ? 'customer matches' : 'customers match'} “${q}”.`}</p>
      {items.length ? (
        <ul className="plain-list divided" aria-label="Search results">
          {items.map((c) => (
            <li key={c.id} className="result">
              <Link to={`/staff/customers/${encodeURIComponent(c.id)}`} className="result__link">
                {c.displayName}
              </Link>
              <p className="muted small break">{`${c.email} · ${formatPhone(c.phone)} · ${c.city}, ${c.region}`}</p>
              <p className="muted small">
                {accountCountText(c.accountCount)}
                {c.matchedCardLast4 ? ` · matched card ending ${c.matchedCardLast4}` : ''}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function CustomerSearch() {
  const { search } = useLocation();
  const q = search.get('q')?.trim() ?? '';
  const [text, setText] = useState(q);
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = text.trim();
    if (wanted.length < 2) return setError('Enter at least 2 characters: a name, e-mail address, phone number or the last 4 digits of a card.');
    setError(undefined);
    navigate(`/staff${query({ q: wanted })}`);
  };
  return (
    <section className="card stack" aria-labelledby="find-customer">
      <h2 id="find-customer">Find a customer</h2>
      <form role="search" className="search-form" noValidate onSubmit={submit} aria-label="Customers">
        <Field id="customer-q" label="Name, e-mail, phone or card last 4" type="search" autoComplete="off" spellCheck={false}
          value={text} onValueChange={setText} error={error} />
        <Button type="submit">Search</Button>
      </form>
      {q ? <Results key={q} q={q} /> : null}
    </section>
  );
}

function QueueShortcuts() {
  return (
    <section className="card stack-sm" aria-labelledby="queue-shortcuts">
      <h2 id="queue-shortcuts">Queue</h2>
      <p>Secure messages from cardholders, with their service-level clocks.</p>
      <ul className="link-list">
        <li><Link to="/staff/queue?who=me">My cases</Link></li>
        <li><Link to="/staff/queue?who=none">Unassigned cases</Link></li>
        <li><Link to="/staff/queue">All open cases</Link></li>
        <li><Link to="/staff/queue?breached=true">Cases past their service level</Link></li>
      </ul>
    </section>
  );
}

export function StaffHome() {
  return (
    <div className="stack-lg">
      <PageHeading title="Staff console">Staff console</PageHeading>
      <WhoAmI />
      <QueueShortcuts />
      <CustomerSearch />
    </div>
  );
}
