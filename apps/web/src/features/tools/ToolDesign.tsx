import { useState } from 'react';
import { Link } from 'react-router-dom';
import { fieldsFromIssues, lineDiff, SectionConflict, SectionEdit, type DesignSection, type Revision } from '@commons/domain';
import type { Topic } from '@commons/realtime';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { PersonalDataWarning } from '../../components/PersonalDataWarning';
import { useRealtime } from '../../realtime';
import { formatDate, Markdown } from './ToolCommon';

type Saved = { ok: true; section: DesignSection } | { ok: false; conflict?: DesignSection; message: string };

/** A save with its base revision; a 409 carries the section as it now is, which api() would drop. */
async function putSection(slug: string, key: string, edit: SectionEdit): Promise<Saved> {
  const res = await fetch(`/api/tools/${slug}/design/sections/${key}`, {
    method: 'PUT',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(edit),
  }).catch(() => null);
  if (!res) return { ok: false, message: 'The service could not be reached. Your text is still here: try again.' };
  const data: unknown = await res.json().catch(() => undefined);
  if (res.ok) return { ok: true, section: (data as { section: DesignSection }).section };
  const conflict = SectionConflict.safeParse(data);
  if (conflict.success) return { ok: false, conflict: conflict.data.error.current, message: conflict.data.error.message };
  // A refused body (e.g. personal data) names the field: its message is what the writer needs to read.
  const error = (data as { error?: { message?: string; fields?: Record<string, string> } })?.error;
  return { ok: false, message: error?.fields?.body ?? error?.message ?? `Could not save (${res.status})` };
}

function Revisions({ slug, section }: { slug: string; section: DesignSection }) {
  const [items, setItems] = useState<Revision[]>();
  const [shown, setShown] = useState<number>();
  const load = () => {
    api<{ items: Revision[] }>('GET', `/api/tools/${slug}/design/sections/${section.key}/revisions`)
      .then(({ items }) => setItems(items))
      .catch(() => setItems([]));
  };
  if (section.revision === 0) return null;
  return (
    <details className="govuk-details app-revisions" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && load()}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Revisions of {section.title.toLowerCase()}</span>
      </summary>
      <div className="govuk-details__text">
        {!items ? (
          <p className="govuk-body">Loading…</p>
        ) : (
          <ol className="govuk-list">
            {items.map((r, i) => {
              const previous = items[i + 1];
              return (
                <li key={r.revision}>
                  Revision {r.revision} by {r.author?.displayName ?? 'a former member'}, {formatDate(r.createdAt)}{' '}
                  <button type="button" className="app-link-button govuk-link" onClick={() => setShown(shown === r.revision ? undefined : r.revision)}>
                    {shown === r.revision ? 'Hide changes' : 'Show changes'}
                  </button>
                  {shown === r.revision && (
                    <pre className="app-diff" aria-label={`Changes in revision ${r.revision}`}>
                      {lineDiff(previous?.body ?? '', r.body).map((line, n) => (
                        <span key={n} className={`app-diff__${line.op}`}>
                          {line.op === 'added' ? '+ ' : line.op === 'removed' ? '- ' : '  '}
                          {line.text}
                          {'\n'}
                        </span>
                      ))}
                    </pre>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </details>
  );
}

function Section({ slug, topic, section, onSaved }: { slug: string; topic: Topic; section: DesignSection; onSaved(s: DesignSection): void }) {
  const { user } = useAuth();
  const realtime = useRealtime();
  const [draft, setDraft] = useState<{ body: string; base: number } | null>(null);
  const [conflict, setConflict] = useState<DesignSection | null>(null);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const id = `section-${section.key}`;

  async function save() {
    if (!draft) return;
    const parsed = SectionEdit.safeParse({ body: draft.body, baseRevision: draft.base });
    if (!parsed.success) return setError(Object.values(fieldsFromIssues(parsed.error.issues))[0]);
    setSaving(true);
    const result = await putSection(slug, section.key, parsed.data);
    setSaving(false);
    if (result.ok) {
      onSaved(result.section);
      setDraft(null);
      setConflict(null);
      setError(undefined);
    } else if (result.conflict) {
      // Keep the writer's text; from now on they edit on top of the newer revision.
      onSaved(result.conflict);
      setConflict(result.conflict);
      setDraft({ body: draft.body, base: result.conflict.revision });
      setError(undefined);
    } else setError(result.message);
  }

  // Someone else saved while this person was editing: say so now rather than at save time. Not while
  // saving: the newer revision may be this save's own, heard live before its answer (a conflict says so).
  const overtaken = draft && !saving && section.revision > draft.base ? section : null;

  return (
    <section className="app-section" aria-labelledby={`${id}-title`} data-key={section.key}>
      <h3 className="govuk-heading-m" id={`${id}-title`}>
        {section.title}
      </h3>
      {draft ? (
        <div className={error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}>
          {(conflict ?? overtaken) && (
            <div className="govuk-notification-banner" role="alert" aria-labelledby={`${id}-conflict`}>
              <div className="govuk-notification-banner__header">
                <h4 className="govuk-notification-banner__title" id={`${id}-conflict`}>
                  {(conflict ?? overtaken)!.updatedBy?.displayName ?? 'Someone'} saved a newer version
                </h4>
              </div>
              <div className="govuk-notification-banner__content">
                <p className="govuk-body">
                  {conflict ? 'Your text was not saved. Merge their text below into yours, then save again.' : 'Saving now would be refused: copy what you need from their text first.'}
                </p>
                <pre className="app-conflict" aria-label="Their text">
                  {(conflict ?? overtaken)!.body}
                </pre>
              </div>
            </div>
          )}
          <label className="govuk-label" htmlFor={id}>
            Edit {section.title.toLowerCase()} (Markdown)
          </label>
          {error && (
            <p id={`${id}-error`} className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {error}
            </p>
          )}
          <textarea
            className={error ? 'govuk-textarea govuk-textarea--error' : 'govuk-textarea'}
            id={id}
            rows={8}
            value={draft.body}
            aria-describedby={[error && `${id}-error`, `${id}-warning`].filter(Boolean).join(' ')}
            onChange={(e) => {
              setDraft({ ...draft, body: e.target.value });
              realtime.typing(topic, section.key);
            }}
          />
          <PersonalDataWarning id={`${id}-warning`} text={draft.body} />
          <div className="govuk-button-group">
            <button type="button" className="govuk-button" onClick={save} disabled={saving}>
              Save {section.title.toLowerCase()}
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => (setDraft(null), setConflict(null), setError(undefined))}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <>
          {section.body ? <Markdown text={section.body} /> : <p className="govuk-body govuk-hint">Nothing written yet.</p>}
          <p className="govuk-body-s app-section__meta">
            {section.updatedBy && section.updatedAt && (
              <>
                Revision {section.revision}, by {section.updatedBy.displayName}, {formatDate(section.updatedAt)}.{' '}
              </>
            )}
            {user && (
              <button type="button" className="app-link-button govuk-link" onClick={() => setDraft({ body: section.body, base: section.revision })}>
                Edit<span className="govuk-visually-hidden"> {section.title.toLowerCase()}</span>
              </button>
            )}
          </p>
        </>
      )}
      <Revisions slug={slug} section={section} />
    </section>
  );
}

export function ToolDesign({ slug, topic, sections, onSaved }: { slug: string; topic: Topic; sections: DesignSection[]; onSaved(s: DesignSection): void }) {
  return (
    <>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/tools/${slug}/design`}>
          Open the design document to write it together, live
        </Link>{' '}
        (everyone's typing merges as you go, with versions and comments).
      </p>
      {sections.map((s) => (
        <Section key={s.key} slug={slug} topic={topic} section={s} onSaved={onSaved} />
      ))}
    </>
  );
}
