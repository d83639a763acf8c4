import { type FormEvent, useRef, useState } from 'react';
import { useSubmissionKey } from '../../components/use-submission-key.ts';
import { type ApiError, query } from '../../api-client.ts';
import type { Account, Page, Transaction } from '../../api-types.ts';
import { Button } from '../../components/button.tsx';
import { Field } from '../../components/field.tsx';
import { formatDate, formatMoney } from '../../components/format.ts';
import { PageHeading } from '../../components/page.tsx';
import { ErrorAlert } from '../../components/status.tsx';
import { TextArea } from '../../components/text-area.tsx';
import { asApiError, useResource } from '../../components/use-resource.ts';
import { FilePicker } from '../../messages/attachments.tsx';
import { setFlash } from '../../messages/flash.ts';
import { fileErrors, isAttachmentError, startConversation } from '../../messages/post-message.ts';
import { Link, navigate, useLocation } from '../../router.tsx';
import { accountTitle } from '../labels.ts';
import { HumanPath, REASSURANCE } from './human-path.tsx';

const ID = { acc: /^acc_[0-9a-z]{16}$/, txn: /^txn_[0-9a-z]{16}$/ };

/** The transaction the cardholder asked about, looked up among the account's recent ones. */
function AboutTransaction({ accountId, transactionId }: { accountId: string; transactionId: string }) {
  const page = useResource<Page<Transaction>>(`/api/v1/accounts/${encodeURIComponent(accountId)}/transactions${query({ limit: 100 })}`);
  const t = page.data?.items.find((item) => item.id === transactionId);
  return (
    <div className="card card--accent stack-sm">
      <p className="eyebrow">About this transaction</p>
      {t ? (
        <p>
          <strong>{t.merchantName || t.description}</strong> · {formatMoney(t.amountCents, t.currency)} · {formatDate(t.postedAt ?? t.authorizedAt)}
          {t.cardLast4 ? ` · card ending ${t.cardLast4}` : ''}
        </p>
      ) : (
        <p>{page.status === 'loading' ? 'Loading the transaction…' : `Transaction reference ${transactionId}`}</p>
      )}
    </div>
  );
}

type Errors = { subject?: string; body?: string };

export function ComposePage() {
  const submission = useSubmissionKey();
  const { search } = useLocation();
  const givenAccount = search.get('accountId') ?? '';
  const givenTransaction = search.get('transactionId') ?? '';
  const accounts = useResource<Page<Account>>('/api/v1/accounts');
  const [accountId, setAccountId] = useState(ID.acc.test(givenAccount) ? givenAccount : '');
  const transactionId = ID.txn.test(givenTransaction) && accountId === givenAccount ? givenTransaction : '';
  // A link may suggest a subject (`?subject=`, e.g. from a help article); the cardholder can change it.
  const givenSubject = (search.get('subject') ?? '').trim().slice(0, 200);
  const [subject, setSubject] = useState(transactionId ? 'Question about a transaction' : givenSubject);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [perFile, setPerFile] = useState<Record<number, string>>({});
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [isSending, setIsSending] = useState(false);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const account = accounts.data?.items.find((a) => a.id === accountId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isSending) return;
    const found: Errors = {};
    if (!subject.trim()) found.subject = 'Enter a subject, for example “Charge I don’t recognize”.';
    if (!body.trim()) found.body = 'Write your message.';
    setErrors(found);
    setFailure(undefined);
    setPerFile({});
    if (found.subject) return subjectRef.current?.focus();
    if (found.body) return bodyRef.current?.focus();
    setIsSending(true);
    try {
      const posted = await startConversation(
        { subject: subject.trim(), body: body.trim(), accountId: accountId || undefined, transactionId: transactionId || undefined },
        files,
        submission.key(),
      );
      submission.settle();
      setFlash({ caseId: posted.case.id, sent: true, notice: posted.notice });
      navigate(`/messages/${encodeURIComponent(posted.case.id)}`);
    } catch (caught) {
      submission.settle(caught);
      const error = asApiError(caught);
      if (isAttachmentError(error)) setPerFile(fileErrors(error, files));
      const fieldErrors: Errors = {};
      for (const e of error.errors) if (e.field === 'subject' || e.field === 'body') fieldErrors[e.field] = e.message;
      setErrors(fieldErrors);
      setFailure(error);
      setIsSending(false);
    }
  };

  return (
    <div className="stack-lg">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/messages">All messages</Link>
      </nav>
      <div className="stack-sm">
        <PageHeading title="Write a secure message">Write a secure message</PageHeading>
        <p className="lead">We reply here, signed with the representative’s name and agent ID. You get a case number as soon as you send.</p>
        <p className="reassurance">{REASSURANCE}</p>
      </div>
      <form className="card composer stack" onSubmit={submit} noValidate aria-label="New message">
        {transactionId ? <AboutTransaction accountId={accountId} transactionId={transactionId} /> : null}
        <div className="field">
          <label className="field__label" htmlFor="compose-account">
            Which account is it about?
          </label>
          <select id="compose-account" className="field__input" value={accountId} onChange={(e) => setAccountId(e.target.value)}>
            <option value="">Not about a specific account</option>
            {accounts.data?.items.map((a) => (
              <option key={a.id} value={a.id}>
                {accountTitle(a)}
              </option>
            ))}
          </select>
        </div>
        <Field ref={subjectRef} id="compose-subject" label="Subject" value={subject} onValueChange={setSubject} error={errors.subject} maxLength={200} autoComplete="off" />
        <TextArea
          ref={bodyRef}
          id="compose-body"
          label="Your message"
          hint="Tell us what happened and what you would like us to do. Dates and amounts help."
          rows={7}
          value={body}
          onValueChange={setBody}
          error={errors.body}
          maxLength={20000}
        />
        <FilePicker id="compose-files" files={files} onChange={setFiles} errors={perFile} />
        {failure ? <ErrorAlert error={failure} title="Your message was not sent." /> : null}
        <div className="actions">
          <Button type="submit" aria-disabled={isSending || undefined}>
            {isSending ? 'Sending…' : 'Send message'}
          </Button>
        </div>
      </form>
      <HumanPath productLine={account?.productLine} />
    </div>
  );
}
