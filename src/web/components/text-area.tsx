import { forwardRef, type TextareaHTMLAttributes } from 'react';

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'onChange'> & {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  onValueChange: (value: string) => void;
};

/** A labelled multi-line field; hint and error are read with it, and the error is not colour alone. */
export const TextArea = forwardRef<HTMLTextAreaElement, TextAreaProps>(function TextArea({ id, label, hint, error, onValueChange, className, ...rest }, ref) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={['field', error ? 'field--error' : '', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <textarea
        ref={ref}
        id={id}
        className="field__input field__textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        onChange={(event) => onValueChange(event.target.value)}
        {...rest}
      />
    </div>
  );
});
