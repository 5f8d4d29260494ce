import { useState, type FormEvent } from 'react';
import { FlagInput, fieldsFromIssues } from '@commons/domain';
import { api } from '../../../api';

const FLAG_REASONS = [
  { value: 'personal_data', label: 'It contains personal data' },
  { value: 'abusive', label: 'It is abusive' },
  { value: 'spam', label: 'It is spam' },
  { value: 'other', label: 'Something else' },
] as const;

export function FlagForm({ messageId, onDone }: { messageId: number; onDone(): void }) {
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState(false);
  const id = `flag-${messageId}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = FlagInput.safeParse({ reason: reason || undefined, note: note.trim() ? note : undefined });
    if (!parsed.success) {
      const f = fieldsFromIssues(parsed.error.issues);
      return setError(f.reason ? 'Select why you are reporting this message' : (f.note ?? parsed.error.issues[0]?.message));
    }
    try {
      await api('POST', `/api/messages/${messageId}/flags`, parsed.data);
      setSent(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'The report could not be sent.');
    }
  }

  if (sent)
    return (
      <p className="govuk-body-s app-message__flagged" role="status">
        Thank you. A moderator will look at this message.{' '}
        <button type="button" className="govuk-link app-link-button" onClick={onDone}>
          Close
        </button>
      </p>
    );
  return (
    <form onSubmit={submit} noValidate className="app-message__flag" aria-label="Report message">
      <div className={error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
        <label className="govuk-label govuk-label--s" htmlFor={`${id}-reason`}>
          Why are you reporting this message?
        </label>
        {error && (
          <p className="govuk-error-message" id={`${id}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <select
          className={`govuk-select${error ? ' govuk-select--error' : ''}`}
          id={`${id}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          <option value="">Choose a reason</option>
          {FLAG_REASONS.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor={`${id}-note`}>
          Anything else a moderator should know (optional)
        </label>
        <textarea className="govuk-textarea" id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--warning">
          Report
        </button>
        <button type="button" className="govuk-link app-link-button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
