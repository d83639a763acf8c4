import { type FormEvent, useRef, useState } from 'react';
import { type ApiError, api, query } from '../api-client.ts';
import type { Directory } from '../api-types.ts';
import { Button } from '../components/button.tsx';
import { useDirectory } from '../components/directory.tsx';
import { Field } from '../components/field.tsx';
import { PageHeading } from '../components/page.tsx';
import { Badge, ErrorAlert, Loading } from '../components/status.tsx';
import { asApiError } from '../components/use-resource.ts';
import type { RouteAnswer } from '../../modules/directory/route-question.schema.ts';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';

const QUESTION_MAX = 300; // ROUTE_QUERY_MAX_CHARS on the server

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** "Which number do I call?": a question in the cardholder's words → one hotline, its hours and why. */
function WhichNumber() {
  const [question, setQuestion] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [answer, setAnswer] = useState<RouteAnswer | undefined>();
  const [isAsking, setIsAsking] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const q = question.trim();
    setFailure(undefined);
    if (!q) {
      setError('Describe what you need help with, for example \u201cmy gift card balance\u201d.');
      return inputRef.current?.focus();
    }
    setError(undefined);
    setIsAsking(true);
    try {
      setAnswer(await api<RouteAnswer>(`/api/v1/directory/route${query({ q })}`, { notifyUnauthorized: false }));
    } catch (caught) {
      setAnswer(undefined);
      setFailure(asApiError(caught));
    } finally {
      setIsAsking(false);
    }
  };

  return (
    <section className="stack" aria-labelledby="which-number">
      <h2 id="which-number">Which number do I call?</h2>
      <form className="form stack-sm" onSubmit={submit} noValidate>
        <Field
          ref={inputRef}
          id="which-number-q"
          label="What do you need help with?"
          hint="In your own words, for example “my corporate card was declined abroad”."
          value={question}
          maxLength={QUESTION_MAX}
          error={error}
          onValueChange={setQuestion}
        />
        <Button type="submit" disabled={isAsking}>{isAsking ? 'Finding the number\u2026' : 'Find the number'}</Button>
      </form>
      {failure ? <ErrorAlert error={failure} title="We couldn’t find the number." /> : null}
      <div role="status" aria-live="polite">
        {answer ? (
          <div className="card card--accent stack-sm" aria-label="The number to call">
            <p className="eyebrow">Call {answer.name}</p>
            <p className="tile__phone">
              <a href={`tel:${answer.hotline.phone}`} className="phone-link">
                <span className="visually-hidden">Call {answer.name}: </span>
                {answer.hotline.display}
              </a>
            </p>
            <p>Open {lowerFirst(answer.hours.label)}.</p>
            <p>{answer.why}</p>
            {answer.articles.length > 0 ? (
              <p>
                Or read first:{' '}
                {answer.articles.map((a, i) => (
                  <span key={a.slug}>{i > 0 ? ', ' : ''}<a href={a.url}>{a.slug.replaceAll('-', ' ')}</a></span>
                ))}
              </p>
            ) : null}
            {answer.alternatives.length > 0 ? (
              <div>
                <p>If it is about another product:</p>
                <ul className="plain-list">
                  {answer.alternatives.map((alt) => (
                    <li key={alt.productLine}>
                      {alt.name}: <a href={`tel:${alt.hotline.phone}`}>{alt.hotline.display}</a>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}

function Hotlines({ directory }: { directory: Directory }) {
  return (
    <section className="stack" aria-labelledby="call-us">
      <h2 id="call-us">Call us</h2>
      <p>Pick the line for your product. If you are not sure, call the first one: they will transfer you.</p>
      <ul className="tile-list" aria-label="Phone numbers">
        {directory.hotlines.map((line) => (
          <li key={line.productLine} className="tile">
            <h3 className="tile__title">{line.name}</h3>
            <p className="tile__text">{line.description}</p>
            <p className="tile__phone">
              <a href={`tel:${line.phone}`} className="phone-link">
                <span className="visually-hidden">Call {line.name}: </span>
                {line.display}
              </a>
            </p>
            <p className="tile__meta">Open {line.hours.label.charAt(0).toLowerCase() + line.hours.label.slice(1)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function WriteToUs({ directory, isSignedIn }: { directory: Directory; isSignedIn: boolean }) {
  const preferred = directory.writtenChannels.find((c) => c.id === directory.preferredWrittenChannel);
  const others = directory.writtenChannels.filter((c) => c !== preferred);
  return (
    <section className="stack" aria-labelledby="write-to-us">
      <h2 id="write-to-us">Write to us</h2>
      {preferred ? (
        <div className="card card--accent stack-sm">
          <p className="eyebrow">Best way to write</p>
          <h3>{preferred.name}</h3>
          <p>{preferred.description}</p>
          {preferred.path ? (
            <p>
              <Link to={isSignedIn ? preferred.path : `/sign-in?next=${encodeURIComponent(preferred.path)}`} className="button button--primary">
                {isSignedIn ? `Open the ${preferred.name}` : `Sign in to the ${preferred.name}`}
              </Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {others.map((channel) => (
        <div key={channel.id} className="card stack-sm">
          <h3>{channel.name}</h3>
          <p>{channel.description}</p>
        </div>
      ))}
      <h3>By e-mail</h3>
      <ul className="plain-list">
        {directory.emailAddresses.map((email) => (
          <li key={email.address} className="card stack-sm">
            <p className="break">
              <strong>{email.address}</strong>{' '}
              {email.official ? <Badge tone="good">Official</Badge> : <Badge tone="danger">Not an official address</Badge>}
            </p>
            <p>{email.purpose}</p>
            {email.note ? <p>{email.note}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function MailAndOnline({ directory }: { directory: Directory }) {
  return (
    <>
      <section className="stack" aria-labelledby="by-post">
        <h2 id="by-post">By post</h2>
        <ul className="tile-list">
          {directory.mailingAddresses.map((a) => (
            <li key={a.id} className="tile">
              <h3 className="tile__title">{a.label}</h3>
              <p className="tile__text">{a.purpose}</p>
              <address>
                {a.lines.map((line) => (
                  <span key={line} className="address-line">{line}</span>
                ))}
                <span className="address-line">{`${a.city}, ${a.region} ${a.postalCode}`}</span>
                <span className="address-line">{a.country === 'US' ? 'United States' : a.country}</span>
              </address>
            </li>
          ))}
        </ul>
      </section>
      <section className="stack" aria-labelledby="online">
        <h2 id="online">Official websites and apps</h2>
        <p>
          We only use {directory.officialDomains.map((d, i) => <span key={d}>{i > 0 ? ', ' : ''}<strong className="break">{d}</strong></span>)}. A link to any other
          domain that claims to be us is a scam.
        </p>
        <ul className="link-list">
          {directory.officialWebPages.map((page) => (
            <li key={page.url}><a href={page.url} rel="noopener">{page.label}</a></li>
          ))}
          {directory.apps.map((app) => (
            <li key={app.store}>{`“${app.name}” app on ${app.store}`}</li>
          ))}
        </ul>
      </section>
    </>
  );
}

function Escalate({ directory }: { directory: Directory }) {
  return (
    <>
      <section className="stack" aria-labelledby="not-resolved">
        <h2 id="not-resolved">Not resolved?</h2>
        <p>
          Ask for a supervisor at any time, by phone or in a secure message. If we still haven’t resolved your problem, you can
          submit a complaint to the {directory.regulator.name} ({directory.regulator.shortName}).
        </p>
        <p>
          <a href={directory.regulator.complaintUrl} rel="noopener">
            Submit a complaint to the {directory.regulator.shortName}
            <span className="visually-hidden"> (opens consumerfinance.gov)</span>
          </a>
        </p>
      </section>
      <section className="stack" aria-labelledby="stay-safe">
        <h2 id="stay-safe">Stay safe</h2>
        <ul className="card card--warning bullet-list">
          {directory.securityAdvice.map((advice) => <li key={advice}>{advice}</li>)}
        </ul>
        <p>
          Got a call, e-mail, text or link that claims to be us? <Link to="/scam-check">Check whether it is really us</Link>.
        </p>
      </section>
    </>
  );
}

export function ContactPage() {
  const directory = useDirectory();
  const { state } = useSession();
  const name = directory.data?.issuer.name;
  return (
    <div className="stack-lg">
      <div className="stack-sm">
        <PageHeading title="Contact us">Contact us</PageHeading>
        <p className="lead">
          {name ? `Every official way to reach ${name}. ` : ''}A person is always one call or message away.
        </p>
      </div>
      {directory.status === 'loading' ? <Loading label="Loading phone numbers and addresses…" /> : null}
      {directory.status === 'error' ? (
        <ErrorAlert error={directory.error} title="We couldn’t load our contact details.">
          <p>Call the number on the back of your card.</p>
        </ErrorAlert>
      ) : null}
      {directory.data ? (
        <>
          <WhichNumber />
          <WriteToUs directory={directory.data} isSignedIn={state.status === 'signed-in'} />
          <Hotlines directory={directory.data} />
          <MailAndOnline directory={directory.data} />
          <Escalate directory={directory.data} />
        </>
      ) : null}
    </div>
  );
}
