import type { DisputeOptions, DisputeReasonOption } from '../../api-types.ts';
import { Field } from '../../components/field.tsx';
import { formatDate, formatMoney } from '../../components/format.ts';
import { TextArea } from '../../components/text-area.tsx';

export type AnswerValues = Record<string, string>;
type Question = DisputeReasonOption['questions'][number];

const fieldId = (key: string) => `dispute-answer-${key}`;

function YesNo({ q, value, error, onChange }: { q: Question; value: string; error: string | undefined; onChange: (v: string) => void }) {
  const errorId = error ? `${fieldId(q.key)}-error` : undefined;
  return (
    <fieldset className="choice-group" aria-describedby={errorId} id={fieldId(q.key)} tabIndex={-1}>
      <legend className="field__label">
        {q.label}
        {q.required ? '' : ' (optional)'}
      </legend>
      {error ? (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {(['yes', 'no'] as const).map((v) => (
        <label key={v} className="choice">
          <input type="radio" name={fieldId(q.key)} value={v} checked={value === v} onChange={() => onChange(v)} />
          {v === 'yes' ? 'Yes' : 'No'}
        </label>
      ))}
    </fieldset>
  );
}

function OtherCharge({ q, value, error, onChange, options }: { q: Question; value: string; error: string | undefined; onChange: (v: string) => void; options: DisputeOptions }) {
  const charges = options.sameMerchantCharges;
  const errorId = error ? `${fieldId(q.key)}-error` : undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={fieldId(q.key)}>
        {q.label}
      </label>
      {charges.length === 0 ? <p className="field__hint">We found no other posted charge from this merchant within 30 days, so we cannot treat this one as a duplicate. Choose another reason, or message us.</p> : null}
      {error ? (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <select id={fieldId(q.key)} className="field__input" value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={errorId} aria-invalid={error ? true : undefined}>
        <option value="">Choose the other charge</option>
        {charges.map((c) => (
          <option key={c.id} value={c.id}>
            {`${c.merchantName ?? c.description}, ${formatMoney(c.amountCents, c.currency)}, ${formatDate(c.date)}`}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The questions of one reason (REFERENCE.md: evidence is reason-specific), as labelled native inputs. */
export function ReasonQuestions({ reason, options, values, errors, onChange }: { reason: DisputeReasonOption; options: DisputeOptions; values: AnswerValues; errors: Record<string, string>; onChange: (key: string, value: string) => void }) {
  return (
    <>
      {reason.questions.map((q) => {
        const value = values[q.key] ?? '';
        const error = errors[`answers.${q.key}`];
        const set = (v: string) => onChange(q.key, v);
        const label = q.required ? q.label : `${q.label} (optional)`;
        if (q.kind === 'boolean') return <YesNo key={q.key} q={q} value={value} error={error} onChange={set} />;
        if (q.kind === 'id') return <OtherCharge key={q.key} q={q} value={value} error={error} onChange={set} options={options} />;
        if (q.kind === 'date') return <Field key={q.key} id={fieldId(q.key)} label={label} type="date" value={value} onValueChange={set} error={error} />;
        if (q.kind === 'cents') {
          return <Field key={q.key} id={fieldId(q.key)} label={label.replace(', in cents', '')} hint="In dollars, for example 42.50" inputMode="decimal" value={value} onValueChange={set} error={error} autoComplete="off" />;
        }
        return <TextArea key={q.key} id={fieldId(q.key)} label={label} rows={3} maxLength={2000} value={value} onValueChange={set} error={error} />;
      })}
    </>
  );
}

export { fieldId as answerFieldId };
