import { useEffect, useRef, useState, type FormEvent, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import type { z } from 'zod';
import { fieldsFromIssues } from '@commons/domain';
import { ApiError } from '../api';

/** field path (the input's id) → message; "_" holds a message that belongs to no field */
export type FieldErrors = Record<string, string>;

/** Moves focus to the field and brings its label into view, as GOV.UK Frontend's own script does. */
function focusField(id: string) {
  const field = document.getElementById(id);
  if (!field) return;
  field.focus({ preventScroll: true });
  (field.closest('.govuk-form-group') ?? field).scrollIntoView();
}

/**
 * GOV.UK error summary. Takes focus whenever `attempt` changes so screen reader users hear the
 * problems straight after a failed submit. `order` lists field ids in page order.
 */
export function ErrorSummary({ errors, order, attempt }: { errors: FieldErrors; order: string[]; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  const shown = entries.length > 0;

  useEffect(() => {
    if (attempt > 0 && shown) ref.current?.focus();
  }, [attempt, shown]);

  if (!shown) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {entries.map(([field, message]) => (
              <li key={field}>
                {order.includes(field) ? (
                  <a
                    href={`#${field}`}
                    onClick={(e) => {
                      e.preventDefault();
                      focusField(field);
                    }}
                  >
                    {message}
                  </a>
                ) : (
                  message
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  /** shown under the control (e.g. a warning text); give it the id `${id}-after` so the control points to it */
  after?: ReactNode;
}

function describedBy(id: string, hint: unknown, error: string | undefined, after?: unknown) {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : '', after ? `${id}-after` : ''].filter(Boolean).join(' ') || undefined;
}

/** A GOV.UK form group's label, hint and error around a control; `compact` for boxes inside a page's flow (the message box). */
export function FieldChrome({ id, label, hint, error, after, compact, children }: FieldProps & { compact?: boolean; children: ReactNode }) {
  return (
    <div className={['govuk-form-group', error && 'govuk-form-group--error', compact && 'govuk-!-margin-bottom-2'].filter(Boolean).join(' ')}>
      <label className={compact ? 'govuk-label govuk-label--s' : 'govuk-label'} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className={compact ? 'govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-1' : 'govuk-hint'}>
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      {children}
      {after && <div id={`${id}-after`}>{after}</div>}
    </div>
  );
}

export function TextField({ id, label, hint, error, after, className, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldChrome id={id} label={label} hint={hint} error={error} after={after}>
      <input
        id={id}
        name={id}
        type="text"
        className={['govuk-input', error && 'govuk-input--error', className].filter(Boolean).join(' ')}
        aria-describedby={describedBy(id, hint, error, after)}
        {...input}
      />
    </FieldChrome>
  );
}

export function TextAreaField({ id, label, hint, error, after, className, ...textarea }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldChrome id={id} label={label} hint={hint} error={error} after={after}>
      <textarea
        id={id}
        name={id}
        rows={5}
        className={['govuk-textarea', error && 'govuk-textarea--error', className].filter(Boolean).join(' ')}
        aria-describedby={describedBy(id, hint, error, after)}
        {...textarea}
      />
    </FieldChrome>
  );
}

export function SelectField({ id, label, hint, error, after, children, ...select }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldChrome id={id} label={label} hint={hint} error={error} after={after}>
      <select
        id={id}
        name={id}
        className={error ? 'govuk-select govuk-select--error' : 'govuk-select'}
        aria-describedby={describedBy(id, hint, error, after)}
        {...select}
      >
        {children}
      </select>
    </FieldChrome>
  );
}

/**
 * GOV.UK radios in a fieldset. The first radio's id is `id`, so an error summary link lands on it;
 * the others are `${id}-2`, `${id}-3`…
 */
export function RadiosField({
  id,
  name,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  small,
}: {
  id: string;
  name: string;
  legend: string;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: string; label: string }[];
  value: string;
  onChange(value: string): void;
  small?: boolean;
}) {
  return (
    <div className={error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        {error && (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <div className={small ? 'govuk-radios govuk-radios--small' : 'govuk-radios'}>
          {options.map((option, i) => {
            const optionId = i === 0 ? id : `${id}-${i + 1}`;
            return (
              <div key={option.value} className="govuk-radios__item">
                <input
                  className="govuk-radios__input"
                  id={optionId}
                  name={name}
                  type="radio"
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => onChange(option.value)}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={optionId}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** GOV.UK warning text. */
export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

/** Server errors land in the same places as the browser's own: fields inline, anything else in the summary. */
export function errorsFromServer(err: unknown): FieldErrors {
  if (err instanceof ApiError && Object.keys(err.fields).length > 0) return err.fields;
  if (err instanceof Error) return { _: err.message };
  return { _: 'Something went wrong. Try again later.' };
}

/**
 * What the forms here share: check the fields with the shared schema, show the errors (each failed
 * attempt re-focuses the summary), and send one submission at a time. `send` may throw an ApiError,
 * whose fields land next to the inputs.
 */
export function useSchemaForm<S extends z.ZodType>(schema: S, read: (form: FormData) => unknown, send: (data: z.output<S>) => Promise<void>) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const pending = useRef(false);

  function fail(found: FieldErrors) {
    setErrors(found);
    setAttempt((n) => n + 1);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending.current) return;
    const parsed = schema.safeParse(read(new FormData(event.currentTarget)));
    if (!parsed.success) return fail(fieldsFromIssues(parsed.error.issues));
    pending.current = true;
    try {
      await send(parsed.data);
    } catch (err) {
      fail(errorsFromServer(err));
    } finally {
      pending.current = false;
    }
  }

  return { errors, attempt, onSubmit };
}
