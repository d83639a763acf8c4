import type { ScamCheckResult, Verdict } from '../../modules/scam-check/scam-check.types.ts';
import { Badge, type BadgeTone } from '../components/status.tsx';

const VERDICTS: Record<Verdict, { label: string; tone: BadgeTone }> = {
  official: { label: 'This is really us', tone: 'good' },
  not_official: { label: 'This is not us', tone: 'danger' },
  lookalike: { label: 'A look-alike: this is not us', tone: 'danger' },
  suspicious: { label: 'Suspicious: treat it as a scam', tone: 'danger' },
  unknown: { label: 'We can’t tell', tone: 'warning' },
};

const FIELD_NAMES = { phone: 'Phone number', email: 'E-mail address', url: 'Link', text: 'Message' } as const;

/** The verdict in words (not colour alone), every reason, and what to do next with the right hotline. */
export function ScamVerdict({ result }: { result: ScamCheckResult }) {
  const verdict = VERDICTS[result.verdict];
  return (
    <section className={`card stack-sm ${result.verdict === 'official' ? 'card--accent' : 'card--warning'}`} aria-labelledby="scam-verdict">
      <p>
        <Badge tone={verdict.tone}>Verdict</Badge>
      </p>
      <h2 id="scam-verdict">{verdict.label}</h2>
      {result.reasons.length > 0 ? (
        <>
          <h3>What we found</h3>
          <ul className="bullet-list" aria-label="Reasons">
            {result.reasons.map((r) => (
              <li key={`${r.field}-${r.code}-${r.message}`}>
                <strong>{FIELD_NAMES[r.field]}:</strong> {r.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>What to do</h3>
      <p>{result.whatToDo.summary}</p>
      {result.whatToDo.steps.length > 0 ? (
        <ol>
          {result.whatToDo.steps.map((step) => <li key={step}>{step}</li>)}
        </ol>
      ) : null}
      <p>
        {result.whatToDo.hotline.name}: <a href={`tel:${result.whatToDo.hotline.phone}`}>{result.whatToDo.hotline.display}</a>
      </p>
    </section>
  );
}
