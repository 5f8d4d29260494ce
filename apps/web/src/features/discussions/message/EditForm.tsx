import { useState, type FormEvent } from 'react';
import { EditMessageInput, fieldsFromIssues } from '@commons/domain';
import { api } from '../../../api';
import { PersonalDataWarning } from '../../../components/PersonalDataWarning';
import type { Message } from '../common';

export function EditForm({ message, onDone }: { message: Message; onDone(updated?: Message): void }) {
  const [text, setText] = useState(message.body ?? '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const id = `edit-${message.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const parsed = EditMessageInput.safeParse({ body: text });
    if (!parsed.success) return setError(fieldsFromIssues(parsed.error.issues).body ?? parsed.error.issues[0]?.message);
    setBusy(true);
    try {
      const { message: updated } = await api<{ message: Message }>('PATCH', `/api/messages/${message.id}`, parsed.data);
      onDone(updated);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The message could not be saved.');
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="app-message__edit" aria-label="Edit message">
      <div className={error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
        <label className="govuk-label govuk-label--s" htmlFor={id}>
          Edit your message
        </label>
        {error && (
          <p className="govuk-error-message" id={`${id}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <textarea
          className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
          id={id}
          rows={3}
          value={text}
          autoFocus
          aria-describedby={[error && `${id}-error`, `${id}-warning`].filter(Boolean).join(' ')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onDone();
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
          }}
        />
        <PersonalDataWarning id={`${id}-warning`} text={text} mode="hold" />
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--secondary" aria-disabled={busy || undefined}>
          Save
        </button>
        <button type="button" className="govuk-link app-link-button" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
