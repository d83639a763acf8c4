import { type FormEvent, useState } from 'react';
import { useSubmissionKey } from '../../components/use-submission-key.ts';
import type { ApiError } from '../../api-client.ts';
import type { DisputeOptions } from '../../api-types.ts';
import { Button } from '../../components/button.tsx';
import { Field } from '../../components/field.tsx';
import { formatMoney } from '../../components/format.ts';
import { ErrorAlert } from '../../components/status.tsx';
import { TextArea } from '../../components/text-area.tsx';
import { asApiError } from '../../components/use-resource.ts';
import { FilePicker } from '../../messages/attachments.tsx';
import { fileErrors, isAttachmentError } from '../../messages/post-message.ts';
import { navigate } from '../../router.tsx';
import { disputeStatusPath, parseDollars } from './dispute-labels.ts';
import { checkDraft, type DisputeDraft, fileDispute, type MerchantContact } from './dispute-request.ts';
import { type AnswerValues, answerFieldId, ReasonQuestions } from './reason-questions.tsx';

const NO_CONTACT: MerchantContact = { contactedOn: '', how: '', outcome: '' };
/** Reasons whose disputed amount follows from an answer (the overcharge, the cash not dispensed). */
const IMPLIED_AMOUNT = new Set(['incorrect_amount', 'atm_misdispense']);

function focusFirst(errors: Record<string, string>) {
  const first = Object.keys(errors)[0];
  if (!first) return;
  const id = first === 'amount' ? 'dispute-amount' : first.startsWith('answers.merchantContact') ? 'dispute-contact-on' : answerFieldId(first.replace(/^answers\./, ''));
  document.getElementById(id)?.focus();
}

/** Step 2 of the wizard: the reason, its questions, the amount, what was tried with the merchant, evidence. */
export function DisputeForm({ options }: { options: DisputeOptions }) {
  const submission = useSubmissionKey();
  const t = options.transaction;
  const [reasonKey, setReasonKey] = useState('');
  const [values, setValues] = useState<AnswerValues>({});
  const [isPartial, setIsPartial] = useState(false);
  const [amountText, setAmountText] = useState('');
  const [contact, setContact] = useState<MerchantContact>(NO_CONTACT);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [perFile, setPerFile] = useState<Record<number, string>>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [isSending, setIsSending] = useState(false);
  const reason = options.reasons.find((r) => r.reason === reasonKey);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isSending || !reason) return;
    const amountCents = isPartial ? (parseDollars(amountText) ?? -1) : null;
    const draft: DisputeDraft = { transactionId: t.id, reason, values, amountCents, contact };
    const found = checkDraft(draft, t.amountCents);
    setErrors(found);
    setFailure(undefined);
    setPerFile({});
    if (Object.keys(found).length) return focusFirst(found);
    setIsSending(true);
    try {
      const filed = await fileDispute(draft, files, submission.key());
      submission.settle();
      navigate(disputeStatusPath(filed.id, true));
    } catch (caught) {
      submission.settle(caught);
      const error = asApiError(caught);
      if (isAttachmentError(error)) setPerFile(fileErrors(error, files));
      const fieldErrors = Object.fromEntries(error.errors.map((e) => [e.field, e.message]));
      setErrors(fieldErrors);
      setFailure(error);
      setIsSending(false);
    }
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label="Dispute details">
      <fieldset className="choice-group">
        <legend>
          <h2>What went wrong?</h2>
        </legend>
        {options.reasons.map((r) => (
          <label key={r.reason} className="choice">
            <input type="radio" name="dispute-reason" value={r.reason} checked={reasonKey === r.reason} onChange={() => setReasonKey(r.reason)} />
            {r.label}
          </label>
        ))}
      </fieldset>
      {reason?.isFraud ? (
        <p className="reassurance">If someone else used your card, lock it now from your account page. We will block and replace it for you when we review this.</p>
      ) : null}
      {reason ? (
        <>
          <h2>Tell us more</h2>
          <ReasonQuestions reason={reason} options={options} values={values} errors={errors} onChange={(k, v) => setValues((old) => ({ ...old, [k]: v }))} />
          {IMPLIED_AMOUNT.has(reason.reason) ? (
            <p className="muted">We will dispute the difference between the charge and the amount you give above.</p>
          ) : (
            <fieldset className="choice-group">
              <legend className="field__label">How much are you disputing?</legend>
              <label className="choice">
                <input type="radio" name="dispute-amount-choice" checked={!isPartial} onChange={() => setIsPartial(false)} />
                The whole charge ({formatMoney(t.amountCents, t.currency)})
              </label>
              <label className="choice">
                <input type="radio" name="dispute-amount-choice" checked={isPartial} onChange={() => setIsPartial(true)} />
                Part of it
              </label>
            </fieldset>
          )}
          {isPartial && !IMPLIED_AMOUNT.has(reason.reason) ? (
            <Field id="dispute-amount" label="Amount you are disputing" hint={`In dollars, up to ${formatMoney(t.amountCents, t.currency)}`} inputMode="decimal" value={amountText} onValueChange={setAmountText} error={errors.amount} autoComplete="off" />
          ) : null}
          {reason.asksMerchantContact ? (
            <fieldset className="stack-sm">
              <legend className="field__label">What have you tried with the merchant? (optional)</legend>
              <p className="field__hint">It helps us challenge the charge, but you do not have to contact the merchant before disputing.</p>
              <Field id="dispute-contact-on" label="When did you contact them? (optional)" type="date" value={contact.contactedOn} onValueChange={(v) => setContact({ ...contact, contactedOn: v })} error={errors['answers.merchantContact.contactedOn']} />
              <Field id="dispute-contact-how" label="How? (optional)" hint="For example: e-mail, phone, chat" value={contact.how} onValueChange={(v) => setContact({ ...contact, how: v })} maxLength={2000} autoComplete="off" />
              <TextArea id="dispute-contact-outcome" label="What did they say? (optional)" rows={2} value={contact.outcome} onValueChange={(v) => setContact({ ...contact, outcome: v })} maxLength={2000} />
            </fieldset>
          ) : null}
          <FilePicker id="dispute-files" files={files} onChange={setFiles} errors={perFile} />
          {failure ? <ErrorAlert error={failure} title="Your dispute was not sent." /> : null}
          <div className="actions">
            <Button type="submit" aria-disabled={isSending || undefined}>
              {isSending ? 'Sending…' : 'Submit dispute'}
            </Button>
          </div>
        </>
      ) : null}
    </form>
  );
}
