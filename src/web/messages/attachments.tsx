import { type ChangeEvent, useRef, useState } from 'react';
import type { Attachment } from '../api-types.ts';
import { fileSize } from './case-labels.ts';

export const MAX_FILES = 5;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ACCEPTED: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };
const EXTENSIONS = /\.(pdf|png|jpe?g)$/i;
export const ACCEPT_ATTRIBUTE = 'application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg';
export const LIMITS_TEXT = `Up to ${MAX_FILES} files: PDF, PNG or JPEG, each up to 10 MB. Cover any full card number before you take a screenshot.`;

/** Every file of a message, with a download link (the server sends it as an attachment, never inline). */
export function AttachmentList({ items }: { items: Attachment[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="attachment-list" aria-label="Attachments">
      {items.map((a) => (
        <li key={a.id}>
          <a href={a.url} download={a.fileName} className="attachment-link">
            <span aria-hidden="true" className="attachment-link__icon">📎</span>
            <span className="break">
              <span className="visually-hidden">Download </span>
              {a.fileName}
            </span>
          </a>{' '}
          <span className="muted small">({fileSize(a.sizeBytes)})</span>
        </li>
      ))}
    </ul>
  );
}

/** Why a file cannot be sent, checked before upload (the server checks the content again). */
export function checkFile(file: File): string | null {
  if (file.size === 0) return 'the file is empty.';
  if (!ACCEPTED[file.type] && !EXTENSIONS.test(file.name)) return 'only PDF, PNG and JPEG files can be sent.';
  if (file.size > MAX_FILE_BYTES) return `it is ${fileSize(file.size)}; the limit is 10 MB per file.`;
  return null;
}

type Refusal = { name: string; reason: string };

type FilePickerProps = {
  id: string;
  files: File[];
  onChange: (files: File[]) => void;
  /** Refusals from the server, by file position. */
  errors?: Record<number, string> | undefined;
  disabled?: boolean;
};

/** A native file input (keyboard and screen-reader friendly) with the limits said before upload. */
export function FilePicker({ id, files, onChange, errors = {}, disabled }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<Refusal[]>([]);
  const hintId = `${id}-hint`;
  const refusedId = `${id}-refused`;

  const add = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = Array.from(event.target.files ?? []);
    const next = [...files];
    const notAdded: Refusal[] = [];
    for (const file of chosen) {
      const problem = checkFile(file);
      if (problem) notAdded.push({ name: file.name, reason: problem });
      else if (next.length >= MAX_FILES) notAdded.push({ name: file.name, reason: `a message can carry ${MAX_FILES} files; send it in another message.` });
      else next.push(file);
    }
    setRefused(notAdded);
    onChange(next);
    event.target.value = ''; // the same file can be chosen again after removing it
  };

  const remove = (index: number) => {
    onChange(files.filter((_, i) => i !== index));
    setRefused([]);
    input.current?.focus();
  };

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        Attach files (optional)
      </label>
      <p className="field__hint" id={hintId}>
        {LIMITS_TEXT}
      </p>
      {refused.length ? (
        <div className="field__error" id={refusedId} role="alert">
          <p>{refused.length === 1 ? 'This file was not attached:' : 'These files were not attached:'}</p>
          <ul className="bullet-list">
            {refused.map((r) => (
              <li key={r.name}>
                <span className="break">“{r.name}”</span>: {r.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <input
        ref={input}
        id={id}
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        className="file-input"
        aria-describedby={[hintId, refused.length ? refusedId : ''].filter(Boolean).join(' ')}
        onChange={add}
        disabled={disabled}
      />
      {files.length ? (
        <ul className="file-list" aria-label="Files to send">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`} className={errors[index] ? 'file-list__item file-list__item--error' : 'file-list__item'}>
              <span className="break">
                <strong>{file.name}</strong> <span className="muted small">({fileSize(file.size)})</span>
              </span>
              <button type="button" className="button button--link" onClick={() => remove(index)} aria-label={`Remove ${file.name}`}>
                Remove
              </button>
              {errors[index] ? (
                <p className="field__error file-list__error">
                  <span className="visually-hidden">Error: </span>
                  {errors[index]}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {files.length >= MAX_FILES ? <p className="muted small">That is the most one message can carry ({MAX_FILES} files).</p> : null}
    </div>
  );
}
