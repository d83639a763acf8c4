import { useState } from 'react';
import { type ApiError, api } from '../../api-client.ts';
import type { Enrollment, Rewards } from '../../api-types.ts';
import { Button } from '../../components/button.tsx';
import { formatLongDate, formatMoney } from '../../components/format.ts';
import { ErrorAlert, Notice } from '../../components/status.tsx';
import { asApiError } from '../../components/use-resource.ts';

type Program = NonNullable<Rewards['program']>;

const perDollar = (rate: number) => `${rate} point${rate === 1 ? '' : 's'} per dollar`;

/** How this card earns: the base rate, bonus categories with how much of each cap is used, and promotions. */
export function ProgramSummary({ accountId, program, onEnrolled, canEnroll }: { accountId: string; program: Program; onEnrolled: () => void; canEnroll: boolean }) {
  return (
    <section className="card stack" aria-labelledby="how-you-earn">
      <h2 id="how-you-earn">How you earn</h2>
      <p>
        {program.name}: {perDollar(program.baseRate)} on purchases
        {program.postsAt === 'statement_close' ? ', posted when each statement closes.' : ', posted when the purchase posts.'}
      </p>
      <ul className="plain-list divided">
        {program.categories.map((c) => (
          <li key={c.id}>
            <p>
              <strong>{c.label}</strong>: {perDollar(c.rate)}
              {c.cap ? ` on up to ${formatMoney(c.cap.amountCents)} per ${c.cap.period}` : ''}
            </p>
            {c.cap ? (
              <p className="muted small">
                {`${formatMoney(c.cap.usedCents)} of ${formatMoney(c.cap.amountCents)} used in ${c.cap.currentPeriod}.`}
                {c.cap.reachedOn ? ` Cap reached on ${formatLongDate(c.cap.reachedOn)}; until the ${c.cap.period} ends these purchases earn ${perDollar(program.baseRate)}.` : ''}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {program.promotions.length ? (
        <>
          <h3>Promotions</h3>
          <ul className="plain-list divided">
            {program.promotions.map((p) => (
              <Promotion key={p.id} accountId={accountId} p={p} onEnrolled={onEnrolled} canEnroll={canEnroll} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Promotion({ accountId, p, onEnrolled, canEnroll }: { accountId: string; p: Program['promotions'][number]; onEnrolled: () => void; canEnroll: boolean }) {
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const enroll = async () => {
    if (isBusy) return; // one request at a time; the server also answers a repeat with the first enrollment
    setIsBusy(true);
    setError(null);
    try {
      await api<Enrollment>(`/api/v1/accounts/${encodeURIComponent(accountId)}/rewards/promotions/${encodeURIComponent(p.id)}/enroll`, { method: 'POST' });
      onEnrolled();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <li className="stack-sm">
      <p>
        <strong>{p.name}</strong> ({formatLongDate(p.startsOn)} to {formatLongDate(p.endsOn)}): {p.description}
      </p>
      {p.enrolled ? (
        <Notice tone="success">{p.enrolledAt ? `Enrolled on ${formatLongDate(p.enrolledAt)}. Purchases from then on earn the extra points.` : 'No enrollment needed.'}</Notice>
      ) : canEnroll ? (
        <Button variant="secondary" onClick={() => void enroll()} aria-disabled={isBusy || undefined}>
          {isBusy ? 'Enrolling…' : `Enroll in ${p.name}`}
        </Button>
      ) : (
        <p className="muted small">Not enrolled.</p>
      )}
      {error ? <ErrorAlert error={error} title="We couldn’t enroll you." /> : null}
    </li>
  );
}
