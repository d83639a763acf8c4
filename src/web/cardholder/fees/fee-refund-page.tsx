import { useState } from 'react';
import { useSubmissionKey } from '../../components/use-submission-key.ts';
import { api, ApiError } from '../../api-client.ts';
import { Button } from '../../components/button.tsx';
import { Field } from '../../components/field.tsx';
import { formatLongDate, formatMoney } from '../../components/format.ts';
import { PageHeading } from '../../components/page.tsx';
import { ErrorAlert, Loading, Notice } from '../../components/status.tsx';
import { useResource } from '../../components/use-resource.ts';
import { Link } from '../../router.tsx';

type Line = { kind: string; label: string; amountCents: number };
type Quote = {
  accountId: string;
  closeOn: string;
  currency: string;
  hasAnnualFee: boolean;
  message: string;
  lines: Line[];
  refundCents: number;
  needsApproval: boolean;
  existingRefund: { id: string; status: string; refundCents: number; caseNumber: string } | null;
};
type Refund = { id: string; status: string; message: string; caseNumber: string; refundCents: number };

function QuoteLines({ quote }: { quote: Quote }) {
  return (
    <table className="table" aria-label="How the refund is computed">
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col" className="numeric">Amount</th>
        </tr>
      </thead>
      <tbody>
        {quote.lines.map((l, i) => (
          <tr key={i} className={l.kind === 'total' ? 'table__total' : undefined}>
            <td>{l.label}</td>
            <td className="numeric">{formatMoney(l.amountCents, quote.currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The annual-fee refund calculator: pick a close date, see every line; close today and request the refund. */
export function FeeRefundPage({ id }: { id: string }) {
  const submission = useSubmissionKey();
  const [closeOn, setCloseOn] = useState('');
  const quote = useResource<Quote>(`/api/v1/accounts/${id}/fee-refund-quote${closeOn ? `?closeOn=${closeOn}` : ''}`);
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Refund | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api<Refund>(`/api/v1/accounts/${id}/fee-refund`, { method: 'POST', body: { confirmClose: true }, idempotencyKey: submission.key() }));
      submission.settle();
    } catch (e) {
      submission.settle(e);
      setError(e instanceof ApiError ? e : new ApiError({ status: 0, code: 'client_error', title: 'Something went wrong.' }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="stack">
      <p>
        <Link to={`/accounts/${id}`}>Back to the account</Link>
      </p>
      <PageHeading title="Annual fee refund">Annual fee refund calculator</PageHeading>
      <p>Choose the day you would close the account to see what part of the annual fee we refund, and how we work it out.</p>
      <Field id="close-on" label="Close date" type="date" hint="Today or any day in the next year." value={closeOn} onValueChange={setCloseOn} />
      {quote.status === 'loading' ? <Loading label="Working out the refund…" /> : null}
      {quote.status === 'error' ? <ErrorAlert error={quote.error} title="We couldn’t work out the refund." /> : null}
      {quote.status === 'ok' ? (
        <section className="card stack" aria-labelledby="quote-heading">
          <h2 id="quote-heading">If you close on {formatLongDate(quote.data.closeOn)}</h2>
          <p role="status">{quote.data.message}</p>
          {quote.data.lines.length ? <QuoteLines quote={quote.data} /> : null}
        </section>
      ) : null}
      {result ? (
        <Notice tone="success" title="Your request is done">
          <p role="status">{result.message}</p>
        </Notice>
      ) : quote.status === 'ok' && quote.data.existingRefund ? (
        <Notice title="A refund was already requested">
          <p>Case {quote.data.existingRefund.caseNumber}: {formatMoney(quote.data.existingRefund.refundCents, quote.data.currency)} ({quote.data.existingRefund.status.replace('_', ' ')}).</p>
        </Notice>
      ) : quote.status === 'ok' && quote.data.hasAnnualFee ? (
        <section className="card stack" aria-labelledby="close-heading">
          <h2 id="close-heading">Close the account today</h2>
          <p>Closing takes effect today. The refund for today’s date is shown when you leave the close date empty.</p>
          <div className="field">
            <label>
              <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} /> I understand my account closes today
            </label>
          </div>
          {error ? <ErrorAlert error={error} /> : null}
          <Button onClick={submit} disabled={!confirm || busy}>
            {busy ? 'Sending…' : 'Close my account and request the refund'}
          </Button>
        </section>
      ) : null}
    </div>
  );
}
