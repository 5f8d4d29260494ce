import { useState } from 'react';
import { DecisionInput, fieldsFromIssues, type ModerationItem } from '@commons/domain';
import { api, ApiError } from '../../api';
import { DECISIONS, type Decision } from './labels';
import { fetchItem } from './queue';

type Field = 'summary' | 'details' | 'organisation';
const LABELS: Record<Field, string> = { summary: 'Summary', details: 'Details', organisation: 'Organisation' };

/** The redaction the moderator starts from: the detector's, field by field (or the text as shown). */
function prefill(item: ModerationItem): Partial<Record<Field, string>> {
  const r = item.redacted;
  const out: Partial<Record<Field, string>> = { summary: r?.summary ?? item.content.summary };
  if (item.subjectType === 'message') return out;
  const details = r ? r.details : item.content.details;
  const organisation = r?.organisation !== undefined ? r.organisation : item.content.organisation;
  if (details) out.details = details;
  if (organisation) out.organisation = organisation;
  return out;
}

/**
 * Approve, redact or reject, with a note. The redaction is editable: the moderator can take out any
 * span, not only what the detector found; only fields they changed are sent (the API keeps the
 * detector's redaction of the rest), and each must itself pass the detector.
 */
export function DecisionForm({ item, onItem }: { item: ModerationItem; onItem(item: ModerationItem): void }) {
  const start = prefill(item);
  const [note, setNote] = useState('');
  const [texts, setTexts] = useState(start);
  const [busy, setBusy] = useState<Decision | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const id = (what: string) => `item-${item.id}-${what}`;
  const fields = Object.keys(start) as Field[];

  async function decide(decision: Decision) {
    if (busy) return;
    const changed = fields.filter((f) => (texts[f] ?? '') !== (start[f] ?? ''));
    const redacted = decision === 'redact' && changed.length ? Object.fromEntries(changed.map((f) => [f, texts[f] ?? ''])) : undefined;
    const parsed = DecisionInput.safeParse({ decision, note: note.trim() ? note : undefined, redacted });
    if (!parsed.success) return setErrors(fieldsFromIssues(parsed.error.issues));
    setBusy(decision);
    setErrors({});
    try {
      const { item: after } = await api<{ item: ModerationItem }>('POST', `/api/moderation/items/${item.id}/decision`, parsed.data);
      onItem(after);
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : {};
      setErrors({ ...fields, form: err instanceof Error ? err.message : 'The decision could not be saved. Try again.' });
      // Someone else decided first: show what they decided.
      if (err instanceof ApiError && err.status === 409) {
        const latest = await fetchItem(item.id).catch(() => undefined);
        if (latest) onItem(latest);
      }
    } finally {
      setBusy(null);
    }
  }

  const fieldError = (key: string) =>
    errors[key] && (
      <p className="govuk-error-message" id={id(`${key}-error`)}>
        <span className="govuk-visually-hidden">Error:</span> {errors[key]}
      </p>
    );

  return (
    <div className="app-item__actions">
      {errors.form && <div className="govuk-form-group govuk-form-group--error">{fieldError('form')}</div>}
      <details className="govuk-details app-item__redaction" open={fields.some((f) => errors[`redacted.${f}`]) || undefined}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Edit the redaction</span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body-s">Remove anything that identifies a child or family, then choose Redact. The detector checks your text again.</p>
          {fields.map((f) => (
            <div key={f} className={errors[`redacted.${f}`] ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
              <label className="govuk-label govuk-label--s" htmlFor={id(`redact-${f}`)}>
                {item.subjectType === 'message' ? 'Message' : LABELS[f]}, as published
              </label>
              {fieldError(`redacted.${f}`)}
              <textarea
                className="govuk-textarea app-item__redacted"
                id={id(`redact-${f}`)}
                rows={f === 'organisation' ? 1 : 3}
                value={texts[f] ?? ''}
                onChange={(e) => {
                  setTexts((t) => ({ ...t, [f]: e.target.value }));
                  setErrors(({ [`redacted.${f}`]: _, ...rest }) => rest);
                }}
                aria-describedby={errors[`redacted.${f}`] ? id(`redacted.${f}-error`) : undefined}
              />
            </div>
          ))}
        </div>
      </details>
      <div className={errors.note ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
        <label className="govuk-label govuk-label--s" htmlFor={id('note')}>
          Note (optional)
        </label>
        {fieldError('note')}
        <textarea className="govuk-textarea app-item__note" id={id('note')} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="govuk-button-group">
        {(Object.keys(DECISIONS) as Decision[]).map((d) => (
          <button key={d} type="button" className={DECISIONS[d].button} aria-disabled={busy !== null || undefined} onClick={() => decide(d)}>
            {busy === d ? `${DECISIONS[d].label}…` : DECISIONS[d].label}
            <span className="govuk-visually-hidden"> item {item.id}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
