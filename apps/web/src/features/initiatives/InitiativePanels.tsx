import { useState, type FormEvent } from 'react';
import { MilestoneInput, Rag, UpdateInput, type Initiative, type Milestone, type User } from '@commons/domain';
import { api } from '../../api';
import { ErrorSummary, TextAreaField, TextField, useSchemaForm } from '../../components/forms';
import { PersonalDataWarning, useTypedText } from '../../components/PersonalDataWarning';
import { formatDate, Markdown } from '../tools/ToolCommon';
import { formatDay, RAG_LABEL, RagTag } from './InitiativeCommon';

/** The milestones in order; a leader ticks them (the answer and the event both update the page). */
export function Milestones({ slug, milestones, canEdit, onSaved }: { slug: string; milestones: Milestone[]; canEdit: boolean; onSaved(m: Milestone): void }) {
  const [error, setError] = useState<string>();
  // The box shows the click at once; the answer (then the event) confirms it, a failure puts it back.
  const [pending, setPending] = useState<Record<number, boolean>>({});
  const settle = (id: number) => setPending(({ [id]: _, ...rest }) => rest);
  const tick = (m: Milestone, done: boolean) => {
    setError(undefined);
    setPending((p) => ({ ...p, [m.id]: done }));
    api<{ milestone: Milestone }>('PATCH', `/api/initiatives/${slug}/milestones/${m.id}`, { done })
      .then((r) => onSaved(r.milestone))
      .catch((e: Error) => setError(e.message))
      .finally(() => settle(m.id));
  };
  if (!milestones.length) return <p className="govuk-body">No milestones yet.</p>;
  return (
    <div className="app-milestones">
      {error && <p className="govuk-error-message">{error}</p>}
      <ul className="govuk-list" aria-label="Milestones">
        {milestones.map((m) => (
          <li key={m.id} className={`app-milestone${m.overdue ? ' app-milestone--overdue' : ''}`} data-testid={`milestone-${m.id}`}>
            {canEdit ? (
              <div className="govuk-checkboxes govuk-checkboxes--small">
                <div className="govuk-checkboxes__item">
                  <input className="govuk-checkboxes__input" id={`milestone-${m.id}`} type="checkbox" checked={pending[m.id] ?? m.done} onChange={(e) => tick(m, e.target.checked)} />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={`milestone-${m.id}`}>
                    {m.title}
                  </label>
                </div>
              </div>
            ) : (
              <span>
                {m.done ? '✓ ' : ''}
                {m.title}
              </span>
            )}
            <span className="govuk-body-s govuk-!-margin-bottom-0">
              {m.dueDate && `due ${formatDay(m.dueDate)}`}
              {m.overdue && <strong> · overdue</strong>}
              {m.done && m.doneAt && ` · done by ${m.doneBy?.displayName ?? 'a former member'}, ${formatDate(m.doneAt)}`}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function NewMilestoneForm({ slug }: { slug: string }) {
  const [key, setKey] = useState(0);
  const { texts, onInput, reset } = useTypedText();
  const { errors, attempt, onSubmit } = useSchemaForm(
    MilestoneInput,
    (form) => ({ title: form.get('title'), dueDate: String(form.get('dueDate') ?? '') || null }),
    async (input) => {
      await api('POST', `/api/initiatives/${slug}/milestones`, input);
      setKey((k) => k + 1);
      reset();
    },
  );
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Add a milestone</span>
      </summary>
      <form key={key} className="govuk-details__text" onSubmit={onSubmit} onInput={onInput} noValidate aria-label="Add a milestone">
        <ErrorSummary errors={errors} order={['title', 'dueDate']} attempt={attempt} />
        <TextField id="title" label="Milestone" error={errors.title} after={<PersonalDataWarning text={texts.title} />} />
        <TextField id="dueDate" label="Due date (optional)" type="date" className="govuk-input--width-10" error={errors.dueDate} />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Add milestone
        </button>
      </form>
    </details>
  );
}

export function Updates({ updates }: { updates: Initiative['updates'] }) {
  if (!updates.length) return <p className="govuk-body">No updates yet.</p>;
  return (
    <ol className="govuk-list" aria-label="Updates">
      {updates.map((u) => (
        <li key={u.id} className={`app-update${u.rag ? ` app-update--${u.rag}` : ''}`}>
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            {u.author?.displayName ?? 'A former member'}, {formatDate(u.createdAt)} <RagTag rag={u.rag} />
          </p>
          <Markdown text={u.body} />
        </li>
      ))}
    </ol>
  );
}

export function NewUpdateForm({ slug }: { slug: string }) {
  const [key, setKey] = useState(0);
  const { texts, onInput, reset } = useTypedText();
  const { errors, attempt, onSubmit } = useSchemaForm(
    UpdateInput,
    (form) => ({ body: form.get('body'), rag: String(form.get('rag') ?? '') || null }),
    async (input) => {
      await api('POST', `/api/initiatives/${slug}/updates`, input);
      setKey((k) => k + 1);
      reset();
    },
  );
  return (
    <form key={key} onSubmit={onSubmit} onInput={onInput} noValidate aria-label="Post an update">
      <ErrorSummary errors={errors} order={['body', 'rag']} attempt={attempt} />
      <TextAreaField id="body" label="Post an update to followers" hint="Markdown. Followers are notified." rows={4} error={errors.body} after={<PersonalDataWarning text={texts.body} />} />
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor="rag">
          How is it going? (optional)
        </label>
        <select className="govuk-select" id="rag" name="rag" defaultValue="">
          <option value="">No rating</option>
          {Rag.options.map((r) => (
            <option key={r} value={r}>
              {RAG_LABEL[r]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="govuk-button">
        Post update
      </button>
    </form>
  );
}

/** Admins find any member and make them a leader (reassigning: add the new one, then remove the old). */
export function LeaderSearch({ slug }: { slug: string }) {
  const [found, setFound] = useState<User[]>();
  const [error, setError] = useState<string>();
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get('leaderQuery') ?? '');
    api<{ items: User[] }>('GET', `/api/users?q=${encodeURIComponent(q)}`)
      .then((r) => setFound(r.items))
      .catch((e: Error) => setError(e.message));
  };
  const add = (id: string) => api('PUT', `/api/initiatives/${slug}/leaders/${id}`).catch((e: Error) => setError(e.message));
  return (
    <form onSubmit={search} aria-label="Find a new leader">
      {error && <p className="govuk-error-message">{error}</p>}
      <TextField id="leaderQuery" label="Find a member to make leader" />
      <button type="submit" className="govuk-button govuk-button--secondary">
        Find
      </button>
      {found && (
        <ul className="govuk-list">
          {found.map((u) => (
            <li key={u.id}>
              {u.displayName} ({u.email}){' '}
              <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={() => add(u.id)}>
                Make leader
              </button>
            </li>
          ))}
          {found.length === 0 && <li>Nobody matches.</li>}
        </ul>
      )}
    </form>
  );
}
