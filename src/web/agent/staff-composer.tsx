import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useSubmissionKey } from '../components/use-submission-key.ts';
import { type ApiError, api } from '../api-client.ts';
import type { Macro, MessagePosted, Page } from '../api-types.ts';
import { Button } from '../components/button.tsx';
import { ErrorAlert } from '../components/status.tsx';
import { TextArea } from '../components/text-area.tsx';
import { asApiError, useResource } from '../components/use-resource.ts';
import { FilePicker } from '../messages/attachments.tsx';
import { fileErrors, isAttachmentError, postReply } from '../messages/post-message.ts';
import { useSession } from '../session.tsx';

type Mode = 'reply' | 'note';

function MacroPicker({ caseId, onInsert }: { caseId: string; onInsert: (text: string, title: string) => void }) {
  const macros = useResource<Page<Macro>>('/api/v1/macros');
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<ApiError | undefined>();
  const insert = async () => {
    const macro = macros.data?.items.find((m) => m.id === chosen);
    if (!macro) return;
    setError(undefined);
    try {
      const rendered = await api<{ body: string }>(`/api/v1/macros/${encodeURIComponent(macro.id)}/render`, { method: 'POST', body: { caseId } });
      onInsert(rendered.body, macro.title);
    } catch (caught) {
      setError(asApiError(caught));
    }
  };
  if (macros.status !== 'ok' || macros.data.items.length === 0) return null;
  return (
    <div className="inline-form">
      <div className="field">
        <label className="field__label" htmlFor="macro">Macro</label>
        <select id="macro" className="field__input" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">Choose a macro…</option>
          {macros.data.items.map((m) => <option key={m.id} value={m.id}>{m.title}</option>)}
        </select>
      </div>
      <Button variant="secondary" onClick={() => void insert()} aria-disabled={!chosen || undefined}>
        Insert macro
      </Button>
      {error ? <ErrorAlert error={error} title="The macro could not be filled in." /> : null}
    </div>
  );
}

type ComposerProps = { caseId: string; canReply: boolean; onSent: (posted: MessagePosted) => void };

/** Reply to the cardholder (signed with the agent's name and ID) or write an internal note. */
export function StaffComposer({ caseId, canReply, onSent }: ComposerProps) {
  const submission = useSubmissionKey();
  const { state } = useSession();
  const me = state.status === 'signed-in' ? state.user : null;
  const [mode, setMode] = useState<Mode>(canReply ? 'reply' : 'note');
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [bodyError, setBodyError] = useState<string | undefined>();
  const [perFile, setPerFile] = useState<Record<number, string>>({});
  const [error, setError] = useState<ApiError | undefined>();
  const [status, setStatus] = useState('');
  const [isSending, setIsSending] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!canReply) setMode('note');
  }, [canReply]);

  const onInsert = (text: string, title: string) => {
    setBody((current) => (current.trim() ? `${current.trimEnd()}\n\n${text}` : text));
    setStatus(`Macro “${title}” inserted. Check it before sending.`);
    textarea.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isSending) return;
    setError(undefined);
    setPerFile({});
    setStatus('');
    if (!body.trim()) {
      setBodyError(mode === 'note' ? 'Write the note before saving.' : 'Write the reply before sending.');
      return textarea.current?.focus();
    }
    setBodyError(undefined);
    setIsSending(true);
    try {
      const posted = await postReply(caseId, { body: body.trim(), internal: mode === 'note' ? true : undefined }, files, submission.key());
      submission.settle();
      setBody('');
      setFiles([]);
      setStatus(mode === 'note' ? 'Internal note saved.' : 'Reply sent to the cardholder.');
      onSent(posted);
    } catch (caught) {
      submission.settle(caught);
      const failure = asApiError(caught);
      if (failure.code === 'outbound_sensitive_request') {
        setBodyError(failure.userMessage); // beside the text, and read with it
        textarea.current?.focus();
      } else {
        if (isAttachmentError(failure)) setPerFile(fileErrors(failure, files));
        setError(failure);
      }
    } finally {
      setIsSending(false);
    }
  };

  const isNote = mode === 'note';
  return (
    <form className={`card composer stack${isNote ? ' composer--note' : ''}`} onSubmit={submit} noValidate aria-labelledby="composer-heading">
      <h2 id="composer-heading">Write</h2>
      <fieldset className="segmented">
        <legend className="visually-hidden">Who will see it</legend>
        <label className="segmented__option">
          <input type="radio" name="compose-mode" value="reply" checked={mode === 'reply'} disabled={!canReply} onChange={() => setMode('reply')} />
          <span>Reply to cardholder</span>
        </label>
        <label className="segmented__option">
          <input type="radio" name="compose-mode" value="note" checked={isNote} onChange={() => setMode('note')} />
          <span>Internal note</span>
        </label>
      </fieldset>
      <p className={isNote ? 'composer__who composer__who--note' : 'composer__who'}>
        {isNote
          ? 'Internal note — not visible to the cardholder.'
          : `The cardholder sees this signed ${me ? `${me.displayName}${me.agentCode ? `, agent ID ${me.agentCode}` : ''}` : 'with your name and agent ID'}. Never ask for a full card number, CVV, PIN, one-time code or password.`}
      </p>
      {!canReply ? <p className="muted small">This case is closed: only internal notes can be added.</p> : null}
      {!isNote ? <MacroPicker caseId={caseId} onInsert={onInsert} /> : null}
      <TextArea ref={textarea} id="composer-body" label={isNote ? 'Internal note' : 'Reply to the cardholder'} rows={7} value={body} onValueChange={setBody} error={bodyError} maxLength={20000} />
      <FilePicker id="composer-files" files={files} onChange={setFiles} errors={perFile} />
      {error ? <ErrorAlert error={error} title={isNote ? 'The note was not saved.' : 'The reply was not sent.'} /> : null}
      <p role="status" className="muted small">{status}</p>
      <div className="actions">
        <Button type="submit" aria-disabled={isSending || undefined}>
          {isSending ? 'Sending…' : isNote ? 'Save internal note' : 'Send reply'}
        </Button>
      </div>
    </form>
  );
}
