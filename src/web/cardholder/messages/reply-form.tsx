import { type FormEvent, useRef, useState } from 'react';
import { useSubmissionKey } from '../../components/use-submission-key.ts';
import { ApiError } from '../../api-client.ts';
import type { MessagePosted } from '../../api-types.ts';
import { Button } from '../../components/button.tsx';
import { ErrorAlert } from '../../components/status.tsx';
import { TextArea } from '../../components/text-area.tsx';
import { asApiError } from '../../components/use-resource.ts';
import { FilePicker } from '../../messages/attachments.tsx';
import { fileErrors, isAttachmentError, postReply } from '../../messages/post-message.ts';
import { REASSURANCE } from './human-path.tsx';

type ReplyFormProps = { caseId: string; onSent: (posted: MessagePosted) => void; onClosed: () => void };

/** The cardholder's reply: text, optional files, and errors shown where they belong. */
export function ReplyForm({ caseId, onSent, onClosed }: ReplyFormProps) {
  const submission = useSubmissionKey();
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [bodyError, setBodyError] = useState<string | undefined>();
  const [perFile, setPerFile] = useState<Record<number, string>>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [isSending, setIsSending] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isSending) return;
    setError(undefined);
    setPerFile({});
    if (!body.trim()) {
      setBodyError('Write your reply before sending.');
      textarea.current?.focus();
      return;
    }
    setBodyError(undefined);
    setIsSending(true);
    try {
      const posted = await postReply(caseId, { body: body.trim() }, files, submission.key());
      submission.settle();
      setBody('');
      setFiles([]);
      onSent(posted);
    } catch (caught) {
      submission.settle(caught);
      const failure = asApiError(caught);
      if (failure instanceof ApiError && failure.code === 'case_closed') onClosed();
      if (isAttachmentError(failure)) setPerFile(fileErrors(failure, files));
      if (failure.errors.some((e) => e.field === 'body')) setBodyError(failure.errors.find((e) => e.field === 'body')?.message);
      setError(failure);
    } finally {
      setIsSending(false);
    }
  };

  return (
    <form className="card composer stack" onSubmit={submit} noValidate aria-labelledby="reply-heading">
      <h2 id="reply-heading">Reply</h2>
      <p className="reassurance">{REASSURANCE}</p>
      <TextArea ref={textarea} id="reply-body" label="Your message" rows={5} value={body} onValueChange={setBody} error={bodyError} maxLength={20000} />
      <FilePicker id="reply-files" files={files} onChange={setFiles} errors={perFile} />
      {error ? <ErrorAlert error={error} title="Your reply was not sent." /> : null}
      <div className="actions">
        <Button type="submit" aria-disabled={isSending || undefined}>
          {isSending ? 'Sending…' : 'Send reply'}
        </Button>
      </div>
    </form>
  );
}
